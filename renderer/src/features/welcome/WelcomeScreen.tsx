import { Alert, Button, Container, Grid, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { RemoteView } from '@shared/ipc/remote-review-types';
import type { AppInfo, RecentWorkspace, WorkspaceInfo } from '@shared/ipc/types';
import { invoke } from '../../api/client';
import { RestoreMenu } from '../backup/RestoreMenu';
import { V } from '../remote-review/messages';
import { M } from './messages';
import { NewWorkspaceForm, type NewWorkspaceValues } from './NewWorkspaceForm';

/**
 * Shown when no workspace is open: create one (the first-run wizard), try the demo, open an existing one, or — a
 * leader on their own PC — review a 送审包 read-only.
 */
export function WelcomeScreen({
  onOpened,
  onRemoteReview,
  thisYear,
}: {
  onOpened(info: WorkspaceInfo): void;
  onRemoteReview(view: RemoteView): void;
  thisYear: number;
}) {
  const [app, setApp] = useState<AppInfo | null>(null);
  const [recent, setRecent] = useState<RecentWorkspace[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void invoke('app:info', {}).then(setApp);
    void invoke('workspace:recent', {}).then(setRecent);
  }, []);

  const run = async (work: () => Promise<WorkspaceInfo | null>) => {
    setBusy(true);
    setError(null);
    try {
      const info = await work();
      if (info) onOpened(info);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const openRequest = async () => {
    setError(null);
    try {
      const view = await invoke('remote:open', {});
      if (view) onRemoteReview(view);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const create = (v: NewWorkspaceValues) => run(() => invoke('workspace:create', v));
  const tryDemo = () => {
    if (!app) return;
    const dir = `${app.defaultWorkspaceRoot}${app.pathSeparator}示例市-市教育局-${thisYear}-${Date.now().toString(36)}`;
    return run(() =>
      invoke('workspace:create', { dir, unit: '市教育局', aliases: ['教育局'], year: thisYear, demo: true }),
    );
  };

  return (
    <Container size="lg" py="xl" data-testid="welcome">
      <Stack gap={4} mb="lg">
        <Title order={1}>{M.appName}</Title>
        <Text c="dimmed">{M.tagline}</Text>
      </Stack>
      {error && (
        <Alert color="red" mb="md" title="操作未完成" data-testid="error">
          {error}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="lg">
            <Title order={3} mb="sm">
              {M.newTitle}
            </Title>
            {app && <NewWorkspaceForm app={app} thisYear={thisYear} busy={busy} onCreate={(v) => void create(v)} />}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <Paper withBorder p="lg">
              <Title order={3} mb="sm">
                {M.openTitle}
              </Title>
              <Stack gap="xs">
                <Button variant="default" onClick={() => void run(() => invoke('workspace:open', {}))}>
                  {M.open}
                </Button>
                <Button variant="light" onClick={() => void tryDemo()} loading={busy} data-testid="try-demo">
                  {M.tryDemo}
                </Button>
                <RestoreMenu openAfter fullWidth onOpened={onOpened} />
              </Stack>
            </Paper>
            <Paper withBorder p="lg">
              <Title order={4} mb={4}>
                {V.welcomeTitle}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {V.welcomeIntro}
              </Text>
              <Button variant="default" fullWidth onClick={() => void openRequest()} data-testid="open-review-request">
                {V.welcomeOpen}
              </Button>
            </Paper>
            <Paper withBorder p="lg">
              <Title order={4} mb="sm">
                {M.recent}
              </Title>
              {recent.length === 0 && <Text c="dimmed">{M.noRecent}</Text>}
              <Stack gap={4}>
                {recent.map((r) => (
                  <UnstyledButton
                    key={r.dir}
                    onClick={() => void run(() => invoke('workspace:open', { dir: r.dir }))}
                    p={6}
                  >
                    <Text fw={600}>
                      {r.unit} · {r.year}年
                    </Text>
                    <Text size="xs" c="dimmed" truncate="start">
                      {r.dir}
                    </Text>
                  </UnstyledButton>
                ))}
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Container>
  );
}
