import { filesNeeded } from '@shared/domain/requirements';
import { Button, Checkbox, Group, Paper, ScrollArea, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import { dueOf } from '@shared/domain/next-due';
import type { Criterion } from '@shared/ipc/types';
import type { DueClock } from './filter';
import { DUE_COLOR, M } from './messages';
import { StatusBadge } from './StatusBadge';
import { SELECTED_ROW_BG } from '../../theme';

interface Column {
  id: string;
  label: string;
  /** What the column sorts by; null sorts last whichever the direction. */
  value(c: Criterion, clock: DueClock): string | number | null;
  render?(c: Criterion, clock: DueClock): React.ReactNode;
  width?: number;
}

const STATUS_ORDER = { 'not-started': 0, 'in-progress': 1, complete: 2, 'not-applicable': 3 } as const;
const TABULAR = { fontVariantNumeric: 'tabular-nums' } as const;

// The columns an officer reads first (what, by when, how far) lead, so they stay in view beside the detail.
const COLUMNS: Column[] = [
  { id: 'code', label: '编号', value: (c) => c.code, render: (c) => <span style={TABULAR}>{c.code}</span>, width: 90 },
  { id: 'title', label: '测评标准', value: (c) => c.title, width: 220 },
  {
    id: 'nextDue',
    label: M.nextDue,
    value: (c, clock) => shownDue(c, clock)?.date ?? null,
    render: (c, clock) => <NextDue c={c} clock={clock} />,
    width: 110,
  },
  {
    id: 'status',
    label: M.status,
    value: (c) => STATUS_ORDER[c.status],
    render: (c) => <StatusBadge status={c.status} />,
    width: 100,
  },
  { id: 'points', label: '分值', value: (c) => c.points ?? -1, render: (c) => M.points(c.points), width: 70 },
  { id: 'methods', label: M.method, value: (c) => c.methods.map(M.methodLabel).join('、'), width: 140 },
  {
    id: 'requirements',
    label: M.requirements,
    value: (c) => c.requirements.map((r) => `${M.requirementLabel(r)}≥${filesNeeded(r)}`).join(' '),
    width: 200,
  },
  { id: 'lead', label: M.lead, value: (c) => c.leadUnit ?? '', width: 120 },
  { id: 'responsible', label: M.responsible, value: (c) => c.responsibleUnits.join('、'), width: 160 },
  { id: 'deadline', label: M.deadline, value: (c) => c.deadline ?? '', width: 120 },
  { id: 'frequency', label: M.frequency, value: (c) => (c.frequency ? M.frequencyLabel(c.frequency) : ''), width: 80 },
];

const DEFAULT_COLUMNS = ['code', 'title', 'nextDue', 'status', 'points', 'methods', 'requirements'];

/** The due date the table shows and sorts by: none for 不适用, which owes no material. */
function shownDue(c: Criterion, { today, period }: DueClock) {
  return c.status === 'not-applicable' ? null : dueOf(c, today, period);
}

/** `6月5日前`, red once passed and orange when close while material is still owed; the full date on hover. */
function NextDue({ c, clock }: { c: Criterion; clock: DueClock }) {
  const due = shownDue(c, clock);
  if (due === null) return <Text c="dimmed">—</Text>;
  return (
    <Text
      span
      size="sm"
      style={TABULAR}
      c={due.urgency && due.urgency !== 'later' ? `${DUE_COLOR[due.urgency]}.9` : undefined}
      fw={due.urgency === 'overdue' ? 600 : undefined}
      title={M.dueTitle(due.date, clock.today)}
      data-due={due.date}
    >
      {M.dueLabel(due.date, clock.today)}
    </Text>
  );
}

function compare(x: string | number | null, y: string | number | null): number {
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return String(x).localeCompare(String(y), 'zh-CN');
}

/** The ledger as a sortable table of leaf criteria, with a column chooser. */
export function LedgerTable(props: {
  criteria: Criterion[];
  visible: Set<string>;
  selected: string | null;
  clock: DueClock;
  onSelect(code: string): void;
}) {
  const { clock } = props;
  const [shown, setShown] = useState<string[]>(DEFAULT_COLUMNS);
  const [choosing, setChoosing] = useState(false);
  const [sort, setSort] = useState<{ id: string; dir: 1 | -1 } | null>(null);
  const columns = COLUMNS.filter((c) => shown.includes(c.id));
  const rows = useMemo(() => {
    const leaves = props.criteria.filter((c) => c.leaf && props.visible.has(c.code));
    const col = COLUMNS.find((c) => c.id === sort?.id);
    if (!col || !sort) return leaves;
    const keyed = leaves.map((c) => ({ c, key: col.value(c, clock) }));
    keyed.sort((a, b) =>
      a.key === null || b.key === null
        ? Number(a.key === null) - Number(b.key === null)
        : compare(a.key, b.key) * sort.dir,
    );
    return keyed.map((k) => k.c);
  }, [props.criteria, props.visible, sort, clock]);
  const toggleSort = (id: string) =>
    setSort((s) => (s?.id !== id ? { id, dir: 1 } : s.dir === 1 ? { id, dir: -1 } : null));
  return (
    <Stack gap="xs" h="100%" p={4}>
      <Button
        variant="default"
        size="xs"
        style={{ alignSelf: 'flex-end' }}
        onClick={() => setChoosing((o) => !o)}
        aria-expanded={choosing}
      >
        {M.columns}
      </Button>
      {/* In the page's flow, above the table: an overlay would hide the very columns being switched on and off. */}
      {choosing && (
        <Paper withBorder p="xs" data-testid="column-chooser">
          <Checkbox.Group
            value={shown}
            onChange={(v) => setShown(COLUMNS.map((c) => c.id).filter((id) => v.includes(id)))}
          >
            <Group gap="md">
              {COLUMNS.map((c) => (
                <Checkbox key={c.id} value={c.id} label={c.label} disabled={c.id === 'code'} size="xs" />
              ))}
            </Group>
          </Checkbox.Group>
        </Paper>
      )}
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
                bg={r.code === props.selected ? SELECTED_ROW_BG : undefined}
                style={{ cursor: 'pointer' }}
              >
                {columns.map((c) => (
                  <Table.Td key={c.id}>{c.render ? c.render(r, clock) : c.value(r, clock)}</Table.Td>
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
