import { Alert, Button, Group, NumberInput, Progress, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ProgressEvent } from '../../../../shared/ipc/events';
import type { ReferenceYear } from '../../../../shared/ipc/types';
import { invoke } from '../../api/client';
import { M } from '../materials/messages';
import { C } from './messages';
import { SettingsSection } from './SettingsSection';

/** 设置 → 往年材料: the years on record, importing a folder (with progress and 取消), removing a year. */
export function ReferencesPanel({ thisYear, onChanged }: { thisYear: number; onChanged(): void }) {
  const [years, setYears] = useState<ReferenceYear[]>([]);
  const [year, setYear] = useState(thisYear - 1);
  const [job, setJob] = useState<{ id: string; progress: ProgressEvent | null } | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const load = () => invoke('reference:list', {}).then(setYears);
  useEffect(() => void load(), []);

  const importFolder = async () => {
    const jobId = crypto.randomUUID();
    setJob({ id: jobId, progress: null });
    setMessage(null);
    const stop = window.api.onEvent((e) => {
      if (e.type === 'progress' && e.jobId === jobId) setJob({ id: jobId, progress: e });
    });
    try {
      const r = await invoke('reference:import', { jobId, year });
      if (r) {
        setMessage({ ok: true, text: `${r.year}年：${C.references.result(r.added, r.known, r.skipped.length)}` });
        await load();
        onChanged();
      }
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    } finally {
      stop();
      setJob(null);
    }
  };
  const remove = (y: number) =>
    invoke('reference:remove', { year: y }).then(async () => {
      await load();
      onChanged();
    });

  return (
    <SettingsSection testId="references" title={C.references.title} intro={C.references.intro}>
      {years.length === 0 ? (
        <Text size="sm" mb="sm">
          {C.references.none}
        </Text>
      ) : (
        <Table withTableBorder mb="sm" data-testid="reference-years">
          <Table.Tbody>
            {years.map((y) => (
              <Table.Tr key={y.year}>
                <Table.Td>{y.year}年</Table.Td>
                <Table.Td>{C.references.files(y.files)}</Table.Td>
                <Table.Td>{y.importedAt.slice(0, 10)}</Table.Td>
                <Table.Td w={80}>
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => void remove(y.year)}>
                    {C.references.remove}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {job ? (
        <Stack gap={4} data-testid="reference-progress">
          <Group justify="space-between">
            <Text size="sm">{job.progress ? M.progress(job.progress) : '正在读取…'}</Text>
            <Button size="compact-sm" variant="default" onClick={() => void invoke('jobs:cancel', { jobId: job.id })}>
              {M.cancelJob}
            </Button>
          </Group>
          <Progress value={job.progress ? (100 * job.progress.done) / job.progress.total : 0} />
        </Stack>
      ) : (
        <Group align="flex-end">
          <NumberInput
            label={C.references.year}
            value={year}
            min={2000}
            max={thisYear - 1}
            w={110}
            onChange={(v) => typeof v === 'number' && setYear(v)}
          />
          <Button variant="default" onClick={() => void importFolder()}>
            {C.references.import}
          </Button>
        </Group>
      )}
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} mt="sm" withCloseButton onClose={() => setMessage(null)}>
          {message.text}
        </Alert>
      )}
    </SettingsSection>
  );
}
