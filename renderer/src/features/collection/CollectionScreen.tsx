import { Alert, Box, Center, Group, Loader, ScrollArea, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Criterion } from '@shared/ipc/types';
import { KeyDates } from './KeyDates';
import { CM } from './messages';
import { MonthCounters } from './MonthCounters';
import { OwedList } from './OwedList';
import { useMonthView, useRequests, useThumbs, useYearGrid } from './queries';
import { RequestForm } from './RequestForm';
import { RequestsPanel } from './RequestsPanel';
import { YearGrid } from './YearGrid';

/**
 * 月收集: for a collection month (default the current one), what is owed and how far it came in, the key dates to
 * prepare for, and the 要账 with their 要账单; the 全年 tab shows every month of the period at a glance.
 */
export function CollectionScreen(props: {
  criteria: Criterion[];
  today: string;
  onOpenCriterion(code: string): void;
  onNotice(text: string): void;
}) {
  const [picked, setPicked] = useState<string | null>(null);
  const [tab, setTab] = useState<'month' | 'year'>('month');
  const [adding, setAdding] = useState(false);
  const view = useMonthView(picked);
  const data = view.data;
  const month = data?.month ?? null;
  const requests = useRequests(month);
  const year = useYearGrid(tab === 'year');
  const thumbs = useThumbs(data ? data.owed.flatMap((o) => o.materialIds) : []);

  const error = view.error ?? requests.error ?? year.error;
  return (
    <Stack h="100%" gap="sm" data-testid="collection">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="md" wrap="nowrap">
          <Title order={4}>{CM.title}</Title>
          {data && (
            <Select
              data={data.months.map((m) => ({
                value: m,
                label: CM.monthLabel(m) + (m === data.currentMonth ? CM.currentMark : ''),
              }))}
              value={data.month}
              onChange={(m) => m && setPicked(m)}
              allowDeselect={false}
              w={170}
              aria-label={CM.month}
            />
          )}
          {data && (
            <Text size="xs" c="dimmed">
              {CM.collectionDay(data.collectionDay)}
            </Text>
          )}
        </Group>
        {data && <MonthCounters counts={data.counts} />}
      </Group>
      {error && (
        <Alert color="red" data-testid="collection-error">
          {error.message}
        </Alert>
      )}
      <Tabs value={tab} onChange={(t) => t && setTab(t as 'month' | 'year')} keepMounted={false} style={tabsStyle}>
        <Tabs.List>
          <Tabs.Tab value="month">{data ? CM.monthLabel(data.month) : CM.tabMonth}</Tabs.Tab>
          <Tabs.Tab value="year">{CM.tabYear}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="month" pt="sm" style={panelStyle}>
          {!data ? (
            !error && <Busy />
          ) : (
            <Group align="stretch" gap="md" wrap="nowrap" h="100%">
              <Box style={{ flex: 3, minWidth: 0 }}>
                <ScrollArea h="100%" type="auto" offsetScrollbars>
                  <Text fw={600} mb={6}>
                    {CM.owedTitle}
                  </Text>
                  <OwedList
                    owed={data.owed}
                    thumbs={thumbs.data ?? {}}
                    today={props.today}
                    onOpen={props.onOpenCriterion}
                  />
                </ScrollArea>
              </Box>
              <Box style={{ flex: 2, minWidth: 0 }}>
                <ScrollArea h="100%" type="auto" offsetScrollbars>
                  <Stack gap="md">
                    <Stack gap={6}>
                      <Text fw={600}>{CM.keyDatesTitle}</Text>
                      <KeyDates dates={data.keyDates} today={props.today} />
                    </Stack>
                    <RequestsPanel
                      requests={requests.data?.requests ?? []}
                      month={data.month}
                      onAdd={() => setAdding(true)}
                      onNotice={props.onNotice}
                    />
                  </Stack>
                </ScrollArea>
              </Box>
            </Group>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="year" pt="sm" style={panelStyle}>
          {year.data && data ? (
            <YearGrid
              grid={year.data}
              currentMonth={data.currentMonth}
              onOpenMonth={(m) => {
                setPicked(m);
                setTab('month');
              }}
            />
          ) : (
            !error && <Busy />
          )}
        </Tabs.Panel>
      </Tabs>
      {adding && data && (
        <RequestForm
          criteria={props.criteria}
          months={data.months}
          month={data.month}
          onClose={() => setAdding(false)}
          onAdded={() => setAdding(false)}
        />
      )}
    </Stack>
  );
}

const tabsStyle = { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' } as const;
const panelStyle = { flex: 1, minHeight: 0 } as const;

function Busy() {
  return (
    <Center p="md">
      <Loader size="sm" aria-label={CM.loading} />
    </Center>
  );
}
