import { Center, Loader } from '@mantine/core';
import { useEffect, useState } from 'react';
import { campaignYear, localIsoDate } from '@shared/domain/period';
import type { WorkspaceInfo } from '@shared/ipc/types';
import { invoke } from './api/client';
import { Shell } from './features/shell/Shell';
import { WelcomeScreen } from './features/welcome/WelcomeScreen';

/** Welcome (no workspace) or the app shell (a workspace is open). */
export function App() {
  const [info, setInfo] = useState<WorkspaceInfo | null | undefined>(undefined);
  const now = new Date();
  const today = localIsoDate(now);

  useEffect(() => {
    void invoke('workspace:current', {}).then(setInfo);
  }, []);

  if (info === undefined)
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  if (info === null) return <WelcomeScreen onOpened={setInfo} thisYear={campaignYear(today)} />;
  return (
    <Shell
      info={info}
      today={today}
      onInfo={setInfo}
      onClose={() => void invoke('workspace:close', {}).then(() => setInfo(null))}
    />
  );
}
