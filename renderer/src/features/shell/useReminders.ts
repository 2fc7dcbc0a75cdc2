import { useQuery } from '@tanstack/react-query';
import { invoke } from '../../api/client';

/** Reminders are asked for again every hour while the app is open (core notifies at most once a day each). */
const EVERY_HOUR_MS = 60 * 60 * 1000;

/**
 * What the reminders show today (due within 3 days, overdue, key dates within 3 days), asked for when a workspace
 * opens and then hourly, with `notify`: core shows the desktop notifications through the platform, at most once a
 * day each; the renderer only asks. Read again after anything that changes what is owed (`collection`).
 */
export function useReminders() {
  return useQuery({
    queryKey: ['collection', 'reminders'],
    queryFn: () => invoke('reminders:list', { notify: true }),
    refetchInterval: EVERY_HOUR_MS,
    refetchIntervalInBackground: true,
  });
}
