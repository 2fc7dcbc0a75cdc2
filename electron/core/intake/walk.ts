import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** Hidden and system files that are never materials: skipped and counted, not refused. */
export function isSystemFile(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.startsWith('~$') ||
    /^(thumbs\.db|desktop\.ini|ehthumbs\.db|\$recycle\.bin)$/iu.test(name)
  );
}

/** Folders nested deeper than this are not entered: no officer's evidence lives 32 folders down, a loop does. */
export const MAX_DEPTH = 32;

export interface Walked {
  files: { path: string; size: number }[];
  skipped: string[];
  missing: string[];
  /** Folders not entered: a link or junction back to a folder already read, or nesting deeper than MAX_DEPTH. */
  notEntered: string[];
}

/**
 * Expands the given files and folders (folders recursively, in name order) into the files to take in. Links and
 * junctions are followed, but each real folder is read once: `ln -s . loop` or Windows' `Application Data`
 * junction cannot make it run forever. Stops early, with what it has, when `signal` is aborted.
 */
export async function walk(inputs: string[], signal?: AbortSignal): Promise<Walked> {
  const out: Walked = { files: [], skipped: [], missing: [], notEntered: [] };
  const seen = new Set<string>();
  const visit = async (path: string, depth: number): Promise<void> => {
    if (signal?.aborted) return;
    if (isSystemFile(basename(path))) {
      out.skipped.push(path);
      return;
    }
    const s = await stat(path).catch(() => null);
    if (!s) out.missing.push(path);
    else if (s.isDirectory()) {
      const real = await realpath(path).catch(() => path);
      if (seen.has(real) || depth > MAX_DEPTH) {
        out.notEntered.push(path);
        return;
      }
      seen.add(real);
      const names = (await readdir(path).catch(() => [] as string[])).sort((a, b) => a.localeCompare(b, 'zh-CN'));
      for (const n of names) await visit(join(path, n), depth + 1);
    } else if (s.isFile()) out.files.push({ path, size: s.size });
  };
  for (const p of inputs) await visit(p, 0);
  return out;
}
