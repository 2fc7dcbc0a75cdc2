import { Group, Text } from '@mantine/core';
import { memo, startTransition, useEffect, useState, type MouseEvent } from 'react';
import type { YearCell, YearGrid as Grid } from '@shared/ipc/collection-types';
import { CELL, CM } from './messages';
import css from './year-grid.module.css';

const CLASS: Record<YearCell, string> = {
  met: css.met!,
  partly: css.partly!,
  missing: css.missing!,
  overdue: css.overdue!,
  'not-due': css.notDue!,
};
const ORDER: YearCell[] = ['met', 'partly', 'missing', 'overdue', 'not-due'];
/** Rows painted at once (more than a window shows); the rest follow right after. */
const FIRST_ROWS = 60;

/**
 * The whole year at a glance: the unit's owed criteria × the period's months, a colour and a symbol per cell (已交 ✓,
 * 部分 ◐, 未交 ○, 逾期 !, 不需交 blank), so it reads without colour too. A cell opens its month. One click handler
 * for the whole table and plain cells keep 250 × 12 fluid.
 */
export function YearGrid(props: { grid: Grid; currentMonth: string; onOpenMonth(month: string): void }) {
  const { grid } = props;
  const [all, setAll] = useState(false);
  useEffect(() => {
    if (grid.rows.length > FIRST_ROWS) startTransition(() => setAll(true));
  }, [grid.rows.length]);
  const click = (e: MouseEvent<HTMLTableSectionElement>) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('td[data-month]');
    if (cell && cell.dataset.state !== 'not-due') props.onOpenMonth(cell.dataset.month!);
  };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8, height: '100%', minHeight: 0 }}>
      <Legend />
      {grid.rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {CM.yearEmpty}
        </Text>
      ) : (
        // Focusable, so the keyboard scrolls a grid larger than the window.
        <div className={css.wrap} tabIndex={0} role="region" aria-label={CM.yearGridLabel}>
          <table className={css.grid} data-testid="year-grid">
            <thead>
              <tr>
                <th className={css.rowHead}>{CM.item}</th>
                {grid.months.map((m) => (
                  <th
                    key={m}
                    className={`${css.month} ${m === props.currentMonth ? css.current : ''}`}
                    scope="col"
                    title={CM.monthLabel(m)}
                  >
                    {Number(m.slice(5, 7))}月
                  </th>
                ))}
              </tr>
            </thead>
            <tbody onClick={click}>
              {(all ? grid.rows : grid.rows.slice(0, FIRST_ROWS)).map((r) => (
                <Row key={r.code} code={r.code} title={r.title} cells={r.cells} months={grid.months} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

const Row = memo(function Row(props: { code: string; title: string; cells: YearCell[]; months: string[] }) {
  return (
    <tr data-code={props.code}>
      <th className={css.rowHead} scope="row" title={`${props.code} ${props.title}`}>
        <span className={css.code}>{props.code}</span>
        {props.title}
      </th>
      {props.cells.map((c, i) => {
        const month = props.months[i]!;
        return (
          <td
            key={month}
            className={`${css.cell} ${CLASS[c]}`}
            data-month={month}
            data-state={c}
            title={CM.yearCellTitle(props.code, month, CELL[c].label)}
          >
            {CELL[c].symbol}
          </td>
        );
      })}
    </tr>
  );
});

function Legend() {
  return (
    <Group gap="md" data-testid="year-legend" aria-label={CM.yearLegend}>
      {ORDER.map((s) => (
        <Group key={s} gap={4} wrap="nowrap">
          <span className={`${css.swatch} ${CLASS[s]}`} aria-hidden>
            {CELL[s].symbol}
          </span>
          <Text size="sm">{CELL[s].label}</Text>
        </Group>
      ))}
    </Group>
  );
}
