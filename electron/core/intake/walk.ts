import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative } from 'node:path';

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
  /** Devices, pipes and sockets (directly or through a link): reading one could block forever. */
  special: string[];
  /**
   * Names that are not UTF-8 (GBK names from a Windows disk or archive, on Linux): the system reports them with
   * U+FFFD in place of the bytes, and no file has that name.
   */
  undecodable: string[];
  /** Files and folders whose real path lies in the folder to avoid (the workspace itself), links included. */
  avoided: string[];
}

/**
 * Expands the given files and folders (folders recursively, in name order) into the files to take in. Links and
 * junctions are followed, but each real folder is read once: `ln -s . loop` or Windows' `Application Data`
 * junction cannot make it run forever. Whatever is not a file or a folder is set aside, never opened; so is what
 * lies in `avoid` (the workspace: its own blobs and database are no evidence). Stops early, with what it has, when
 * `signal` is aborted.
 */
export async function walk(inputs: string[], signal?: AbortSignal, avoid?: string): Promise<Walked> {
  const out: Walked = {
    files: [],
    skipped: [],
    missing: [],
    notEntered: [],
    special: [],
    undecodable: [],
    avoided: [],
  };
  const seen = new Set<string>();
  const avoided = avoid === undefined ? () => false : await insideOf(avoid);
  const visit = async (path: string, depth: number): Promise<void> => {
    if (signal?.aborted) return;
    if (isSystemFile(basename(path))) {
      out.skipped.push(path);
      return;
    }
    const s = await stat(path).catch(() => null);
    if (!s) {
      (basename(path).includes('\uFFFD') ? out.undecodable : out.missing).push(path);
      return;
    }
    const real = await realpath(path).catch(() => path);
    if (avoided(real)) out.avoided.push(path);
    else if (s.isDirectory()) {
      if (seen.has(real) || depth > MAX_DEPTH) {
        out.notEntered.push(path);
        return;
      }
      seen.add(real);
      const names = (await readdir(path).catch(() => [] as string[])).sort((a, b) => a.localeCompare(b, 'zh-CN'));
      for (const n of names) await visit(join(path, n), depth + 1);
    } else if (s.isFile()) out.files.push({ path, size: s.size });
    else out.special.push(path);
  };
  for (const p of inputs) await visit(p, 0);
  return out;
}

/** Whether a real path is `folder` or lies inside it (compared by real paths, so links cannot hide it). */
async function insideOf(folder: string): Promise<(real: string) => boolean> {
  const root = await realpath(folder).catch(() => folder);
  return (real) => {
    const r = relative(root, real);
    return r === '' || (!r.startsWith('..') && !isAbsolute(r));
  };
}
