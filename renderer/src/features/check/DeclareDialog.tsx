import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { invoke } from '../../api/client';
import { C } from './messages';

/** Asks for the written statement and declares a criterion 不属本单位职责. */
export function DeclareDialog(props: { code: string; title: string; onDone(): void; onClose(): void }) {
  const [statement, setStatement] = useState('');
  // The core's refusal (too short, not a leaf) for the text as it was sent: it shows on the box until the text
  // changes, so a statement fixed after a refusal no longer sits above a stale error.
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await invoke('criteria:declare', { criterionCode: props.code, statement });
      props.onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={props.onClose} title={C.declare.title} size="lg" data-testid="declare-dialog">
      <Stack gap="sm">
        <Text fw={600}>
          {props.code} {props.title}
        </Text>
        {/* The guidance is the box's description (grey); only a refusal turns the box red. */}
        <Textarea
          label={C.declare.label}
          description={C.declare.hint}
          value={statement}
          onChange={(e) => {
            setStatement(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          autosize
          minRows={3}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {C.declare.cancel}
          </Button>
          <Button loading={busy} disabled={statement.trim() === ''} onClick={() => void submit()}>
            {C.declare.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
