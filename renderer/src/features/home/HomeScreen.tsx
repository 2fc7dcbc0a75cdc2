import { Button, Center, Grid, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { homeSummary } from '@shared/domain/home-summary';
import type { Period } from '@shared/domain/period';
import type { CheckReport, Criterion } from '@shared/ipc/types';
import { CompletionCard } from './CompletionCard';
import { DueCard } from './DueCard';
import { HM } from './messages';
import { ReviewCard } from './ReviewCard';
import { useMaterialMonths } from './useMaterialMonths';

/**
 * 首页: the three questions an officer starts the day with — how complete are we, what is late or due in the next
 * two weeks, what waits for which leader — each answer one click from the criterion it is about.
 */
export function HomeScreen(props: {
  criteria: Criterion[];
  report: CheckReport | null;
  today: string;
  period: Period;
  hasCatalog: boolean;
  onOpenCriterion(code: string): void;
  onOpenReview(): void;
  onImportCatalog(): void;
}) {
  const { criteria, report, today, period } = props;
  const months = useMaterialMonths();
  const s = useMemo(
    () =>
      homeSummary({
        criteria,
        pointsAtRisk: report?.summary.pointsAtRisk ?? null,
        materials: months.state === 'ready' ? months.list : null,
        today,
        period,
      }),
    [criteria, report, months, today, period],
  );

  if (!props.hasCatalog) return <NoCatalog onImport={props.onImportCatalog} />;
  return (
    <ScrollArea h="100%" data-testid="home">
      <Stack gap="md" pb="md">
        <CompletionCard s={s} months={months} />
        <Grid gap="md">
          <Grid.Col span={8}>
            <DueCard late={s.late} soon={s.soon} next={s.next} today={today} onOpen={props.onOpenCriterion} />
          </Grid.Col>
          <Grid.Col span={4}>
            <ReviewCard criteria={criteria} onOpenReview={props.onOpenReview} />
          </Grid.Col>
        </Grid>
      </Stack>
    </ScrollArea>
  );
}

/** Before any catalog: nothing to count yet; the one thing to do is the import (the screen's primary action). */
function NoCatalog({ onImport }: { onImport(): void }) {
  return (
    <Center h="100%" data-testid="home">
      <Stack align="center" gap="sm" maw={480}>
        <Title order={4}>{HM.noCatalog}</Title>
        <Text c="dimmed" ta="center">
          {HM.noCatalogHint}
        </Text>
        <Button onClick={onImport}>{HM.importCatalog}</Button>
      </Stack>
    </Center>
  );
}
