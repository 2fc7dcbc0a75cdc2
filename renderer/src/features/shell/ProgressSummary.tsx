import { Box, Group, Progress, Text, Tooltip } from '@mantine/core';
import { completionPercent } from '@shared/domain/home-summary';
import type { ProgressSummary as Summary } from '@shared/domain/progress';
import { H } from './messages';

/** The bar's colours, each one also a swatch in the legend beside it. */
const COMPLETE = 'var(--mantine-color-green-6)';
const IN_PROGRESS = 'var(--mantine-color-blue-3)';
/** Mantine's own track colour: what is not started is simply not filled. */
const TRACK = 'var(--mantine-color-gray-2)';

/**
 * The header's progress over the unit's applicable criteria: the bar fills with what is complete (green) and what is
 * under way (light blue) over a grey track, the percentage complete beside it, a legend of labelled counts, then
 * what is overdue and, when the 体检 has run, the points at risk.
 */
export function ProgressSummary({ s, pointsAtRisk }: { s: Summary; pointsAtRisk?: number }) {
  const applicable = s.total - s.byStatus['not-applicable'];
  const pct = (n: number) => (applicable === 0 ? 0 : (n / applicable) * 100);
  const percent = completionPercent(s);
  const breakdown = H.breakdown({
    complete: s.byStatus.complete,
    inProgress: s.byStatus['in-progress'],
    notStarted: s.byStatus['not-started'],
    notApplicable: s.byStatus['not-applicable'],
  });
  return (
    <Group gap="sm" wrap="nowrap" data-testid="progress-summary">
      <Tooltip label={breakdown}>
        <Group gap={6} wrap="nowrap">
          <Progress.Root w={110} size="lg">
            <Progress.Section
              value={pct(s.byStatus.complete)}
              color={COMPLETE}
              aria-label={`${H.progressLabel}：${H.complete(s.byStatus.complete, applicable)}`}
            />
            <Progress.Section
              value={pct(s.byStatus['in-progress'])}
              color={IN_PROGRESS}
              aria-label={`${H.progressLabel}：${H.inProgress(s.byStatus['in-progress'])}`}
            />
          </Progress.Root>
          {percent !== null && (
            <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="progress-percent">
              {percent}%
            </Text>
          )}
        </Group>
      </Tooltip>
      <Legend color={COMPLETE} text={H.complete(s.byStatus.complete, applicable)} />
      <Legend color={IN_PROGRESS} text={H.inProgress(s.byStatus['in-progress'])} />
      <Legend color={TRACK} text={H.notStarted(s.byStatus['not-started'])} />
      {s.overdue > 0 && (
        <Text size="sm" c="red.8" fw={600} style={{ whiteSpace: 'nowrap' }} title={H.overdueHint}>
          {H.overdue(s.overdue)}
        </Text>
      )}
      {pointsAtRisk !== undefined && (
        <Text
          size="sm"
          c={pointsAtRisk > 0 ? 'orange.8' : 'dimmed'}
          fw={pointsAtRisk > 0 ? 600 : undefined}
          style={{ whiteSpace: 'nowrap' }}
          title={H.pointsHint}
          data-testid="header-points-at-risk"
        >
          {H.pointsAtRisk(pointsAtRisk)}
        </Text>
      )}
    </Group>
  );
}

/** A swatch in the bar's colour and its labelled count. */
function Legend({ color, text }: { color: string; text: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Box
        w={10}
        h={10}
        bg={color}
        style={{ borderRadius: 2, border: '1px solid var(--mantine-color-gray-4)', flex: 'none' }}
      />
      <Text size="sm" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {text}
      </Text>
    </Group>
  );
}
