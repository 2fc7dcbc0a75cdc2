import { Badge, Group, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { memo, useMemo } from 'react';
import { isOverdue } from '../../../../shared/domain/progress';
import type { Criterion } from '../../../../shared/ipc/types';
import { M } from './messages';
import { RequirementCounters } from './RequirementCounters';
import { StatusDot } from './StatusDot';

interface Props {
  criteria: Criterion[];
  visible: Set<string>;
  collapsed: Set<string>;
  selected: string | null;
  today: string;
  onSelect(code: string): void;
  onToggle(code: string): void;
}

/** The 项目 → 内容 → 标准 tree as a flat list of rows (fast at 250+ criteria); parents fold. */
export function CriteriaTree({ criteria, visible, collapsed, selected, today, onSelect, onToggle }: Props) {
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
    <ScrollArea h="100%" type="auto" data-testid="criteria-tree">
      {rows.map((c) => (
        <Row
          key={c.code}
          c={c}
          selected={c.code === selected}
          open={!collapsed.has(c.code)}
          overdue={c.leaf && isOverdue(c, today)}
          onSelect={onSelect}
          onToggle={onToggle}
        />
      ))}
    </ScrollArea>
  );
}

const Row = memo(function Row(props: {
  c: Criterion;
  selected: boolean;
  open: boolean;
  overdue: boolean;
  onSelect(code: string): void;
  onToggle(code: string): void;
}) {
  const { c, selected, open, overdue } = props;
  return (
    <UnstyledButton
      data-code={c.code}
      aria-selected={selected}
      role="treeitem"
      aria-level={c.level}
      aria-expanded={c.leaf ? undefined : open}
      onClick={() => (c.leaf ? props.onSelect(c.code) : props.onToggle(c.code))}
      style={{
        display: 'block',
        width: '100%',
        padding: '6px 8px',
        paddingLeft: 8 + (c.level - 1) * 18,
        background: selected ? 'var(--mantine-color-red-0)' : undefined,
        borderLeft: selected ? '3px solid var(--mantine-color-red-6)' : '3px solid transparent',
        opacity: c.removed || !c.mine ? 0.6 : 1,
      }}
    >
      <Group gap={6} wrap="nowrap">
        {!c.leaf && (
          <Text size="xs" w={12}>
            {open ? '▾' : '▸'}
          </Text>
        )}
        <StatusDot status={c.status} />
        <Text size="sm" fw={c.leaf ? 400 : 600} ff="monospace" style={{ whiteSpace: 'nowrap' }}>
          {c.code}
        </Text>
        <Text size="sm" fw={c.leaf ? 400 : 600} truncate="end" style={{ flex: 1 }}>
          {c.title}
        </Text>
        {overdue && (
          <Badge size="xs" color="red">
            {M.overdueBadge}
          </Badge>
        )}
        {c.removed && (
          <Badge size="xs" color="gray">
            {M.removed}
          </Badge>
        )}
        {c.leaf && c.needsMaterial && <RequirementCounters requirements={c.requirements} />}
      </Group>
    </UnstyledButton>
  );
});
