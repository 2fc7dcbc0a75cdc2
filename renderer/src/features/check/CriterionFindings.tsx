import { Paper, Stack, Text } from '@mantine/core';
import { riskTotals } from '@shared/domain/rules/totals';
import type { Finding } from '@shared/domain/rules/types';
import type { Criterion } from '@shared/ipc/types';
import { FindingLine } from './FindingLine';
import { C } from './messages';
import { useFindingActions } from './useFindingActions';
import { usePointsOf } from './usePointsOf';

/** The findings of one criterion, in its detail (标准详情), with their fixes. */
export function CriterionFindings(props: {
  findings: Finding[];
  criteria: Criterion[];
  onOpenCriterion(code: string): void;
}) {
  const { act, ui } = useFindingActions(props);
  const pointsOf = usePointsOf(props.criteria);
  if (props.findings.length === 0) return null;
  const code = props.findings[0]!.criterionCode;
  // The same capped total 体检 and 导出 show: the lines may add up to more than the criterion is worth.
  const totals = riskTotals(props.findings, pointsOf);
  const points = totals.total;
  return (
    <Paper withBorder p="sm" data-testid="criterion-findings">
      <Text fw={600} mb="xs">
        {C.title}
        {points > 0 && (
          <Text span c="orange.8" ml="sm" size="sm" data-testid="criterion-points-at-risk">
            {C.points(points)}
          </Text>
        )}
      </Text>
      {totals.capped.has(code) && (
        <Text size="xs" c="dimmed" mb="xs" data-testid="points-capped">
          {C.capped(points)}
        </Text>
      )}
      <Stack gap={6}>
        {ui}
        {props.findings.map((f, i) => (
          <FindingLine key={`${f.ruleId}:${f.materialId ?? ''}:${i}`} f={f} onAct={act} />
        ))}
      </Stack>
    </Paper>
  );
}
