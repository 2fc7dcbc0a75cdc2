import {
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  Container,
  Group,
  Modal,
  Paper,
  ScrollArea,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { displayFingerprint, type ReviewDecision } from '@shared/domain/signoff';
import type { RemoteView } from '@shared/ipc/remote-review-types';
import type { SignerInfo } from '@shared/ipc/types';
import { invoke } from '../../api/client';
import { R } from '../signoff/messages';
import { PassphraseModal } from '../signoff/PassphraseModal';
import { RemoteCriterion } from './RemoteCriterion';
import { V } from './messages';

interface Pending {
  codes: string[];
  decision: ReviewDecision;
  comment: string;
}

/**
 * The leader's read-only mode (no workspace open): the 送审包's criteria on the left with what was decided, one
 * opened on the right with its standard and materials; decisions signed with the leader's key file and 口令, then
 * saved as the 审核结果. Core wrote nothing but that file.
 */
export function RemoteReviewScreen(props: { view: RemoteView; onView(v: RemoteView): void; onClose(): void }) {
  const { view } = props;
  const { request } = view;
  const [selected, setSelected] = useState(request.criteria[0]?.code ?? null);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState<Pending | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [savedCount, setSavedCount] = useState(0);
  const decided = useMemo(() => new Map(view.signed.map((s) => [s.criterionCode, s])), [view.signed]);
  const current = request.criteria.find((c) => c.code === selected) ?? null;
  const unsaved = view.signed.length !== savedCount;

  const attempt = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const chooseKey = () =>
    attempt(async () => {
      const v = await invoke('remote:key', {});
      if (v) props.onView(v);
    });
  const decide = (p: Pending) =>
    attempt(async () => {
      if (!view.key) {
        const v = await invoke('remote:key', {});
        if (!v) return;
        props.onView(v);
      }
      setPending(p);
    });
  const sign = async (passphrase: string) => {
    const p = pending!;
    const v = await invoke('remote:sign', { ...p, passphrase });
    if (v) props.onView(v);
    setChecked(new Set());
    setNotice(null);
  };
  const save = () =>
    attempt(async () => {
      const r = await invoke('remote:save', {});
      if (!r) return;
      setSavedCount(view.signed.length);
      setNotice(V.saved(r.path));
    });
  const [confirmClose, setConfirmClose] = useState(false);
  const close = () => void invoke('remote:close', {}).then(props.onClose);
  const keySigner: SignerInfo | null = view.key && {
    ...view.key,
    retired: false,
    createdAt: '',
    keyHere: true,
    lockedUntil: null,
  };

  return (
    <Container fluid h="100vh" py="md" data-testid="remote-review">
      <Stack h="100%" gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Box style={{ minWidth: 0 }}>
            <Title order={3}>
              {V.title} · {V.heading(request.unit.name, request.level)}
            </Title>
            <Text size="sm" c="dimmed">
              {V.madeAt(view.file, request.createdAt)}
            </Text>
          </Box>
          <Group gap="xs" wrap="nowrap" style={{ flex: 'none' }}>
            <Button onClick={() => void save()} disabled={view.signed.length === 0} data-testid="remote-save">
              {V.save(view.signed.length)}
            </Button>
            <Button
              variant="default"
              onClick={() => (unsaved ? setConfirmClose(true) : close())}
              data-testid="remote-close"
            >
              {V.close}
            </Button>
          </Group>
        </Group>
        <Alert color="blue" variant="light" py={6} data-testid="remote-readonly">
          {V.readOnly}
        </Alert>
        <Paper withBorder p="xs">
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" fw={600}>
              {V.key}
            </Text>
            <Text
              size="sm"
              ff={view.key ? 'monospace' : undefined}
              c={view.key ? undefined : 'dimmed'}
              data-testid="remote-key"
            >
              {view.key ? V.keyLine(view.key.name, view.key.level, displayFingerprint(view.key.fingerprint)) : V.noKey}
            </Text>
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => void chooseKey()}
              data-testid="remote-choose-key"
            >
              {view.key ? V.changeKey : V.chooseKey}
            </Button>
            {unsaved && (
              <Text size="sm" c="orange.8">
                {V.unsavedChanges(view.signed.length)}
              </Text>
            )}
          </Group>
        </Paper>
        {notice && (
          <Alert color="green" withCloseButton onClose={() => setNotice(null)} data-testid="remote-notice">
            {notice}
          </Alert>
        )}
        {error && (
          <Alert color="red" withCloseButton onClose={() => setError(null)} data-testid="remote-error">
            {error}
          </Alert>
        )}
        <Group align="stretch" gap="md" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
          <Paper withBorder w={340} p="xs" style={{ flex: 'none', display: 'flex', flexDirection: 'column' }}>
            <Group justify="space-between" mb="xs">
              <Text fw={600}>{V.criteria(request.criteria.length)}</Text>
              <Button
                size="compact-sm"
                color="green"
                disabled={checked.size === 0}
                onClick={() => void decide({ codes: [...checked], decision: 'approve', comment: '' })}
              >
                {V.approveSelected(checked.size)}
              </Button>
            </Group>
            <ScrollArea style={{ flex: 1 }} type="auto">
              <Stack gap={2} data-testid="remote-criteria">
                {request.criteria.map((c) => {
                  const d = decided.get(c.code);
                  return (
                    <Group
                      key={c.code}
                      gap="xs"
                      wrap="nowrap"
                      p={6}
                      bg={c.code === selected ? 'blue.0' : undefined}
                      style={{ cursor: 'pointer', borderRadius: 4 }}
                      onClick={() => setSelected(c.code)}
                      data-testid="remote-row"
                      data-code={c.code}
                    >
                      <Checkbox
                        aria-label={`${c.code} ${c.title}`}
                        checked={checked.has(c.code)}
                        onClick={(e) => e.stopPropagation()}
                        onChange={(e) => {
                          const next = new Set(checked);
                          if (e.currentTarget.checked) next.add(c.code);
                          else next.delete(c.code);
                          setChecked(next);
                        }}
                      />
                      <Text size="sm" style={{ flex: 1, minWidth: 0 }} truncate>
                        {c.code} {c.title}
                      </Text>
                      <Badge
                        size="sm"
                        variant="light"
                        color={d ? (d.decision === 'approve' ? 'green' : 'orange') : 'gray'}
                        data-testid="remote-row-state"
                      >
                        {d ? V.decided(d.decision) : V.pending}
                      </Badge>
                    </Group>
                  );
                })}
              </Stack>
            </ScrollArea>
          </Paper>
          <Box style={{ flex: 1, minWidth: 0 }}>
            {current && (
              <RemoteCriterion
                // A new decision closes the 退回 form it came from.
                key={`${current.code}:${decided.get(current.code)?.decision ?? ''}:${view.signed.length}`}
                c={current}
                signed={decided.get(current.code) ?? null}
                materials={request.materials.filter((m) => m.criterionCode === current.code)}
                onDecide={(decision, comment) => void decide({ codes: [current.code], decision, comment })}
              />
            )}
          </Box>
        </Group>
      </Stack>
      {confirmClose && (
        <Modal opened onClose={() => setConfirmClose(false)} title={V.close} data-testid="remote-close-confirm">
          <Text size="sm">{V.closeConfirm}</Text>
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setConfirmClose(false)}>
              {R.cancel}
            </Button>
            <Button color="red" onClick={close}>
              {V.closeAnyway}
            </Button>
          </Group>
        </Modal>
      )}
      {pending && keySigner && (
        <PassphraseModal
          title={R.passphraseTitle}
          what={R.decisionLine(pending.decision, pending.codes.length) + `：${pending.codes.join('、')}`}
          signers={[keySigner]}
          onSign={(_s, passphrase) => sign(passphrase)}
          onClose={() => setPending(null)}
        />
      )}
    </Container>
  );
}
