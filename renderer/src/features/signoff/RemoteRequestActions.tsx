import { Alert, Button, Checkbox, Group, Modal, ScrollArea, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { REVIEW_LEVELS, type ReviewLevel } from '@shared/domain/signoff';
import type { Criterion } from '@shared/ipc/types';
import { invoke } from '../../api/client';
import { R, X } from './messages';
import { reviewQueue } from './review-queue';

/**
 * 送审 from the officer's side: 导出送审包 (the criteria waiting for a level, all chosen unless unticked) for a leader
 * reviewing on their own PC, and 导入审核结果 when the answer comes back. What happened is said below the buttons.
 */
export function RemoteRequestActions(props: { criteria: Criterion[]; onOutcome(o: RemoteOutcome | null): void }) {
  const { criteria, onOutcome } = props;
  const [exporting, setExporting] = useState(false);
  const importAnswer = () =>
    invoke('review:importAnswer', {}).then(
      (r) => r && onOutcome({ ok: true, text: X.answerImported(r.recorded, r.current, r.stale) }),
      (e: Error) => onOutcome({ ok: false, text: e.message }),
    );
  return (
    <>
      <Group gap="xs" wrap="nowrap" justify="flex-end" style={{ flex: 'none' }}>
        <Button variant="default" size="xs" onClick={() => setExporting(true)} data-testid="export-request">
          {X.exportRequest}
        </Button>
        <Button variant="default" size="xs" onClick={() => void importAnswer()} data-testid="import-answer">
          {X.importAnswer}
        </Button>
      </Group>
      {exporting && (
        <RequestDialog
          criteria={criteria}
          onClose={() => setExporting(false)}
          onDone={(path, n) => {
            setExporting(false);
            onOutcome({ ok: true, text: X.requestSaved(path, n) });
          }}
        />
      )}
    </>
  );
}

/** What a 送审 action came to, said under the screen's title (green, or red with core's message). */
export interface RemoteOutcome {
  ok: boolean;
  text: string;
}

/** The outcome of the last 送审 action, closable. */
export function RemoteOutcomeAlert({ outcome, onClose }: { outcome: RemoteOutcome; onClose(): void }) {
  return (
    <Alert
      color={outcome.ok ? 'green' : 'red'}
      withCloseButton
      onClose={onClose}
      data-testid={outcome.ok ? 'remote-notice' : 'remote-error'}
    >
      {outcome.text}
    </Alert>
  );
}

function RequestDialog(props: { criteria: Criterion[]; onClose(): void; onDone(path: string, n: number): void }) {
  const [level, setLevel] = useState<ReviewLevel>('leader');
  const waiting = useMemo(() => reviewQueue(props.criteria, level), [props.criteria, level]);
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const codes = waiting.map((c) => c.code).filter((code) => !unticked.has(code));
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await invoke('review:exportRequest', { codes, level });
      if (r) props.onDone(r.path, r.criteria);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={props.onClose} title={X.requestTitle} size="lg" data-testid="request-dialog">
      <Stack gap="sm">
        <Text size="sm">{X.requestIntro}</Text>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {X.requestLevel}
          </Text>
          <SegmentedControl
            value={level}
            onChange={(v) => {
              setLevel(v as ReviewLevel);
              setUnticked(new Set());
            }}
            data={(Object.keys(REVIEW_LEVELS) as ReviewLevel[]).map((l) => ({ value: l, label: REVIEW_LEVELS[l] }))}
          />
        </Stack>
        <Text size="sm" fw={600}>
          {X.requestCriteria(codes.length, waiting.length)}
        </Text>
        {waiting.length === 0 ? (
          <Text size="sm" c="dimmed">
            {X.requestNone(level)}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={280} type="auto">
            <Stack gap={6}>
              {waiting.map((c) => (
                <Checkbox
                  key={c.code}
                  label={`${c.code} ${c.title}`}
                  checked={!unticked.has(c.code)}
                  onChange={(e) => {
                    const next = new Set(unticked);
                    if (e.currentTarget.checked) next.delete(c.code);
                    else next.add(c.code);
                    setUnticked(next);
                  }}
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} disabled={busy}>
            {R.cancel}
          </Button>
          <Button onClick={() => void run()} loading={busy} disabled={codes.length === 0}>
            {X.requestDo(codes.length)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
