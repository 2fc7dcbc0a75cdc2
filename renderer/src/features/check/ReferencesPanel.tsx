import { Alert, Button, Group, NumberInput, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReferenceYear } from '@shared/ipc/types';
import { invoke } from '../../api/client';
import { useJob } from '../../api/useJob';
import { JobProgress } from '../../components/JobProgress';
import { M } from '../materials/messages';
import { C } from './messages';
import { Section } from '../../components/Section';

const NONE: ReferenceYear[] = [];

/** 设置 → 往年材料: the years on record, importing a folder (with progress and 取消), removing a year. */
export function ReferencesPanel({ thisYear }: { thisYear: number }) {
  const years = useQuery({ queryKey: ['references'], queryFn: () => invoke('reference:list', {}) }).data ?? NONE;
  const [year, setYear] = useState(thisYear - 1);
  const job = useJob();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const importFrom = async (from: 'folder' | 'package') => {
    setMessage(null);
    try {
      // A package carries its own year; a folder is taken as the year chosen here.
      const r = await job.run((jobId) =>
        invoke('reference:import', { jobId, from, year: from === 'folder' ? year : undefined }),
      );
      if (r) {
        setMessage({ ok: true, text: `${r.year}年：${C.references.result(r.added, r.known, r.skipped.length)}` });
      }
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    }
  };
  const remove = (y: number) =>
    invoke('reference:remove', { year: y }).catch((e: Error) => setMessage({ ok: false, text: e.message }));

  return (
    <Section testId="references" title={C.references.title} intro={C.references.intro}>
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
      {job.busy ? (
        <JobProgress
          job={job}
          label={job.progress ? M.progress(job.progress) : '正在读取…'}
          testId="reference-progress"
        />
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
          <Button variant="default" onClick={() => void importFrom('folder')}>
            {C.references.import}
          </Button>
          <Button variant="default" onClick={() => void importFrom('package')}>
            {C.references.importPackage}
          </Button>
        </Group>
      )}
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} mt="sm" withCloseButton onClose={() => setMessage(null)}>
          {message.text}
        </Alert>
      )}
    </Section>
  );
}
