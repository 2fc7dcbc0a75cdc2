import { Alert, Anchor, Box, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { Period } from '@shared/domain/period';
import type { Finding } from '@shared/domain/rules/types';
import type { ReviewDecision } from '@shared/domain/signoff';
import type { CheckReport, Criterion } from '@shared/ipc/types';
import { invoke } from '../../api/client';
import { R, X } from './messages';
import { PassphraseModal } from './PassphraseModal';
import { reviewQueue, signersHere } from './review-queue';
import { ReviewItem } from './ReviewItem';
import { ReviewQueue } from './ReviewQueue';
import { RemoteOutcomeAlert, RemoteRequestActions, type RemoteOutcome } from './RemoteRequestActions';
import { useSigners } from './useSigners';

const NO_FINDINGS: Finding[] = [];

interface Pending {
  codes: string[];
  decision: ReviewDecision;
  comment: string;
}

/**
 * 审核: who reviews (a leader whose key is on this computer), the criteria waiting for them, and one criterion
 * opened beside the queue with its materials and findings. A decision is signed with the leader's 口令, once for all
 * the criteria it covers; the queue then updates by itself (the ledger is read again after review:decide).
 */
export function ReviewScreen(props: {
  criteria: Criterion[];
  report: CheckReport | null;
  today: string;
  period: Period;
  onOpenSettings(): void;
}) {
  const { criteria } = props;
  const { signers, error } = useSigners();
  const here = useMemo(() => signersHere(signers ?? []), [signers]);
  const [chosen, setChosen] = useState<string | null>(null);
  const reviewer = here.find((s) => s.fingerprint === chosen) ?? here[0] ?? null;
  const queue = useMemo(() => (reviewer ? reviewQueue(criteria, reviewer.level) : []), [criteria, reviewer]);
  const [selected, setSelected] = useState<{ code: string; at: number } | null>(null);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState<Pending | null>(null);
  const [outcome, setOutcome] = useState<RemoteOutcome | null>(null);
  // Leaders whose key is kept on their own PC (导出密钥): they review 送审包 there.
  const elsewhere = (signers ?? []).some((s) => !s.retired && !s.keyHere);

  // The criterion opened: the one chosen while it waits; once decided, the one that took its place in the queue.
  const at = selected ? queue.findIndex((c) => c.code === selected.code) : -1;
  const current = at >= 0 ? queue[at]! : (queue[Math.min(selected?.at ?? 0, queue.length - 1)] ?? null);
  const findings = useMemo(() => {
    if (!current) return NO_FINDINGS;
    return props.report?.findings.filter((f) => f.criterionCode === current.code) ?? NO_FINDINGS;
  }, [props.report, current]);
  const waiting = new Set(queue.map((c) => c.code));
  const checkedHere = new Set([...checked].filter((code) => waiting.has(code)));

  const sign = async (fingerprint: string, passphrase: string) => {
    const p = pending!;
    await invoke('review:decide', { ...p, signer: fingerprint, passphrase });
    setChecked(new Set([...checked].filter((code) => !p.codes.includes(code))));
  };

  return (
    <Stack h="100%" gap="sm" data-testid="review">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Box>
          <Title order={3}>{R.reviewTitle}</Title>
          <Text size="sm" c="dimmed">
            {R.reviewIntro}
          </Text>
        </Box>
        <Group gap="sm" align="flex-end" wrap="nowrap" style={{ flex: 'none' }}>
          <RemoteRequestActions criteria={criteria} onOutcome={setOutcome} />
          {here.length > 0 && reviewer && (
            <Select
              label={R.reviewer}
              aria-label={R.reviewer}
              data={here.map((s) => ({ value: s.fingerprint, label: R.reviewerOption(s.name, s.level) }))}
              value={reviewer.fingerprint}
              onChange={(v) => {
                setChosen(v);
                setChecked(new Set());
                setSelected(null);
              }}
              allowDeselect={false}
              w={240}
              style={{ flex: 'none' }}
            />
          )}
        </Group>
      </Group>
      {outcome && <RemoteOutcomeAlert outcome={outcome} onClose={() => setOutcome(null)} />}
      {error && <Alert color="red">{error}</Alert>}
      {signers && here.length === 0 && (
        <Alert color="gray" data-testid="review-no-signer">
          {elsewhere ? X.keysElsewhere : R.noReviewer}{' '}
          <Anchor component="button" type="button" inherit c="blue.8" underline="always" onClick={props.onOpenSettings}>
            {R.openSettings}
          </Anchor>
        </Alert>
      )}
      {reviewer && (
        <Group align="stretch" gap="md" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
          <Box w={360} style={{ flex: 'none' }}>
            <ReviewQueue
              level={reviewer.level}
              queue={queue}
              selected={current?.code ?? null}
              checked={checkedHere}
              onSelect={(code) => setSelected({ code, at: queue.findIndex((c) => c.code === code) })}
              onCheck={setChecked}
              onApproveChecked={() => setPending({ codes: [...checkedHere], decision: 'approve', comment: '' })}
            />
          </Box>
          <Box style={{ flex: 1, minWidth: 0 }}>
            {current ? (
              <ReviewItem
                key={current.code}
                c={current}
                findings={findings}
                criteria={criteria}
                today={props.today}
                period={props.period}
                onDecide={(decision, comment) => setPending({ codes: [current.code], decision, comment })}
              />
            ) : (
              queue.length > 0 && (
                <Text c="dimmed" size="sm">
                  {R.pickOne}
                </Text>
              )
            )}
          </Box>
        </Group>
      )}
      {pending && reviewer && (
        <PassphraseModal
          title={R.passphraseTitle}
          what={R.decisionLine(pending.decision, pending.codes.length) + `：${pending.codes.join('、')}`}
          signers={[reviewer]}
          onSign={(s, passphrase) => sign(s.fingerprint, passphrase)}
          onClose={() => setPending(null)}
        />
      )}
    </Stack>
  );
}
