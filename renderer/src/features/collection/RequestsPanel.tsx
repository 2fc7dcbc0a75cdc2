import { Alert, Badge, Button, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { RequestView } from '@shared/ipc/collection-types';
import { invoke } from '../../api/client';
import { CloseRequestDialog } from './CloseRequestDialog';
import { CM, REQUEST_STATE_COLOR, REQUEST_STATE_LABEL } from './messages';

/**
 * The 要账 of the month, the office's (marked 创城办) beside the unit's own: what is asked, of whom, by when, how much
 * came in; 销号 with a note, 撤销销号, 标记已交 for the ones only a person can judge; and the 要账单 to hand round.
 */
export function RequestsPanel(props: {
  requests: RequestView[];
  month: string;
  onAdd(): void;
  onNotice(text: string): void;
}) {
  const [closing, setClosing] = useState<RequestView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = (work: Promise<unknown>) =>
    work.then(
      () => setError(null),
      (e: Error) => setError(e.message),
    );
  const chase = (format: 'xlsx' | 'pdf', month?: string) =>
    invoke('request:chaseList', { format, month }).then(
      (r) => {
        setError(null);
        if (r) props.onNotice(CM.chaseDone(r.path, r.requests));
      },
      (e: Error) => setError(e.message),
    );
  return (
    <Stack gap="xs" data-testid="requests">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600}>{CM.requestsTitle}</Text>
        <Group gap={6} wrap="nowrap">
          <Button size="xs" variant="default" onClick={props.onAdd}>
            {CM.addRequest}
          </Button>
          <Menu position="bottom-end">
            <Menu.Target>
              <Button size="xs" variant="default">
                {CM.exportChase}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{CM.monthLabel(props.month)}</Menu.Label>
              <Menu.Item onClick={() => void chase('xlsx', props.month)}>{CM.chaseXlsx}</Menu.Item>
              <Menu.Item onClick={() => void chase('pdf', props.month)}>{CM.chasePdf}</Menu.Item>
              <Menu.Label>{CM.allOpen}</Menu.Label>
              <Menu.Item onClick={() => void chase('xlsx')}>{CM.chaseXlsx}</Menu.Item>
              <Menu.Item onClick={() => void chase('pdf')}>{CM.chasePdf}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      {error && (
        <Alert color="red" withCloseButton onClose={() => setError(null)} data-testid="requests-error">
          {error}
        </Alert>
      )}
      {props.requests.length === 0 ? (
        <Text size="sm" c="dimmed">
          {CM.requestsEmpty}
        </Text>
      ) : (
        props.requests.map((r) => (
          <RequestRow
            key={r.id}
            r={r}
            onClose={() => setClosing(r)}
            onReopen={() => void run(invoke('request:reopen', { id: r.id }))}
            onSetMet={(met) => void run(invoke('request:setMet', { id: r.id, met }))}
          />
        ))
      )}
      {closing && (
        <CloseRequestDialog
          r={closing}
          onCancel={() => setClosing(null)}
          onConfirm={(note) => void run(invoke('request:close', { id: closing.id, note })).then(() => setClosing(null))}
        />
      )}
    </Stack>
  );
}

function RequestRow(props: { r: RequestView; onClose(): void; onReopen(): void; onSetMet(met: boolean): void }) {
  const { r } = props;
  return (
    <Paper
      withBorder
      p="xs"
      data-testid="request"
      data-id={r.id}
      data-state={r.state}
      style={{
        borderLeft: r.overdue ? '4px solid var(--mantine-color-red-8)' : undefined,
        background: r.overdue ? 'var(--mantine-color-red-0)' : undefined,
      }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Group gap={6}>
            <Text size="sm" fw={600}>
              {r.criterionCode}
            </Text>
            <Badge size="xs" variant={r.source === 'office' ? 'filled' : 'outline'} color="gray">
              {r.source === 'office' ? CM.office : CM.unit}
            </Badge>
            <Badge size="xs" variant="light" color={REQUEST_STATE_COLOR[r.state]} data-testid="request-state">
              {REQUEST_STATE_LABEL[r.state]}
            </Badge>
            {r.overdue && (
              <Badge size="xs" color="red">
                {CM.overdue}
              </Badge>
            )}
          </Group>
          {r.text && <Text size="sm">{r.text}</Text>}
          <Text size="xs" c="dimmed">
            {CM.requestMeta(r)}
            {!r.byHand && ` · ${CM.have(r.have, r.min)}`}
            {r.byHand && r.state === 'open' && ` · ${CM.byHandHint}`}
          </Text>
          {r.state === 'closed' && r.closedAt && (
            <Text size="xs" c="dimmed">
              {CM.closedNote(r.closedAt, r.note)}
            </Text>
          )}
        </Stack>
        <Stack gap={4} style={{ flex: 'none' }}>
          {r.state !== 'closed' && (
            <Button size="compact-xs" variant="default" onClick={props.onClose}>
              {CM.close}
            </Button>
          )}
          {r.state === 'closed' && (
            <Button size="compact-xs" variant="subtle" onClick={props.onReopen}>
              {CM.reopen}
            </Button>
          )}
          {r.byHand && r.state === 'open' && (
            <Button size="compact-xs" variant="default" onClick={() => props.onSetMet(true)}>
              {CM.markMet}
            </Button>
          )}
          {r.byHand && r.state === 'met' && (
            <Button size="compact-xs" variant="subtle" onClick={() => props.onSetMet(false)}>
              {CM.unmarkMet}
            </Button>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
