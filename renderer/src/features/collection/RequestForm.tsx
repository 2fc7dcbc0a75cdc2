import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { isValidPhone } from '@shared/domain/package/contact';
import { isIsoDate } from '@shared/domain/period';
import { MATERIAL_KINDS, type MaterialKind } from '@shared/domain/value-sets';
import type { Criterion } from '@shared/ipc/types';
import { invoke } from '../../api/client';
import { CM } from './messages';

const KINDS = Object.entries(MATERIAL_KINDS).map(([value, label]) => ({ value, label }));

/**
 * 新增要账: which criterion, what is needed (text; optionally a kind and a minimum count, which let it be met by
 * itself), who (责任人, 电话), the month it is for and its due date (default: the next collection day).
 */
export function RequestForm(props: {
  criteria: Criterion[];
  months: string[];
  month: string;
  onClose(): void;
  onAdded(): void;
}) {
  const [code, setCode] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [kind, setKind] = useState<MaterialKind | null>(null);
  const [min, setMin] = useState<number | ''>('');
  const [assignee, setAssignee] = useState('');
  const [phone, setPhone] = useState('');
  const [month, setMonth] = useState(props.month);
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The unit's own leaves first: a 要账 is almost always about one of them.
  const options = props.criteria
    .filter((c) => c.leaf && !c.removed)
    .sort((a, b) => Number(b.mine) - Number(a.mine))
    .map((c) => ({ value: c.code, label: `${c.code} ${c.title}` }));
  const phoneOk = isValidPhone(phone.trim());
  const dueOk = due === '' || isIsoDate(due);
  const ok = code !== null && text.trim() !== '' && phoneOk && dueOk;
  const save = async () => {
    if (!code) return;
    setBusy(true);
    try {
      await invoke('request:add', {
        criterionCode: code,
        text: text.trim(),
        kind: kind ?? undefined,
        min: min === '' ? undefined : min,
        assignee: assignee.trim() || undefined,
        phone: phone.trim() || undefined,
        month,
        due: due || undefined,
      });
      props.onAdded();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={props.onClose} title={CM.addTitle} size="lg" data-testid="request-form">
      <Stack gap="sm">
        <Select
          label={CM.item}
          data={options}
          value={code}
          onChange={setCode}
          searchable
          required
          aria-label={CM.item}
        />
        <Textarea
          label={CM.needText}
          placeholder={CM.needTextHint}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
          required
        />
        <Group grow align="flex-start">
          <Select
            label={CM.kind}
            description={CM.kindHint}
            data={KINDS}
            value={kind}
            onChange={(v) => setKind(v as MaterialKind | null)}
            clearable
            aria-label={CM.kind}
          />
          <NumberInput
            label={CM.min}
            description={CM.minHint}
            value={min}
            min={1}
            max={1000}
            allowDecimal={false}
            onChange={(v) => setMin(typeof v === 'number' ? v : '')}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label={CM.assignee}
            value={assignee}
            maxLength={100}
            onChange={(e) => setAssignee(e.currentTarget.value)}
          />
          <TextInput
            label={CM.phone}
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={phoneOk ? null : CM.phoneError}
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label={CM.month}
            data={props.months.map((m) => ({ value: m, label: CM.monthLabel(m) }))}
            value={month}
            onChange={(v) => v && setMonth(v)}
            allowDeselect={false}
            aria-label={CM.requestMonth}
          />
          <TextInput
            label={CM.dueDate}
            placeholder={CM.dueDefault}
            value={due}
            onChange={(e) => setDue(e.currentTarget.value.trim())}
            error={dueOk ? null : 'YYYY-MM-DD'}
          />
        </Group>
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {CM.cancel}
          </Button>
          <Button disabled={!ok} loading={busy} onClick={() => void save()}>
            {CM.addConfirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
