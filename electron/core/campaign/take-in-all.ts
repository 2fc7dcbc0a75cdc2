import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { canonUnit } from '@shared/domain/unit-kind';
import { AppError } from '@shared/ipc/errors';
import type { TakenPackage } from '@shared/ipc/campaign-types';
import { walk } from '../intake/walk';
import type { Workspace } from '../workspace/workspace';
import { takeInPackage } from './take-in';

/**
 * 收件 of many: files as given (whatever their name: a non-zip is verify's `zip-unreadable`), folders walked for
 * `.zip`s (links followed once, the workspace itself never entered). One package after another, each whole or not
 * at all; a cancel stops between two packages, the ones taken in stay. Progress counts packages.
 */
export async function takeInAll(
  ws: Workspace,
  inputs: string[],
  acceptNewKey: string[],
  now: () => Date,
  signal: AbortSignal,
  onProgress: (done: number, total: number) => void,
): Promise<TakenPackage[]> {
  const files: string[] = [];
  const missing: TakenPackage[] = [];
  for (const input of inputs) {
    const s = await stat(input).catch(() => null);
    if (s?.isDirectory()) {
      const walked = await walk([input], signal, ws.dir);
      files.push(...walked.files.map((f) => f.path).filter((p) => extname(p).toLowerCase() === '.zip'));
    } else if (s?.isFile()) files.push(input);
    else missing.push(refusedEntry(input, '找不到这个文件或文件夹。'));
  }
  const accept = new Set(acceptNewKey.map(canonUnit));
  const out: TakenPackage[] = [...missing];
  onProgress(0, files.length);
  for (const [i, file] of files.entries()) {
    if (signal.aborted)
      throw new AppError(
        'cancelled',
        `已取消收件：已处理 ${i} 个申报包，其余未处理。`,
        `cancelled at ${i}/${files.length}`,
      );
    out.push(await takeInPackage(ws, file, accept, now()));
    onProgress(i + 1, files.length);
  }
  return out;
}

function refusedEntry(file: string, message: string): TakenPackage {
  return {
    file,
    unit: null,
    month: null,
    kind: null,
    sha256: null,
    accepted: false,
    duplicate: false,
    current: false,
    problems: [{ code: 'zip-unreadable', severity: 'error', message }],
  };
}
