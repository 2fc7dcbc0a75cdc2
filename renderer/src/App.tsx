import { Center, Loader } from '@mantine/core';
import { useEffect, useState } from 'react';
import { campaignYear, localIsoDate } from '@shared/domain/period';
import type { RemoteView } from '@shared/ipc/remote-review-types';
import type { WorkspaceInfo } from '@shared/ipc/types';
import { invoke } from './api/client';
import { RemoteReviewScreen } from './features/remote-review/RemoteReviewScreen';
import { Shell } from './features/shell/Shell';
import { WelcomeScreen } from './features/welcome/WelcomeScreen';

/** Welcome (no workspace), the app shell (a workspace is open), or the leader's read-only review of a 送审包. */
export function App() {
  const [info, setInfo] = useState<WorkspaceInfo | null | undefined>(undefined);
  const [remote, setRemote] = useState<RemoteView | null>(null);
  const now = new Date();
  const today = localIsoDate(now);

  useEffect(() => {
    void Promise.all([invoke('workspace:current', {}), invoke('remote:state', {})]).then(([ws, view]) => {
      setRemote(view);
      setInfo(ws);
    });
  }, []);

  if (info === undefined)
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  if (remote) return <RemoteReviewScreen view={remote} onView={setRemote} onClose={() => setRemote(null)} />;
  if (info === null)
    return <WelcomeScreen onOpened={setInfo} onRemoteReview={setRemote} thisYear={campaignYear(today)} />;
  return (
    <Shell
      info={info}
      today={today}
      onInfo={setInfo}
      onClose={() => void invoke('workspace:close', {}).then(() => setInfo(null))}
    />
  );
}
