import { Button, NavLink, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { DueItem, HomeSummary } from '@shared/domain/home-summary';
import { DUE_COLOR, M as LM } from '../ledger/messages';
import { HM } from './messages';

/**
 * 逾期与近期到期: what is late and what comes due within two weeks, side by side, each criterion one click from its
 * place in the 台账. Dates and colours are the ledger's (red late, orange within a few days, grey later).
 */
export function DueCard(props: {
  late: DueItem[];
  soon: DueItem[];
  next: HomeSummary['next'];
  today: string;
  onOpen(code: string): void;
}) {
  const { next, today } = props;
  return (
    <Paper withBorder p="md" data-testid="home-due">
      <Title order={4} size="h5" mb="xs">
        {HM.due}
      </Title>
      <SimpleGrid cols={2} spacing="lg">
        <DueList
          testId="home-late"
          heading={HM.late(props.late.length)}
          headingColor={props.late.length > 0 ? 'red.8' : undefined}
          items={props.late}
          empty={HM.noLate}
          today={props.today}
          onOpen={props.onOpen}
        />
        <DueList
          testId="home-soon"
          heading={HM.soon(props.soon.length)}
          items={props.soon}
          empty={HM.noSoon}
          emptyHint={next === null ? HM.noNextDue : HM.nextDue(LM.dueLabel(next.due, today), next.count)}
          today={props.today}
          onOpen={props.onOpen}
        />
      </SimpleGrid>
    </Paper>
  );
}

/** Lines shown before 显示全部: the most pressing fit on the screen, a long backlog does not push the rest away. */
const FIRST_LINES = 6;

function DueList(props: {
  testId: string;
  heading: string;
  headingColor?: string;
  items: DueItem[];
  empty: string;
  emptyHint?: string;
  today: string;
  onOpen(code: string): void;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? props.items : props.items.slice(0, FIRST_LINES);
  return (
    <Stack gap={4} data-testid={props.testId}>
      <Text fw={600} c={props.headingColor}>
        {props.heading}
      </Text>
      {props.items.length === 0 && (
        <div>
          <Text size="sm">{props.empty}</Text>
          {props.emptyHint && (
            <Text size="sm" c="dimmed">
              {props.emptyHint}
            </Text>
          )}
        </div>
      )}
      {shown.map((i) => (
        <DueLine key={i.code} item={i} today={props.today} onOpen={props.onOpen} />
      ))}
      {shown.length < props.items.length && (
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          onClick={() => setAll(true)}
          style={{ alignSelf: 'start' }}
        >
          {HM.showAll(props.items.length)}
        </Button>
      )}
    </Stack>
  );
}

/** One criterion as a button: code and title, its due date and points, and how late or how near in its colour. */
function DueLine({ item, today, onOpen }: { item: DueItem; today: string; onOpen(code: string): void }) {
  const late = item.urgency === 'overdue';
  return (
    <NavLink
      component="button"
      type="button"
      data-code={item.code}
      title={HM.openHint}
      onClick={() => onOpen(item.code)}
      label={
        <Text size="sm" truncate>
          <span style={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}>{item.code}</span> {item.title}
        </Text>
      }
      description={`${LM.dueLabel(item.due, today)}${item.points === null ? '' : ` · ${HM.points(item.points)}`}`}
      rightSection={
        <Text size="sm" fw={600} c={`${DUE_COLOR[item.urgency]}.8`} style={{ whiteSpace: 'nowrap' }}>
          {late ? HM.daysLate(item.days) : HM.daysLeft(item.days)}
        </Text>
      }
      styles={{ root: { borderRadius: 'var(--mantine-radius-sm)' } }}
    />
  );
}
