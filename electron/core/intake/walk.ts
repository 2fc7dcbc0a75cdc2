import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** Hidden and system files that are never materials: skipped and counted, not refused. */
export function isSystemFile(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.startsWith('~$') ||
    /^(thumbs\.db|desktop\.ini|ehthumbs\.db|\$recycle\.bin)$/iu.test(name)
  );
}

export interface Walked {
  files: { path: string; size: number }[];
  skipped: string[];
  missing: string[];
}

/** Expands the given files and folders (folders recursively, in name order) into the files to take in. */
export async function walk(inputs: string[]): Promise<Walked> {
  const out: Walked = { files: [], skipped: [], missing: [] };
  const visit = async (path: string): Promise<void> => {
    if (isSystemFile(basename(path))) {
      out.skipped.push(path);
      return;
    }
    const s = await stat(path).catch(() => null);
    if (!s) out.missing.push(path);
    else if (s.isDirectory()) {
      const names = (await readdir(path)).sort((a, b) => a.localeCompare(b, 'zh-CN'));
      for (const n of names) await visit(join(path, n));
    } else if (s.isFile()) out.files.push({ path, size: s.size });
  };
  for (const p of inputs) await visit(p);
  return out;
}
