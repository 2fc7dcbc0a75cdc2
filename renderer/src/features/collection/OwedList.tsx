import { Text } from '@mantine/core';
import { memo, startTransition, useEffect, useState } from 'react';
import type { OwedItem, OwedState } from '@shared/ipc/collection-types';
import { M as LM } from '../ledger/messages';
import { CM, SOURCE_LABEL, STATE_LABEL } from './messages';
import css from './owed.module.css';

/** Thumbnails beside an owed item: enough to recognise what came in without opening it. */
const THUMBS_SHOWN = 4;
/** Rows painted at once; the rest follow right after, so a long month shows without waiting for all of it. */
const FIRST_ROWS = 40;

const BORDER: Record<OwedState, string> = { met: css.met!, partly: css.partly!, missing: css.missing! };
const STATE: Record<OwedState, string> = { met: css.stateMet!, partly: css.statePartly!, missing: css.stateMissing! };

/**
 * What is owed in the month, one row each: code and title, why it is owed (频次 / 时限 / 要账), its due date, how far
 * what came in meets it (已交 / 部分 / 未交), 逾期 standing out in red, and the materials that came in. A click opens
 * the criterion in the 台账. Rows are plain elements: a unit's month stays quick at a few hundred of them.
 */
export function OwedList(props: {
  owed: OwedItem[];
  thumbs: Record<string, string>;
  today: string;
  onOpen(code: string): void;
}) {
  const { owed } = props;
  const [all, setAll] = useState(false);
  useEffect(() => {
    if (owed.length > FIRST_ROWS) startTransition(() => setAll(true));
  }, [owed.length]);
  if (owed.length === 0)
    return (
      <Text c="dimmed" size="sm" data-testid="owed-empty">
        {CM.owedEmpty}
      </Text>
    );
  return (
    <div className={css.list} data-testid="owed-list">
      {(all ? owed : owed.slice(0, FIRST_ROWS)).map((o, i) => (
        <OwedRow
          key={`${i}|${o.criterionCode}|${o.requestId ?? o.source}`}
          o={o}
          thumbs={props.thumbs}
          today={props.today}
          onOpen={props.onOpen}
        />
      ))}
    </div>
  );
}

const OwedRow = memo(function OwedRow(props: {
  o: OwedItem;
  thumbs: Record<string, string>;
  today: string;
  onOpen(code: string): void;
}) {
  const { o, thumbs, today } = props;
  const shown = o.materialIds.filter((id) => thumbs[id]).slice(0, THUMBS_SHOWN);
  return (
    <button
      type="button"
      className={`${css.row} ${o.overdue ? css.overdue : BORDER[o.state]}`}
      onClick={() => props.onOpen(o.criterionCode)}
      title={CM.openHint}
      data-testid="owed-row"
      data-code={o.criterionCode}
      data-state={o.state}
      data-overdue={o.overdue || undefined}
    >
      <span className={css.main}>
        <span className={css.head}>
          <span className={css.code}>{o.criterionCode}</span>
          <span className={css.title}>{o.title}</span>
        </span>
        {o.text && <span className={css.text}>{o.text}</span>}
        <span className={css.meta}>
          <span className={`${css.tag} ${css.source}`}>{SOURCE_LABEL[o.source]}</span>
          <span className={o.overdue ? css.late : undefined} title={LM.dueTitle(o.due, today)}>
            {LM.dueLabel(o.due, today)}
          </span>
          {o.overdue && (
            <span className={`${css.tag} ${css.lateTag}`} data-testid="owed-overdue">
              {CM.overdue}
            </span>
          )}
        </span>
      </span>
      <span className={css.side}>
        {shown.map((id) => (
          <img key={id} src={thumbs[id]} className={css.thumb} alt="" />
        ))}
        <span className={css.count} data-testid="owed-materials">
          {o.materials === 0 ? CM.noMaterials : CM.materialsCount(o.materials)}
        </span>
        <span className={`${css.state} ${STATE[o.state]}`} data-testid="owed-state">
          {STATE_LABEL[o.state]}
        </span>
      </span>
    </button>
  );
});
