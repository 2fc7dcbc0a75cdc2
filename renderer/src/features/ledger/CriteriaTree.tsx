import { Text } from '@mantine/core';
import { memo, useMemo } from 'react';
import { dueOf, type DueUrgency } from '@shared/domain/next-due';
import type { Period } from '@shared/domain/period';
import type { RiskCount } from '@shared/domain/rules/types';
import type { Criterion } from '@shared/ipc/types';
import { DUE_COLOR, M, requirementColor, STATUS_COLOR } from './messages';
import css from './tree.module.css';

interface Props {
  criteria: Criterion[];
  visible: Set<string>;
  collapsed: Set<string>;
  selected: string | null;
  today: string;
  /** The 测评周期: recurring deadlines end with its final collection. */
  period: Period;
  /** The 体检's counts per criterion: a red or orange tag on rows at risk. */
  risks: Record<string, RiskCount>;
  onSelect(code: string): void;
  onToggle(code: string): void;
}

/** The 项目 → 内容 → 标准 tree as a flat list of rows (fast at 250+ criteria); parents fold. */
export function CriteriaTree(props: Props) {
  const { criteria, visible, collapsed, selected, today, period, risks, onSelect, onToggle } = props;
  const rows = useMemo(() => {
    const hidden = new Set<string>();
    return criteria.filter((c) => {
      if (!visible.has(c.code)) return false;
      if (c.parentCode !== null && (hidden.has(c.parentCode) || collapsed.has(c.parentCode))) {
        hidden.add(c.code);
        return false;
      }
      return true;
    });
  }, [criteria, visible, collapsed]);
  if (rows.length === 0)
    return (
      <Text c="dimmed" p="md">
        {M.noMatch}
      </Text>
    );
  return (
    <div className={css.scroller} data-testid="criteria-tree" role="tree">
      {rows.map((c) => {
        // Only a leaf that can still owe material has a deadline worth a tag (not 不适用, not removed).
        const due = c.leaf && !c.removed && c.status !== 'not-applicable' ? dueOf(c, today, period) : null;
        return (
          <Row
            key={c.code}
            c={c}
            selected={c.code === selected}
            open={!collapsed.has(c.code)}
            dueDate={due?.date ?? null}
            urgency={due?.urgency ?? null}
            today={today}
            risk={risks[c.code]}
            onSelect={onSelect}
            onToggle={onToggle}
          />
        );
      })}
    </div>
  );
}

const Row = memo(function Row(props: {
  c: Criterion;
  selected: boolean;
  open: boolean;
  dueDate: string | null;
  urgency: DueUrgency | null;
  today: string;
  risk: RiskCount | undefined;
  onSelect(code: string): void;
  onToggle(code: string): void;
}) {
  const { c, selected, open, dueDate, urgency, today, risk } = props;
  const cls = [css.row, c.leaf ? '' : css.parent, c.removed || !c.mine ? css.dim : ''].join(' ');
  return (
    <button
      type="button"
      className={cls}
      data-code={c.code}
      aria-selected={selected}
      role="treeitem"
      aria-level={c.level}
      aria-expanded={c.leaf ? undefined : open}
      onClick={() => (c.leaf ? props.onSelect(c.code) : props.onToggle(c.code))}
      style={{ paddingLeft: 8 + (c.level - 1) * 18 }}
    >
      {!c.leaf && <span className={css.chevron}>{open ? '▾' : '▸'}</span>}
      <span
        className={c.status === 'not-applicable' ? `${css.dot} ${css.dotHollow}` : css.dot}
        style={{ color: `var(--mantine-color-${STATUS_COLOR[c.status]}-6)` }}
        title={M.statusLabel(c.status)}
      />
      <span className={css.code}>{c.code}</span>
      <span className={css.title}>{c.title}</span>
      {dueDate !== null && (
        <span
          className={urgency === 'overdue' ? `${css.tag} ${css.tagSolid}` : css.tag}
          data-testid="due-tag"
          data-due={dueDate}
          data-urgency={urgency ?? 'none'}
          title={M.dueTitle(dueDate, today)}
          style={
            urgency === 'overdue' ? undefined : { color: `var(--mantine-color-${DUE_COLOR[urgency ?? 'later']}-8)` }
          }
        >
          {M.dueLabel(dueDate, today)}
        </span>
      )}
      {c.removed && <span className={css.tag}>{M.removed}</span>}
      {risk && (risk.errors > 0 || risk.warnings > 0) && (
        <span
          className={css.tag}
          data-testid="risk-tag"
          title={M.riskTitle(risk)}
          style={{ color: `var(--mantine-color-${risk.errors > 0 ? 'red' : 'orange'}-8)` }}
        >
          {risk.errors > 0 ? `✕ ${risk.errors}` : `! ${risk.warnings}`}
        </span>
      )}
      {c.leaf &&
        c.needsMaterial &&
        !c.declaration &&
        c.progress.map((p, i) => (
          <span
            key={i}
            className={css.tag}
            style={{ color: `var(--mantine-color-${requirementColor(p.have, p.need)}-8)` }}
          >
            {M.requirementLabel(p.requirement)} {p.have}/{p.need}
          </span>
        ))}
    </button>
  );
});
