import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { SignerInfo } from '@shared/ipc/types';
import { invoke } from '../../api/client';
import { R, X } from './messages';

/** 导出密钥: where the key file goes is asked by core (a folder dialog); the private key may leave the workspace. */
export function ExportKeyDialog(props: {
  signer: SignerInfo;
  onClose(): void;
  onDone(path: string, removed: boolean): void;
}) {
  const [remove, setRemove] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await invoke('signer:exportKey', { signer: props.signer.fingerprint, removeFromWorkspace: remove });
      if (r) props.onDone(r.path, remove);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={props.onClose} title={X.exportKeyTitle(props.signer.name)} data-testid="export-key">
      <Stack gap="sm">
        <Text size="sm">{X.exportKeyIntro}</Text>
        <Checkbox label={X.removeKey} checked={remove} onChange={(e) => setRemove(e.currentTarget.checked)} />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} disabled={busy}>
            {R.cancel}
          </Button>
          <Button onClick={() => void run()} loading={busy}>
            {X.exportKeyDo}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
