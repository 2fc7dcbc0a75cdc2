import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { RequestView } from '@shared/ipc/collection-types';
import { CM } from './messages';

/** 销号: what was asked, and the note the officer records with the closing (required, as core requires it). */
export function CloseRequestDialog(props: { r: RequestView; onCancel(): void; onConfirm(note: string): void }) {
  const [note, setNote] = useState('');
  return (
    <Modal
      opened
      onClose={props.onCancel}
      title={`${CM.closeTitle}：${props.r.criterionCode}`}
      data-testid="close-request"
    >
      <Stack gap="sm">
        {props.r.text && <Text size="sm">{props.r.text}</Text>}
        <Textarea
          label={CM.closeNote}
          placeholder={CM.closeNoteHint}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {CM.cancel}
          </Button>
          <Button disabled={note.trim() === ''} onClick={() => props.onConfirm(note.trim())}>
            {CM.confirmClose}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
