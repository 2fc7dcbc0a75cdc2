import { Alert, Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { invoke } from '../../api/client';
import { M } from './messages';
import { usePeriodMonths } from './usePeriodMonths';

const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;

/** 修改月份 for a selection: a month of the 测评周期 (nothing else can be picked), set on all of them at once. */
export function SetMonthDialog(props: {
  ids: string[];
  initial: string | null;
  onClose(): void;
  onDone(text: string): void;
}) {
  const months = usePeriodMonths();
  const [month, setMonth] = useState<string | null>(props.initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (!month) return;
    setBusy(true);
    try {
      const r = await invoke('materials:setMonth', { ids: props.ids, month });
      props.onDone(M.setMonthDone(r.changed.length, month));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={props.onClose} title={M.setMonthTitle(props.ids.length)} data-testid="set-month">
      <Stack gap="sm">
        <Select
          label={M.setMonthLabel}
          description={M.setMonthHint}
          data={months.map((m) => ({ value: m, label: monthLabel(m) }))}
          value={month && months.includes(month) ? month : null}
          onChange={setMonth}
          allowDeselect={false}
          aria-label={M.setMonthLabel}
        />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {M.cancel}
          </Button>
          <Button disabled={!month} loading={busy} onClick={() => void save()}>
            {M.setMonthConfirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
