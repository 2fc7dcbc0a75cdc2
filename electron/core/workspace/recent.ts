import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { RecentWorkspace } from '@shared/ipc/types';
import { writeAtomically } from '../store/atomic-write';

const FILE = 'recent-workspaces.json';
const MAX = 10;

/** The recent-workspaces list, kept in the user's data folder (not in any workspace). */
export async function readRecent(userDataDir: string): Promise<RecentWorkspace[]> {
  try {
    const list = JSON.parse(await readFile(join(userDataDir, FILE), 'utf8')) as unknown;
    return Array.isArray(list) ? (list as RecentWorkspace[]).filter((r) => typeof r?.dir === 'string') : [];
  } catch {
    return [];
  }
}

/** Puts a workspace first in the list (written to a temp file, then renamed: never a half-written list). */
export async function touchRecent(userDataDir: string, entry: RecentWorkspace): Promise<RecentWorkspace[]> {
  const dir = resolve(entry.dir);
  const list = [{ ...entry, dir }, ...(await readRecent(userDataDir)).filter((r) => resolve(r.dir) !== dir)].slice(
    0,
    MAX,
  );
  await writeAtomically(join(userDataDir, FILE), (tmp) => writeFile(tmp, JSON.stringify(list, null, 2)));
  return list;
}
