import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { Finding, FixAction } from '@shared/domain/rules/types';
import { C, SEVERITY_COLOR } from './messages';

/** One finding: its severity, what is wrong and how to fix it, the points at risk, and the fix as a button. */
export function FindingLine({
  f,
  showCriterion,
  onAct,
}: {
  f: Finding;
  /** Name the criterion too (when grouped by rule). */
  showCriterion?: string | undefined;
  /** Absent: read only (the leaders' 审核 shows findings without their fixes). */
  onAct?: ((f: Finding, action: FixAction | 'open') => void) | undefined;
}) {
  // No materials at all: adding them is the fix, and so is declaring the criterion outside the unit's duties.
  const extra: FixAction | null = f.ruleId === 'no-materials' ? 'declare' : null;
  return (
    <Paper withBorder p="xs" data-testid="finding" data-rule={f.ruleId} data-material={f.materialId ?? ''}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap">
            <Badge color={SEVERITY_COLOR[f.severity]} variant="light" style={{ flex: 'none' }}>
              {C.severityLabel(f.severity)}
            </Badge>
            <Text fw={600} size="sm" style={{ flex: 'none' }}>
              {C.ruleLabel(f.ruleId)}
            </Text>
            {showCriterion && (
              <Text size="sm" c="dimmed" truncate>
                {showCriterion}
              </Text>
            )}
            {f.file && (
              <Text size="sm" truncate title={f.file}>
                {f.file}
              </Text>
            )}
          </Group>
          <Text size="sm">{f.message}</Text>
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flex: 'none' }}>
          {f.pointsAtRisk > 0 && (
            <Text size="xs" c={SEVERITY_COLOR[f.severity]} fw={600}>
              {C.points(f.pointsAtRisk)}
            </Text>
          )}
          {/* Neutral buttons: brand red is for a screen's one primary action, and a list has many of these. */}
          {onAct && (
            <Group gap={4} wrap="nowrap">
              {[f.fix, extra].map(
                (a) =>
                  a && (
                    <Button key={a} size="compact-xs" variant="default" onClick={() => onAct(f, a)}>
                      {C.fix[a]}
                    </Button>
                  ),
              )}
              <Button size="compact-xs" variant="subtle" color="gray" onClick={() => onAct(f, 'open')}>
                {C.open}
              </Button>
            </Group>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
