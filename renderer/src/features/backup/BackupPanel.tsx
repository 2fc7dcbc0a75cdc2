import { Alert, Button, Divider, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ArgsIn } from '@shared/ipc/contract';
import type { BackupSettingsView } from '@shared/ipc/backup-types';
import type { WorkspaceInfo } from '@shared/ipc/types';
import { invoke } from '../../api/client';
import { Section } from '../../components/Section';
import { BackupNow } from './BackupNow';
import { B, when } from './messages';
import { RestoreMenu } from './RestoreMenu';

/**
 * 设置 → 备份: the daily automatic backup (on or off, its folder, a warning when it shares the workspace's disk, the
 * backups kept), backing up now (to the folder, to one file, or as a 移交), and 从备份恢复.
 */
export function BackupPanel(props: { onOpenWorkspace(info: WorkspaceInfo): void }) {
  // Read again after a backup or a change of its settings (api/query-client.ts).
  const settings = useQuery({ queryKey: ['backups'], queryFn: () => invoke('backup:settings', {}) });
  const view: BackupSettingsView | null = settings.data ?? null;
  const [failed, setError] = useState<string | null>(null);
  const error = failed ?? settings.error?.message ?? null;
  const configure = (args: ArgsIn<'backup:configure'>) =>
    invoke('backup:configure', args).then(
      () => setError(null),
      (e: Error) => setError(e.message),
    );

  const newest = view?.snapshots[0];
  return (
    <Section testId="backup" title={B.title} intro={B.intro}>
      {view && (
        <Stack gap="xs">
          <Switch
            label={B.auto}
            checked={view.auto}
            onChange={(e) => void configure({ auto: e.currentTarget.checked })}
          />
          <Text size="sm" style={{ wordBreak: 'break-all' }} data-testid="backup-folder">
            {B.folder}：{view.folder}
            {view.chosen ? '' : B.defaultFolder}
          </Text>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => void configure({ folder: 'pick' })}>
              {B.changeFolder}
            </Button>
            {view.chosen && (
              <Button size="xs" variant="subtle" onClick={() => void configure({ folder: 'default' })}>
                {B.resetFolder}
              </Button>
            )}
          </Group>
          {view.sameDisk && (
            <Alert color="orange" data-testid="backup-same-disk">
              {B.sameDisk}
            </Alert>
          )}
          {view.folderProblem && <Alert color="red">{view.folderProblem}</Alert>}
          <Text size="sm" data-testid="backup-newest">
            {newest ? B.newest(when(newest.createdAt), view.snapshots.length) : B.none}
          </Text>
          {view.lastAuto && !view.lastAuto.ok && (
            <Alert color="red">{B.lastAutoFailed(when(view.lastAuto.at), view.lastAuto.message)}</Alert>
          )}
        </Stack>
      )}
      {error && (
        <Alert color="red" mt="xs">
          {error}
        </Alert>
      )}
      <Divider my="sm" />
      <BackupNow />
      <Divider my="sm" />
      <Title order={5} mb={4}>
        {B.restore}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {B.restoreHint}
      </Text>
      <RestoreMenu openAfter={false} onOpened={props.onOpenWorkspace} />
    </Section>
  );
}
