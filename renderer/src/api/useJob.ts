import { useState } from 'react';
import type { ProgressEvent } from '@shared/ipc/events';
import { invoke } from './client';

/** Long work under a job id: its latest progress event, whether it runs, and 取消. */
export function useJob() {
  const [job, setJob] = useState<{ id: string; progress: ProgressEvent | null } | null>(null);
  return {
    busy: job !== null,
    progress: job?.progress ?? null,
    cancel: () => job && void invoke('jobs:cancel', { jobId: job.id }),
    async run<T>(work: (jobId: string) => Promise<T>): Promise<T> {
      const id = crypto.randomUUID();
      setJob({ id, progress: null });
      const stop = window.api.onEvent((e) => {
        if (e.type === 'progress' && e.jobId === id) setJob({ id, progress: e });
      });
      try {
        return await work(id);
      } finally {
        stop();
        setJob(null);
      }
    },
  };
}
