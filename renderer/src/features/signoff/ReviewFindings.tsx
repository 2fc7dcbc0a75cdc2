import { Paper, Stack, Text } from '@mantine/core';
import { riskTotals } from '@shared/domain/rules/totals';
import type { Finding } from '@shared/domain/rules/types';
import type { Criterion } from '@shared/ipc/types';
import { FindingLine } from '../check/FindingLine';
import { C } from '../check/messages';
import { usePointsOf } from '../check/usePointsOf';
import { R } from './messages';

/** The 体检's findings on the criterion under review, with the points at risk: read only (the officer fixes them). */
export function ReviewFindings(props: { findings: Finding[]; criteria: Criterion[] }) {
  const pointsOf = usePointsOf(props.criteria);
  const points = riskTotals(props.findings, pointsOf).total;
  return (
    <Paper withBorder p="sm" data-testid="review-findings">
      <Text fw={600} mb="xs">
        {R.findingsTitle}
        {points > 0 && (
          <Text span c="orange.8" ml="sm" size="sm">
            {C.points(points)}
          </Text>
        )}
      </Text>
      {props.findings.length === 0 ? (
        <Text size="sm" c="dimmed">
          {R.noFindings}
        </Text>
      ) : (
        <Stack gap={6}>
          {props.findings.map((f, i) => (
            <FindingLine key={`${f.ruleId}:${f.materialId ?? ''}:${i}`} f={f} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}
