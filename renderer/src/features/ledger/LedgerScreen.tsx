import { Box, Button, Center, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Period } from '@shared/domain/period';
import type { UnitKind } from '@shared/domain/unit-kind';
import type { Finding, RiskCount } from '@shared/domain/rules/types';
import type { CheckReport, Criterion } from '@shared/ipc/types';
import { useOwedCodes } from '../collection/queries';
import { MaterialHits } from '../materials/MaterialHits';
import { moveTargets } from '../materials/move-targets';
import { CriteriaTree } from './CriteriaTree';
import { CriterionDetail } from './CriterionDetail';
import { DEFAULT_FILTER, visibleCodes, type DueClock, type LedgerFilter } from './filter';
import { LedgerFilters } from './LedgerFilters';
import { LedgerTable } from './LedgerTable';
import { M } from './messages';

interface Props {
  criteria: Criterion[];
  /** The latest 体检 (null while it runs the first time): findings in the detail, risk tags in the tree. */
  report: CheckReport | null;
  /** A criterion to show, asked for from elsewhere (the 体检 view); a new object each time. */
  focus: { code: string } | null;
  today: string;
  /** The 测评周期, against which recurring deadlines are read. */
  period: Period;
  /** The unit's kind: a criterion reached by a collective 责任单位 says so in its detail. */
  unitKind: UnitKind;
  onSetMine(code: string, mine: boolean): void;
  onImportCatalog(): void;
}

const NO_FINDINGS: Finding[] = [];
const NO_RISKS: Record<string, RiskCount> = {};

/** 台账: the criteria tree (or table) with filters on the left, the selected criterion on the right. */
export function LedgerScreen(props: Props) {
  const { criteria, report, focus, today, period, unitKind, onSetMine, onImportCatalog } = props;
  const [filter, setFilter] = useState<LedgerFilter>(DEFAULT_FILTER);
  const [view, setView] = useState<'tree' | 'table'>('tree');
  const [selected, setSelected] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const searchRef = useRef<HTMLInputElement>(null);
  const byCode = useMemo(() => new Map(criteria.map((c) => [c.code, c])), [criteria]);
  const owed = useOwedCodes();
  const clock = useMemo<DueClock>(() => ({ today, period, owed }), [today, period, owed]);
  const visible = useMemo(() => visibleCodes(criteria, filter, clock), [criteria, filter, clock]);
  const leaves = useMemo(() => criteria.filter((c) => c.leaf && visible.has(c.code)), [criteria, visible]);
  const targets = useMemo(() => moveTargets(criteria), [criteria]);
  const findingsOf = useMemo(() => {
    const map = new Map<string, Finding[]>();
    for (const f of report?.findings ?? []) {
      const list = map.get(f.criterionCode);
      if (list) list.push(f);
      else map.set(f.criterionCode, [f]);
    }
    return map;
  }, [report]);
  useEffect(() => {
    if (focus) setSelected(focus.code);
  }, [focus]);

  const step = (d: 1 | -1) => {
    const i = leaves.findIndex((c) => c.code === selected);
    const next = leaves[Math.min(Math.max(i + d, 0), leaves.length - 1)];
    if (next) setSelected(next.code);
  };
  useHotkeys([
    ['mod+K', () => searchRef.current?.focus()],
    ['alt+ArrowDown', () => step(1)],
    ['alt+ArrowUp', () => step(-1)],
  ]);

  if (criteria.length === 0)
    return (
      <Center h="100%">
        <Stack align="center" gap="sm" data-testid="ledger-empty">
          <Title order={3}>{M.noCatalog}</Title>
          <Text c="dimmed">{M.noCatalogHint}</Text>
          <Button onClick={onImportCatalog}>{M.importCatalog}</Button>
        </Stack>
      </Center>
    );

  const current = selected ? byCode.get(selected) : undefined;
  const path: Criterion[] = [];
  for (let p = current?.parentCode ?? null; p !== null; p = byCode.get(p)?.parentCode ?? null) {
    const node = byCode.get(p);
    if (node) path.unshift(node);
  }
  const toggle = (code: string) =>
    setCollapsed((s) => {
      const n = new Set(s);
      if (!n.delete(code)) n.add(code);
      return n;
    });

  return (
    <Stack h="100%" gap="sm" data-testid="ledger">
      <Group justify="space-between">
        <Title order={4}>{M.title}</Title>
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => setView(v as 'tree' | 'table')}
          data={[
            { value: 'tree', label: M.treeView },
            { value: 'table', label: M.tableView },
          ]}
          aria-label="视图"
        />
      </Group>
      <LedgerFilters filter={filter} onChange={setFilter} searchRef={searchRef} />
      <MaterialHits
        query={filter.query}
        onOpen={(code) => {
          setFilter({ ...filter, query: '', scope: 'all' });
          setSelected(code);
        }}
      />
      <Group align="stretch" gap="sm" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Box style={{ flex: view === 'table' ? 3 : 2, minWidth: 0, border: '1px solid var(--mantine-color-gray-3)' }}>
          {view === 'tree' ? (
            <CriteriaTree
              criteria={criteria}
              visible={visible}
              collapsed={collapsed}
              selected={selected}
              today={today}
              period={period}
              risks={report?.criteria ?? NO_RISKS}
              onSelect={setSelected}
              onToggle={toggle}
            />
          ) : (
            <LedgerTable
              criteria={criteria}
              visible={visible}
              selected={selected}
              clock={clock}
              onSelect={setSelected}
            />
          )}
        </Box>
        {/* In table mode the table gets the width; the detail opens beside it once a row is chosen. */}
        {(view === 'tree' || current) && (
          <Box style={{ flex: 2, minWidth: 0, border: '1px solid var(--mantine-color-gray-3)' }}>
            {current ? (
              <CriterionDetail
                c={current}
                path={path}
                today={today}
                period={period}
                unitKind={unitKind}
                onSetMine={onSetMine}
                targets={targets}
                findings={findingsOf.get(current.code) ?? NO_FINDINGS}
                criteria={criteria}
                onOpenCriterion={setSelected}
              />
            ) : (
              <Center h="100%" p="md">
                <Text c="dimmed">{M.selectHint}</Text>
              </Center>
            )}
          </Box>
        )}
      </Group>
    </Stack>
  );
}
