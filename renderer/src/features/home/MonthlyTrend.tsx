import { Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import type { MonthActivity } from '@shared/domain/home-summary';
import { HM } from './messages';
import type { MaterialMonths } from './useMaterialMonths';

const BAR_HEIGHT = 64;
/** The bars share the card's width, each at most 64 px, so a year's row does not stretch across a wide screen. */
const MONTHS_IN_A_PERIOD = 12;

/**
 * The trend as a row of small vertical bars, one per month of the period so far: how many of the unit's applicable
 * criteria have material counting for that month. The count is written above each bar (the tooltip adds the files),
 * so nothing depends on hovering. Today's month is drawn lighter: it is still being gathered.
 */
export function MonthlyTrend(props: { trend: MonthActivity[] | null; applicable: number; months: MaterialMonths }) {
  const { trend, applicable, months } = props;
  return (
    <Stack gap={6} data-testid="home-trend">
      <div>
        <Text size="sm" fw={600}>
          {HM.trendTitle}
        </Text>
        <Text size="xs" c="dimmed">
          {HM.trendHint}
        </Text>
      </div>
      {months.state === 'failed' && (
        <Text size="sm" c="red.8">
          {months.message}
        </Text>
      )}
      {months.state === 'loading' && (
        <Text size="sm" c="dimmed">
          {HM.trendLoading}
        </Text>
      )}
      {trend !== null && trend.length === 0 && (
        <Text size="sm" c="dimmed">
          {HM.trendEmpty}
        </Text>
      )}
      {trend !== null && trend.length > 0 && (
        <Group gap={4} align="flex-end" wrap="nowrap" grow maw={MONTHS_IN_A_PERIOD * 64}>
          {trend.map((m) => (
            <MonthBar key={m.month} m={m} applicable={applicable} />
          ))}
        </Group>
      )}
    </Stack>
  );
}

function MonthBar({ m, applicable }: { m: MonthActivity; applicable: number }) {
  const tip = HM.trendTip(m.month, m.criteria, applicable, m.materials, m.current);
  const value = applicable === 0 ? 0 : (m.criteria / applicable) * 100;
  return (
    <Tooltip label={tip}>
      <Stack gap={2} align="center" data-month={m.month}>
        <Text size="xs" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {m.criteria}
        </Text>
        <Progress.Root orientation="vertical" h={BAR_HEIGHT} size={20}>
          <Progress.Section value={value} color={m.current ? 'blue.3' : 'blue.6'} aria-label={tip} />
        </Progress.Root>
        <Text size="xs" c="dimmed">
          {HM.trendMonth(m.month)}
        </Text>
      </Stack>
    </Tooltip>
  );
}
