import { Alert, Button, Menu, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Result } from '@shared/ipc/contract';
import type { WorkspaceInfo } from '@shared/ipc/types';
import { invoke } from '../../api/client';
import { useJob } from '../../api/useJob';
import { JobProgress } from '../../components/JobProgress';
import { B, when } from './messages';

type Restored = NonNullable<Result<'backup:restore'>>;

/**
 * 从备份恢复: a menu (a backup file, or a backup folder's newest backup), then the folder to restore into (a new
 * folder is made inside it), with progress and 取消. On the welcome screen the restored workspace opens at once
 * (`openAfter`); in 设置 a button offers to switch to it.
 */
export function RestoreMenu(props: {
  openAfter: boolean;
  onOpened(info: WorkspaceInfo): void;
  /** As wide as its column (the welcome screen's buttons are). */
  fullWidth?: boolean;
}) {
  const job = useJob();
  const [done, setDone] = useState<Restored | null>(null);
  const [error, setError] = useState<string | null>(null);

  const restore = async (from: 'file' | 'folder') => {
    setError(null);
    setDone(null);
    try {
      const r = await job.run((jobId) => invoke('backup:restore', { jobId, from, open: props.openAfter }));
      if (!r) return;
      if (r.info) props.onOpened(r.info);
      else setDone(r);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const open = (dir: string) =>
    invoke('workspace:open', { dir }).then(
      (info) => info && props.onOpened(info),
      (e: Error) => setError(e.message),
    );

  return (
    <Stack gap="xs" data-testid="restore">
      {job.busy ? (
        <JobProgress
          job={job}
          label={B.restoring(job.progress?.done ?? 0, job.progress?.total ?? 0)}
          testId="restore-progress"
        />
      ) : (
        <Menu position="bottom-start">
          <Menu.Target>
            <Button
              variant="default"
              fullWidth={props.fullWidth ?? false}
              style={{ alignSelf: props.fullWidth ? 'stretch' : 'flex-start' }}
            >
              {B.restore}…
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => void restore('file')}>{B.restoreFile}</Menu.Item>
            <Menu.Item onClick={() => void restore('folder')}>{B.restoreFolder}</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
      {done && (
        <Alert color="green" data-testid="restore-result">
          <Text size="sm">{B.restored(done.unit, when(done.createdAt), done.materials)}</Text>
          <Text size="sm" style={{ wordBreak: 'break-all' }}>
            {B.restoredTo}：{done.workspace}
          </Text>
          {done.kind === 'handover' && <Text size="sm">{B.handoverNote}</Text>}
          <Button size="xs" mt="xs" variant="light" onClick={() => void open(done.workspace)}>
            {B.openRestored}
          </Button>
        </Alert>
      )}
      {error && (
        <Alert color="red" title={B.failed} data-testid="restore-error">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {error}
          </Text>
        </Alert>
      )}
    </Stack>
  );
}
