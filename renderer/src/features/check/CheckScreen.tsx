import {
  Badge,
  Button,
  Center,
  Checkbox,
  Group,
  Paper,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { riskTotals } from '@shared/domain/rules/totals';
import type { Severity } from '@shared/domain/value-sets';
import type { CheckReport, Criterion } from '@shared/ipc/types';
import { FindingLine } from './FindingLine';
import { groupFindings, ruleOf, type FindingGroup } from './group-findings';
import { C, SEVERITY_COLOR } from './messages';
import { useFindingActions } from './useFindingActions';
import { usePointsOf } from './usePointsOf';

/** Lines shown per group before 显示全部: a rule can have thousands of findings. */
const FIRST_LINES = 20;

/** 体检: every lost-point risk, grouped by criterion or by rule, with its points at risk and its fix. */
export function CheckScreen(props: {
  report: CheckReport;
  criteria: Criterion[];
  onOpenCriterion(code: string): void;
}) {
  const { report } = props;
  const [by, setBy] = useState<'criterion' | 'rule'>('criterion');
  const [shown, setShown] = useState<Severity[]>(['error', 'warning', 'info']);
  const [opened, setOpened] = useState<Set<string>>(new Set());
  const titles = useMemo(() => new Map(props.criteria.map((c) => [c.code, c.title])), [props.criteria]);
  const pointsOf = usePointsOf(props.criteria);
  // A group's points at risk count all its findings, whatever the filter shows: by criterion the criterion's
  // capped total (as in its detail), by rule what that rule's findings cost, capped per criterion.
  const groups = useMemo(
    () =>
      groupFindings(report.findings, by, new Set(shown)).map((g) => {
        const t = riskTotals(g.all, pointsOf);
        return { ...g, pointsAtRisk: t.total, capped: by === 'criterion' && t.capped.has(g.key) };
      }),
    [report, by, shown, pointsOf],
  );
  const { act, ui } = useFindingActions({ ...props, findings: report.findings });
  const s = report.summary;

  const header = (g: FindingGroup): string =>
    by === 'criterion' ? `${g.key} ${titles.get(g.key) ?? ''}` : C.ruleLabel(ruleOf(g));

  return (
    <Stack h="100%" gap="sm" data-testid="check">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={4}>{C.title}</Title>
          <Text size="sm" c="dimmed">
            {C.intro}
          </Text>
        </Stack>
        <Group gap="md" data-testid="check-summary">
          <Text size="sm">{C.counts(s.errors, s.warnings, s.infos)}</Text>
          <Text fw={700} c={s.pointsAtRisk > 0 ? 'orange.8' : 'green.8'} data-testid="check-total">
            {C.total(s.pointsAtRisk)}
          </Text>
        </Group>
      </Group>
      <Group gap="lg">
        <SegmentedControl
          size="xs"
          value={by}
          onChange={(v) => setBy(v as 'criterion' | 'rule')}
          data={[
            { value: 'criterion', label: C.byCriterion },
            { value: 'rule', label: C.byRule },
          ]}
          aria-label={C.groupBy}
        />
        <Checkbox.Group value={shown} onChange={(v) => setShown(v as Severity[])} aria-label={C.severityFilter}>
          <Group gap="md">
            {(['error', 'warning', 'info'] as const).map((sev) => (
              <Checkbox key={sev} value={sev} label={C.severityLabel(sev)} color={SEVERITY_COLOR[sev]} />
            ))}
          </Group>
        </Checkbox.Group>
      </Group>
      {ui}
      <ScrollArea style={{ flex: 1 }} type="auto">
        {groups.length === 0 ? (
          <Center p="xl">
            <Text c="dimmed" data-testid="check-empty">
              {report.findings.length === 0 ? C.none : C.noneFiltered}
            </Text>
          </Center>
        ) : (
          <Stack gap="md" pr="sm">
            {groups.map((g) => {
              const all = opened.has(g.key);
              return (
                <Paper key={g.key} p="sm" bg="gray.0" data-testid="finding-group" data-key={g.key}>
                  <Group justify="space-between" mb="xs" wrap="nowrap">
                    <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                      <Text fw={700} truncate>
                        {header(g)}
                      </Text>
                      {g.errors > 0 && <Badge color="red">{g.errors}</Badge>}
                      {g.warnings > 0 && <Badge color="orange">{g.warnings}</Badge>}
                    </Group>
                    <Group gap="xs" wrap="nowrap" style={{ flex: 'none' }}>
                      {g.capped && (
                        <Text size="xs" c="dimmed" data-testid="group-capped">
                          {C.cappedShort}
                        </Text>
                      )}
                      {g.pointsAtRisk > 0 && (
                        <Text size="sm" c="orange.8" fw={600} data-testid="group-points">
                          {C.points(g.pointsAtRisk)}
                        </Text>
                      )}
                      {by === 'criterion' && (
                        <Button size="compact-xs" variant="default" onClick={() => props.onOpenCriterion(g.key)}>
                          {C.open}
                        </Button>
                      )}
                    </Group>
                  </Group>
                  <Stack gap={6}>
                    {(all ? g.findings : g.findings.slice(0, FIRST_LINES)).map((f, i) => (
                      <FindingLine
                        key={`${f.ruleId}:${f.materialId ?? ''}:${i}`}
                        f={f}
                        showCriterion={
                          by === 'rule' ? `${f.criterionCode} ${titles.get(f.criterionCode) ?? ''}` : undefined
                        }
                        onAct={act}
                      />
                    ))}
                    {!all && g.findings.length > FIRST_LINES && (
                      <Button variant="subtle" size="xs" onClick={() => setOpened((o) => new Set(o).add(g.key))}>
                        {C.showAll(g.findings.length)}
                      </Button>
                    )}
                  </Stack>
                </Paper>
              );
            })}
          </Stack>
        )}
      </ScrollArea>
    </Stack>
  );
}
