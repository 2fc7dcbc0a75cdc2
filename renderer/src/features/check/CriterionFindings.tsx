import { Paper, Stack, Text } from '@mantine/core';
import type { Finding } from '../../../../shared/domain/rules/types';
import type { Criterion } from '../../../../shared/ipc/types';
import { FindingLine } from './FindingLine';
import { C } from './messages';
import { useFindingActions } from './useFindingActions';

/** The findings of one criterion, in its detail (标准详情), with their fixes. */
export function CriterionFindings(props: {
  findings: Finding[];
  criteria: Criterion[];
  onOpenCriterion(code: string): void;
  onChanged(): void;
}) {
  const { act, ui } = useFindingActions(props);
  if (props.findings.length === 0) return null;
  const points = props.findings.reduce((a, f) => a + f.pointsAtRisk, 0);
  return (
    <Paper withBorder p="sm" data-testid="criterion-findings">
      <Text fw={600} mb="xs">
        {C.title}
        {points > 0 && (
          <Text span c="red" ml="sm" size="sm">
            {C.points(Math.round(points * 100) / 100)}
          </Text>
        )}
      </Text>
      <Stack gap={6}>
        {ui}
        {props.findings.map((f, i) => (
          <FindingLine key={`${f.ruleId}:${f.materialId ?? ''}:${i}`} f={f} onAct={act} />
        ))}
      </Stack>
    </Paper>
  );
}
