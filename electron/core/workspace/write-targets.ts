import { open, readdir, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, parse } from 'node:path';
import { realPath } from '../context';
import { DB_FILE } from './workspace';

/**
 * What a file written beside the user's own (a package, a backup) must respect: never inside a workspace, never
 * over a file of another kind, and the leftovers of killed writes cleaned up. Shared by export and backup.
 */

const ZIP_MAGIC = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('PK\x05\x06', 'latin1')];

/** The workspace folder `path` is (or lies inside), through links too; null when none. */
export async function workspaceHolding(path: string): Promise<string | null> {
  for (let dir = realPath(path); ; dir = dirname(dir)) {
    if (await isFile(join(dir, DB_FILE))) return dir;
    if (dir === parse(dir).root) return null;
  }
}

export async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** The file begins like a zip (a package or a `.wbbak`: the only files either is ever written over). */
export async function startsLikeZip(path: string): Promise<boolean> {
  const fh = await open(path, 'r').catch(() => null);
  if (!fh) return false;
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await fh.read(head, 0, 4, 0);
    return bytesRead === 4 && ZIP_MAGIC.some((m) => m.equals(head));
  } finally {
    await fh.close();
  }
}

/**
 * Removes what killed writes of `target` left beside it (`.{name}.{8 hex}….partial`, with a database copy's
 * `-wal`/`-shm`/`-journal`), except this write's own (`own` and what starts with it). Called only while holding the
 * lock that rules out another writer of the same target; a leftover that cannot be removed (a scanner holds it) is
 * left for the next write, never a reason to fail.
 */
export async function removePartials(target: string, own: string): Promise<number> {
  const prefix = `.${basename(target)}.`;
  let removed = 0;
  for (const name of await readdir(dirname(target)).catch(() => [] as string[])) {
    const path = join(dirname(target), name);
    const rest = name.slice(prefix.length);
    if (!name.startsWith(prefix) || !/^[0-9a-f]{8}\./u.test(rest) || !/\.partial(?:-wal|-shm|-journal)?$/u.test(rest))
      continue;
    if (path.startsWith(own)) continue;
    if (
      await rm(path, { force: true }).then(
        () => true,
        () => false,
      )
    )
      removed++;
  }
  return removed;
}
