import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useState } from 'react';
import type { SignerInfo } from '@shared/ipc/types';
import { invoke } from '../../api/client';
import { R } from './messages';
import { NewPassphraseFields, useNewPassphrase } from './NewPassphrase';

/** 修改口令: the old one (a wrong one counts as a wrong try, core says how many are left) and the new one twice. */
export function ChangePassphraseDialog(props: { signer: SignerInfo; onDone(): void; onClose(): void }) {
  const { signer } = props;
  const [old, setOld] = useState('');
  const next = useNewPassphrase();
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setTried(true);
    if (old === '' || next.problem || busy) return;
    setBusy(true);
    setError(null);
    try {
      await invoke('signer:passphrase', { signer: signer.fingerprint, passphrase: old, newPassphrase: next.value });
      props.onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={props.onClose} title={R.changeTitle(signer.name)} data-testid="change-passphrase">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <PasswordInput
            label={R.oldPassphrase}
            value={old}
            onChange={(e) => setOld(e.currentTarget.value)}
            autoComplete="current-password"
            data-autofocus
          />
          <NewPassphraseFields state={next} tried={tried} label={R.newPassphrase} againLabel={R.newPassphraseAgain} />
          {error && <Alert color="red">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose} disabled={busy}>
              {R.cancel}
            </Button>
            <Button type="submit" loading={busy} disabled={old === ''}>
              {R.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
