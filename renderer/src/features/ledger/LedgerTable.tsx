import { filesNeeded } from '../../../../shared/domain/requirements';
import { Button, Checkbox, Popover, ScrollArea, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import { isOverdue } from '../../../../shared/domain/progress';
import type { Criterion } from '../../../../shared/ipc/types';
import { M } from './messages';
import { StatusBadge } from './StatusBadge';

interface Column {
  id: string;
  label: string;
  value(c: Criterion): string | number;
  render?(c: Criterion, today: string): React.ReactNode;
  width?: number;
}

const STATUS_ORDER = { 'not-started': 0, 'in-progress': 1, complete: 2, 'not-applicable': 3 } as const;

const COLUMNS: Column[] = [
  { id: 'code', label: '编号', value: (c) => c.code, width: 90 },
  { id: 'title', label: '测评标准', value: (c) => c.title, width: 220 },
  { id: 'methods', label: M.method, value: (c) => c.methods.map(M.methodLabel).join('、'), width: 140 },
  { id: 'points', label: '分值', value: (c) => c.points ?? -1, render: (c) => M.points(c.points), width: 70 },
  {
    id: 'requirements',
    label: M.requirements,
    value: (c) => c.requirements.map((r) => `${M.requirementLabel(r)}≥${filesNeeded(r)}`).join(' '),
    width: 200,
  },
  { id: 'lead', label: M.lead, value: (c) => c.leadUnit ?? '', width: 120 },
  { id: 'responsible', label: M.responsible, value: (c) => c.responsibleUnits.join('、'), width: 160 },
  { id: 'deadline', label: M.deadline, value: (c) => c.deadline ?? '', width: 120 },
  { id: 'dueDate', label: M.dueDate, value: (c) => c.dueDate ?? '9999', render: (c) => c.dueDate ?? '—', width: 110 },
  { id: 'frequency', label: M.frequency, value: (c) => (c.frequency ? M.frequencyLabel(c.frequency) : ''), width: 80 },
  {
    id: 'status',
    label: M.status,
    value: (c) => STATUS_ORDER[c.status],
    render: (c, today) => (
      <>
        <StatusBadge status={c.status} />
        {isOverdue(c, today) && (
          <Text span c="red" size="xs" ml={4}>
            {M.overdueBadge}
          </Text>
        )}
      </>
    ),
    width: 120,
  },
];

const DEFAULT_COLUMNS = ['code', 'title', 'methods', 'points', 'requirements', 'dueDate', 'status'];

/** The ledger as a sortable table of leaf criteria, with a column chooser. */
export function LedgerTable(props: {
  criteria: Criterion[];
  visible: Set<string>;
  selected: string | null;
  today: string;
  onSelect(code: string): void;
}) {
  const [shown, setShown] = useState<string[]>(DEFAULT_COLUMNS);
  const [sort, setSort] = useState<{ id: string; dir: 1 | -1 } | null>(null);
  const columns = COLUMNS.filter((c) => shown.includes(c.id));
  const rows = useMemo(() => {
    const leaves = props.criteria.filter((c) => c.leaf && props.visible.has(c.code));
    const col = COLUMNS.find((c) => c.id === sort?.id);
    if (!col || !sort) return leaves;
    return [...leaves].sort((a, b) => {
      const x = col.value(a);
      const y = col.value(b);
      return (
        (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN')) *
        sort.dir
      );
    });
  }, [props.criteria, props.visible, sort]);
  const toggleSort = (id: string) =>
    setSort((s) => (s?.id !== id ? { id, dir: 1 } : s.dir === 1 ? { id, dir: -1 } : null));
  return (
    <Stack gap="xs" h="100%">
      <Popover position="bottom-end" withArrow>
        <Popover.Target>
          <Button variant="default" size="xs" style={{ alignSelf: 'flex-end' }}>
            {M.columns}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Checkbox.Group
            value={shown}
            onChange={(v) => setShown(COLUMNS.map((c) => c.id).filter((id) => v.includes(id)))}
          >
            <Stack gap={6}>
              {COLUMNS.map((c) => (
                <Checkbox key={c.id} value={c.id} label={c.label} disabled={c.id === 'code'} />
              ))}
            </Stack>
          </Checkbox.Group>
        </Popover.Dropdown>
      </Popover>
      <ScrollArea style={{ flex: 1 }} type="auto" offsetScrollbars>
        <Table striped highlightOnHover stickyHeader miw={columns.length * 110} data-testid="ledger-table">
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.id} miw={c.width} w={c.width}>
                  <UnstyledButton onClick={() => toggleSort(c.id)} fw={600} fz="sm">
                    {c.label}
                    {sort?.id === c.id ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
                  </UnstyledButton>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr
                key={r.code}
                data-code={r.code}
                onClick={() => props.onSelect(r.code)}
                bg={r.code === props.selected ? 'var(--mantine-color-red-0)' : undefined}
                style={{ cursor: 'pointer' }}
              >
                {columns.map((c) => (
                  <Table.Td key={c.id}>{c.render ? c.render(r, props.today) : c.value(r)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {rows.length === 0 && (
          <Text c="dimmed" p="md">
            {M.noMatch}
          </Text>
        )}
      </ScrollArea>
    </Stack>
  );
}
