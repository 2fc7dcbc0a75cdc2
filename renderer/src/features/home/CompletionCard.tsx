import { Box, Divider, Group, Paper, RingProgress, Stack, Text, Title } from '@mantine/core';
import type { HomeSummary } from '@shared/domain/home-summary';
import { HM } from './messages';
import { MonthlyTrend } from './MonthlyTrend';
import type { MaterialMonths } from './useMaterialMonths';

/** The ring's colours: the header bar's (green complete, light blue under way), so both read alike. */
const COMPLETE = 'green.6';
const IN_PROGRESS = 'blue.3';

/**
 * 完成情况: the share of the unit's criteria complete (the header's percentage, large), the counts behind it, the
 * 体检's points at risk, and beside them the monthly trend.
 */
export function CompletionCard({ s, months }: { s: HomeSummary; months: MaterialMonths }) {
  const by = s.progress.byStatus;
  const pct = (n: number) => (s.applicable === 0 ? 0 : (n / s.applicable) * 100);
  return (
    <Paper withBorder p="md" data-testid="home-completion">
      <Title order={3} size="h5" mb="xs">
        {HM.completion}
      </Title>
      <Group align="stretch" gap="xl" wrap="nowrap">
        <Group gap="md" wrap="nowrap" style={{ flex: 'none' }}>
          <RingProgress
            size={112}
            thickness={12}
            sections={[
              { value: pct(by.complete), color: COMPLETE },
              { value: pct(by['in-progress']), color: IN_PROGRESS },
            ]}
            label={
              <Text
                ta="center"
                fz={26}
                fw={700}
                style={{ fontVariantNumeric: 'tabular-nums' }}
                data-testid="home-percent"
              >
                {s.percent === null ? '—' : `${s.percent}%`}
              </Text>
            }
          />
          <Stack gap={4}>
            {s.applicable === 0 ? (
              <Text size="sm" c="dimmed" maw={260}>
                {HM.nothingApplicable}
              </Text>
            ) : (
              <>
                <Text fw={600} data-testid="home-complete">
                  {HM.complete(by.complete, s.applicable)}
                </Text>
                <Text size="sm" c="dimmed">
                  {HM.inProgress(by['in-progress'])} · {HM.notStarted(by['not-started'])}
                </Text>
              </>
            )}
            <PointsAtRisk points={s.pointsAtRisk} />
          </Stack>
        </Group>
        <Divider orientation="vertical" />
        <Box style={{ flex: 1, minWidth: 0 }}>
          <MonthlyTrend trend={s.trend} applicable={s.applicable} months={months} />
        </Box>
      </Group>
    </Paper>
  );
}

/** The 体检's total as the header words it: orange while points are at risk, grey at none or before it has run. */
function PointsAtRisk({ points }: { points: number | null }) {
  if (points === null)
    return (
      <Text size="sm" c="dimmed">
        {HM.pointsNotRun}
      </Text>
    );
  return (
    <Text
      fw={points > 0 ? 600 : undefined}
      c={points > 0 ? 'orange.8' : 'dimmed'}
      title={HM.pointsHint}
      data-testid="home-points-at-risk"
    >
      {HM.pointsAtRisk(points)}
    </Text>
  );
}
