import { Alert, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { BackupResult } from '@shared/ipc/backup-types';
import { invoke } from '../../api/client';
import { useJob } from '../../api/useJob';
import { JobProgress } from '../../components/JobProgress';
import { B, size } from './messages';

/** 立即备份 (to the backup folder), 备份成单个文件…, and 移交 (named for a colleague), with progress and 取消. */
export function BackupNow() {
  const job = useJob();
  const [written, setWritten] = useState<BackupResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [colleague, setColleague] = useState('');
  const [nameMissing, setNameMissing] = useState(false);

  const start = async (to: 'file' | 'folder', handoverTo?: string) => {
    setError(null);
    setWritten(null);
    try {
      const r = await job.run((jobId) => invoke('backup:create', { jobId, to, handoverTo }));
      if (r) setWritten(r); // the panel's list of backups is read again by itself (api/query-client.ts)
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const handover = () => {
    const name = colleague.trim();
    setNameMissing(name === '');
    if (name !== '') void start('file', name);
  };

  return (
    <>
      {job.busy ? (
        <JobProgress
          job={job}
          label={B.working(job.progress?.done ?? 0, job.progress?.total ?? 0)}
          testId="backup-progress"
        />
      ) : (
        <>
          <Group gap="xs">
            <Button variant="light" onClick={() => void start('folder')}>
              {B.backupNow}
            </Button>
            <Button variant="default" onClick={() => void start('file')}>
              {B.backupFile}
            </Button>
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            {B.fileHint}
          </Text>
          <Group align="flex-end" gap="xs" mt="sm">
            <TextInput
              label={`${B.handover}：${B.handoverName}`}
              description={B.handoverHint}
              value={colleague}
              onChange={(e) => setColleague(e.currentTarget.value)}
              error={nameMissing ? B.handoverNameMissing : null}
              maxLength={50}
              w={480}
            />
            <Button variant="default" onClick={handover}>
              {B.handoverButton}
            </Button>
          </Group>
        </>
      )}
      {error && (
        <Alert color="red" mt="sm" title={B.failed}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {error}
          </Text>
        </Alert>
      )}
      {written && (
        <Alert color="green" mt="sm" data-testid="backup-result">
          <Text fw={600} size="sm" mb={4}>
            {written.kind === 'handover' ? B.writtenHandover(colleague.trim()) : B.written}
          </Text>
          <Table variant="vertical" withTableBorder>
            <Table.Tbody>
              {(
                [
                  [B.path, written.path],
                  [B.size, size(written.bytes)],
                  [B.filesLabel, B.files(written.blobs, written.blobsCopied, written.folder !== null)],
                  [B.sha256, written.sha256],
                ] as const
              ).map(([k, v]) => (
                <Table.Tr key={k}>
                  <Table.Th w={160}>{k}</Table.Th>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{v}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Alert>
      )}
    </>
  );
}
