import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { isIsoDate, isMonth } from '@shared/domain/period';
import { MATERIAL_KINDS, type MaterialKind } from '@shared/domain/value-sets';
import type { ArgsIn } from '@shared/ipc/contract';
import type { Material } from '@shared/ipc/types';
import { M } from './messages';

/** Photos above this size are offered 优化图片. */
const OPTIMIZE_ABOVE = 1024 * 1024;

const kinds = Object.entries(MATERIAL_KINDS).map(([value, label]) => ({ value, label }));

/** Inline editing of what the officer gives a material: kind, title, caption, dates. */
export function EditMaterial(props: {
  m: Material;
  /** Criteria it may be moved or copied to (code and title). */
  targets: { value: string; label: string }[];
  onSave(v: ArgsIn<'materials:update'>): void;
  onMove(to: string, copy: boolean): void;
  onDelete(): void;
  onOptimize(): void;
  onClose(): void;
}) {
  const { m } = props;
  const [kind, setKind] = useState<MaterialKind>(m.kind);
  const [title, setTitle] = useState(m.title);
  const [caption, setCaption] = useState(m.caption?.text ?? '');
  const [eventDate, setEventDate] = useState(m.eventDate ?? '');
  const [month, setMonth] = useState(m.month);
  const [target, setTarget] = useState<string | null>(null);
  const dateOk = eventDate === '' || isIsoDate(eventDate);
  const monthOk = isMonth(month);
  return (
    <Modal opened onClose={props.onClose} title={M.edit} size="lg" data-testid="edit-material">
      <Stack gap="sm">
        <Select
          label={M.kind}
          data={kinds}
          value={kind}
          onChange={(v) => v && setKind(v as MaterialKind)}
          allowDeselect={false}
        />
        <TextInput label={M.itemTitle} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <Textarea
          label={M.caption}
          description={M.captionHint}
          value={caption}
          onChange={(e) => setCaption(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group grow>
          <TextInput
            label={M.eventDate}
            placeholder="YYYY-MM-DD"
            value={eventDate}
            onChange={(e) => setEventDate(e.currentTarget.value)}
            error={dateOk ? null : 'YYYY-MM-DD'}
          />
          <TextInput
            label={M.month}
            placeholder="YYYY-MM"
            value={month}
            onChange={(e) => setMonth(e.currentTarget.value)}
            error={monthOk ? null : 'YYYY-MM'}
          />
        </Group>
        <Group align="flex-end" wrap="nowrap">
          <Select
            label={M.moveTo}
            data={props.targets}
            value={target}
            onChange={setTarget}
            searchable
            style={{ flex: 1 }}
            aria-label={M.moveTo}
          />
          <Button variant="default" disabled={!target} onClick={() => target && props.onMove(target, false)}>
            {M.move}
          </Button>
          <Button variant="default" disabled={!target} onClick={() => target && props.onMove(target, true)}>
            {M.copy}
          </Button>
        </Group>
        <Group justify="space-between">
          <Group gap="xs">
            <Button color="red" variant="light" onClick={props.onDelete}>
              {M.delete}
            </Button>
            {String(m.facts.mime).startsWith('image/') && m.bytes > OPTIMIZE_ABOVE && (
              <Button variant="light" onClick={props.onOptimize}>
                {M.optimize(m.bytes)}
              </Button>
            )}
          </Group>
          <Group>
            <Button variant="default" onClick={props.onClose}>
              {M.cancel}
            </Button>
            <Button
              disabled={!dateOk || !monthOk || title.trim() === ''}
              onClick={() =>
                props.onSave({
                  id: m.id,
                  kind,
                  title: title.trim(),
                  caption,
                  eventDate: eventDate === '' ? null : eventDate,
                  month,
                })
              }
            >
              {M.save}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
