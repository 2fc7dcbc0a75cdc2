import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { SignerInfo } from '@shared/ipc/types';
import { R } from './messages';

/**
 * Asks a leader for their 口令 (masked, focused, Enter signs) and runs the signed call with it. Core's message for a
 * wrong 口令 (tries left, how long to wait) stays in the dialog for another try; success closes it. With several
 * `signers` the person signing is chosen here first (one is pre-selected).
 */
export function PassphraseModal(props: {
  title: string;
  /** What is being signed, in a line or two. */
  what: ReactNode;
  signers: SignerInfo[];
  onSign(signer: SignerInfo, passphrase: string): Promise<unknown>;
  onClose(): void;
}) {
  const { signers } = props;
  const [chosen, setChosen] = useState<string | null>(signers.length === 1 ? signers[0]!.fingerprint : null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signer = signers.find((s) => s.fingerprint === chosen) ?? null;

  const submit = async () => {
    if (!signer || passphrase === '' || busy) return;
    setBusy(true);
    setError(null);
    try {
      await props.onSign(signer, passphrase);
      props.onClose();
    } catch (e) {
      setError((e as Error).message);
      setPassphrase('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={props.onClose} title={props.title} size="md" data-testid="passphrase-modal">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" data-testid="passphrase-what">
            {props.what}
          </Text>
          {signers.length > 1 && (
            <Select
              label={R.signer}
              data={signers.map((s) => ({ value: s.fingerprint, label: R.reviewerOption(s.name, s.level) }))}
              value={chosen}
              onChange={setChosen}
              allowDeselect={false}
            />
          )}
          {signer && (
            <Text size="sm" c="dimmed">
              {R.passphraseFor(signer.name, signer.level)}
            </Text>
          )}
          <PasswordInput
            label={R.passphrase}
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            data-autofocus
            autoComplete="off"
            disabled={busy}
          />
          {error && (
            <Alert color="red" data-testid="passphrase-error">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose} disabled={busy}>
              {R.cancel}
            </Button>
            <Button type="submit" loading={busy} disabled={!signer || passphrase === ''}>
              {R.confirm}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
