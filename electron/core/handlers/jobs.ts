import type { HandlersOf } from './types';

export const jobHandlers: HandlersOf<'jobs:cancel'> = {
  'jobs:cancel': ({ jobId }, ctx) => {
    const job = ctx.session.jobs.get(jobId);
    job?.abort();
    return { cancelled: job !== undefined };
  },
};
