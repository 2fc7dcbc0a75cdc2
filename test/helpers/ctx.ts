import { join, resolve } from 'node:path';
import { createHost } from '../../electron/core/host';
import { memoryLogger } from '../../electron/core/log';
import type { Platform } from '../../electron/core/platform';
import type { AppEvent } from '@shared/ipc/events';

export const REPO = resolve(import.meta.dirname, '..', '..');
export const DEMO_CATALOG = join(REPO, 'resources', 'demo', 'catalog.json');
/** Real third-party files (photos, PDFs, Word files, archives), copied into the repo with their licences. */
export const FIXTURES = join(REPO, 'test', 'fixtures');

/** A platform whose dialogs answer from queues the test fills, with a fixed clock. */
export function testPlatform(base: string, now = new Date('2026-05-20T10:00:00+08:00')) {
  const folders: (string | null)[] = [];
  const files: (string | null)[] = [];
  const fileLists: (string[] | null)[] = [];
  const platform: Platform = {
    userDataDir: join(base, 'user-data'),
    resourcesDir: join(REPO, 'resources'),
    defaultWorkspaceRoot: join(base, 'workspaces'),
    appVersion: 'test',
    pickFolder: () => Promise.resolve(folders.shift() ?? null),
    pickFile: () => Promise.resolve(files.shift() ?? null),
    pickFiles: () => Promise.resolve(fileLists.shift() ?? null),
    now: () => now,
  };
  return {
    platform,
    answerFolder: (p: string | null) => folders.push(p),
    answerFile: (p: string | null) => files.push(p),
    answerFiles: (p: string[] | null) => fileLists.push(p),
  };
}

/** A handler context over a test platform; `trusted` like the CLI unless told otherwise. */
export function testCtx(base: string, trusted = true) {
  const t = testPlatform(base);
  const log = memoryLogger();
  const events: AppEvent[] = [];
  const ctx = createHost({ platform: t.platform, trusted, log, emit: (e) => events.push(e) });
  return { ...t, ctx, log, events };
}
