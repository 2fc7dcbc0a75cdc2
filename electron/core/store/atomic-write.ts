import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes a derived file (thumbnail, preview, list) so that readers never see half of it: `write` fills a temp file
 * beside the target, which is then renamed into place; on failure the temp file is removed.
 */
export async function writeAtomically(out: string, write: (tmp: string) => Promise<unknown>): Promise<void> {
  await mkdir(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await write(tmp);
    await rename(tmp, out);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
