import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { REVIEW_LEVELS, type ReviewLevel } from '@shared/domain/signoff';
import { invoke } from '../../api/client';
import { R } from './messages';
import { NewPassphraseFields, useNewPassphrase } from './NewPassphrase';

/**
 * 添加审核人: name, level and a 口令 typed twice (masked). The 口令 is checked here as core checks it, so a short one or
 * a mismatch is said before anything is sent; core's own message is shown if it still refuses.
 */
export function AddSignerDialog(props: { onDone(name: string): void; onClose(): void }) {
  const [name, setName] = useState('');
  const [level, setLevel] = useState<ReviewLevel>('leader');
  const passphrase = useNewPassphrase();
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const nameError = name.trim() === '' ? R.nameMissing : null;
  const submit = async () => {
    setTried(true);
    if (nameError || passphrase.problem || busy) return;
    setBusy(true);
    setError(null);
    try {
      await invoke('signer:add', { name: name.trim(), level, passphrase: passphrase.value });
      props.onDone(name.trim());
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={props.onClose} title={R.addTitle} data-testid="add-signer">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={R.name}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={tried && nameError}
            maxLength={50}
            data-autofocus
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="signer-level-label">
              {R.level}
            </Text>
            <SegmentedControl
              value={level}
              onChange={(v) => setLevel(v as ReviewLevel)}
              data={(Object.keys(REVIEW_LEVELS) as ReviewLevel[]).map((l) => ({ value: l, label: REVIEW_LEVELS[l] }))}
              aria-labelledby="signer-level-label"
            />
          </Stack>
          <NewPassphraseFields state={passphrase} tried={tried} label={R.passphrase} againLabel={R.passphraseAgain} />
          {error && <Alert color="red">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose} disabled={busy}>
              {R.cancel}
            </Button>
            <Button type="submit" loading={busy}>
              {R.add}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
