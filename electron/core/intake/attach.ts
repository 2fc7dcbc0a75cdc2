import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parseCaption, readDate } from '@shared/domain/caption';
import { guessKind } from '@shared/domain/material-kind';
import { defaultMonth } from '@shared/domain/collection';
import { localIsoDate } from '@shared/domain/period';
import type { MaterialKind } from '@shared/domain/value-sets';
import type { AttachResult } from '@shared/ipc/types';
import { inLanes } from '../lanes';
import type { Logger } from '../log';
import { requireLeafCriterion, type CriterionRef } from '../catalog/criteria-repo';
import { hasBlobRow } from '../materials/blobs-repo';
import { criteriaHolding, insertMaterial, materialOn, type NewMaterial } from '../materials/materials-repo';
import { appendAudit } from '../workspace/audit';
import { collectionDayOf, type Workspace } from '../workspace/workspace';
import type { PutResult } from '../store/blob-store';
import { readText } from './document-facts';
import { typeOfFile, type Typed } from './file-type';
import { IN_THREAD, type Readers } from './readers';
import { HEIC_MIMES } from './heic';
import { walk } from './walk';
import { diskTrouble } from '../fs-errors';

export interface AttachOptions {
  criterionCode: string;
  /** Stops taking new files in; those not started are reported as skipped (已取消). */
  signal?: AbortSignal | undefined;
  /** Called after each file with how many are done of how many. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  inputs: string[];
  kind?: MaterialKind | undefined;
  title?: string | undefined;
  caption?: string | undefined;
  date?: string | undefined;
  month?: string | undefined;
}

export const UNDECODABLE_NAME =
  '文件名的编码无法识别（可能是在 Windows 上以 GBK 编码保存的中文名），无法读取。请把文件重命名后再添加。';
export const WORKSPACE_ITSELF = '这是网报通工作区自身的文件或文件夹，不能作为材料添加。';
export const SPECIAL_FILE = '这不是普通文件（是设备、管道或套接字），已跳过。';

/** Where a blob's thumbnail lives: `thumbs/ab/<sha256>.jpg`. */
export function thumbPath(ws: Workspace, sha256: string): string {
  return join(ws.dir, 'thumbs', sha256.slice(0, 2), `${sha256}.jpg`);
}

/**
 * Takes files and folders in as materials of one criterion. Per file: type by content (refused with a reason the
 * officer understands), streamed into the blob store while hashing, facts and thumbnail read from the stored blob,
 * then one transaction for the rows. The same file twice on a criterion is a `duplicate`; on another criterion it
 * is `added` again and `alsoOn` names the others. One bad file never stops the batch, and a refused file leaves
 * nothing in `blobs/` or the database.
 */
export async function attachFiles(
  ws: Workspace,
  opts: AttachOptions,
  now: Date,
  log: Logger,
  readers: Readers = IN_THREAD,
): Promise<AttachResult[]> {
  const criterion = requireLeafCriterion(ws.db, opts.criterionCode);
  const walked = await walk(opts.inputs, opts.signal, ws.dir);
  const results: AttachResult[] = [];
  const skip = (path: string, reason: string): AttachResult => ({ ...refused(path, reason), status: 'skipped' });
  for (const missing of walked.missing) results.push(refused(missing, '找不到这个文件或文件夹。'));
  for (const path of walked.undecodable) results.push(refused(path, UNDECODABLE_NAME));
  for (const path of walked.avoided) results.push(refused(path, WORKSPACE_ITSELF));
  for (const path of walked.skipped) results.push(skip(path, '系统或隐藏文件，已跳过。'));
  for (const path of walked.special) results.push(skip(path, SPECIAL_FILE));
  for (const path of walked.notEntered)
    results.push(skip(path, '这个文件夹是指回已读文件夹的快捷方式或链接，或层级过深，已跳过。'));
  let finished = 0;
  const done = await inLanes(walked.files, async (f) => {
    if (opts.signal?.aborted) return skip(f.path, '已取消。');
    let result: AttachResult;
    try {
      result = await attachOne(ws, criterion, f.path, f.size, opts, now, log, readers);
    } catch (e) {
      log.error(`attach ${f.path} failed: ${(e as Error)?.stack ?? String(e)}`);
      // A full disk or a read-only folder says so; other causes are in the log.
      result = refused(f.path, `读取或保存这个文件时出错，已跳过。${diskTrouble(e) ?? ''}`);
    }
    opts.onProgress?.(++finished, walked.files.length);
    return result;
  });
  return [...results, ...done];
}

async function attachOne(
  ws: Workspace,
  criterion: CriterionRef,
  path: string,
  size: number,
  opts: AttachOptions,
  now: Date,
  log: Logger,
  readers: Readers,
): Promise<AttachResult> {
  const typed = await typeOfFile(path, size);
  if (!typed.ok) {
    log.warn(`attach refused ${path}: ${typed.detail}`);
    return refused(path, typed.reason);
  }
  // A reader or the database failing midway leaves no blob behind: a refused file leaves nothing.
  const held: Kept[] = [];
  try {
    return await takeIn(ws, criterion, path, typed, opts, now, log, readers, held);
  } catch (e) {
    for (const k of held) await k.discard();
    throw e;
  }
}

/** Stores a typed file, reads its facts and inserts its material; every blob it keeps is in `held`. */
async function takeIn(
  ws: Workspace,
  criterion: CriterionRef,
  path: string,
  typed: Typed & { ok: true },
  opts: AttachOptions,
  now: Date,
  log: Logger,
  readers: Readers,
  held: Kept[],
): Promise<AttachResult> {
  const original = await keep(ws, await ws.store.putFile(path), held);
  const existing = materialOn(ws.db, criterion.id, original.sha256);
  if (existing)
    return { file: path, status: 'duplicate', materialId: existing, sha256: original.sha256, alsoOn: [], reason: null };
  const refuse = async (reason: string, detail: string, ...stored: Kept[]): Promise<AttachResult> => {
    for (const k of stored) await k.discard();
    log.warn(`attach refused ${path}: ${detail}`);
    return refused(path, reason);
  };

  let stored = original;
  let source: NewMaterial['source'];
  if (HEIC_MIMES.has(typed.mime)) {
    const tmp = ws.store.tempPath('.jpg');
    const converted = await readers.heicToJpeg(ws.store.path(original.sha256), tmp);
    if (!converted.ok) return refuse(converted.reason, converted.detail, original);
    stored = await keep(ws, await ws.store.putFile(tmp), held);
    await rm(tmp, { force: true });
    source = {
      sha256: original.sha256,
      bytes: original.bytes,
      facts: { mime: typed.mime, bytes: original.bytes, readable: true },
    };
  }
  let facts: NewMaterial['facts'] = {
    mime: source ? 'image/jpeg' : typed.mime,
    bytes: stored.bytes,
    readable: typed.readable,
  };
  if (typed.family === 'image') {
    const img = await readers.readImage(ws.store.path(stored.sha256), thumbPath(ws, stored.sha256));
    if (!img.ok) return refuse(img.reason, img.detail, stored, original);
    facts = { ...facts, ...img.facts };
  }
  const blobPath = ws.store.path(stored.sha256);
  let text: string | undefined;
  if (typed.family === 'pdf') {
    const pdf = await readers.readPdf(blobPath);
    facts = { ...facts, ...pdf.facts };
    text = pdf.text;
  } else if (typed.family === 'word' && typed.readable) {
    const doc = await readers.readDocx(blobPath);
    facts = doc
      ? { ...facts, words: doc.words, documentDate: doc.documentDate, ...(doc.pages ? { pages: doc.pages } : {}) }
      : { ...facts, readable: false };
    text = doc?.text;
  } else if (typed.family === 'text') text = await readText(blobPath);
  const title = opts.title ?? basename(path, extname(path));
  const caption = opts.caption ? parseCaption(opts.caption) : null;
  const exifDay = typeof facts.exifDate === 'string' ? facts.exifDate.slice(0, 10) : null;
  const docDay = typeof facts.documentDate === 'string' ? facts.documentDate : null;
  const eventDate = opts.date ?? exifDay ?? caption?.date ?? readDate(title) ?? docDay;
  const settings = ws.settings();
  const material: NewMaterial = {
    id: randomUUID(),
    criterionId: criterion.id,
    sha256: stored.sha256,
    bytes: stored.bytes,
    kind: opts.kind ?? guessKind(typed.family, title, criterion.requirements, facts.screenshotLike === true),
    title,
    caption,
    eventDate,
    month: opts.month ?? defaultMonth(eventDate, settings.period, localIsoDate(now), collectionDayOf(settings)),
    fileName: basename(path),
    createdAt: now.toISOString(),
    facts,
    text,
    source,
  };
  // Check and insert in one synchronous step: a twin of this file in another lane cannot slip in between.
  const twin = materialOn(ws.db, criterion.id, original.sha256) ?? materialOn(ws.db, criterion.id, stored.sha256);
  if (twin) {
    // A HEIC whose JPEG is already here: its own original is not kept (no row will ever refer to it).
    if (source) await original.discard();
    return { file: path, status: 'duplicate', materialId: twin, sha256: original.sha256, alsoOn: [], reason: null };
  }
  // The row and its line in the audit log together (a material's arrival is part of what a leader approves).
  ws.db.transaction(() => {
    insertMaterial(ws.db, material);
    appendAudit(ws.db, now, 'material.attach', {
      id: material.id,
      criterionCode: criterion.code,
      sha256: material.sha256,
      fileName: material.fileName,
    });
  })();
  const alsoOn = criteriaHolding(ws.db, stored.sha256, criterion.id);
  return { file: path, status: 'added', materialId: material.id, sha256: original.sha256, alsoOn, reason: null };
}

interface Kept extends PutResult {
  /** Removes the blob again when this intake created it and no row refers to it (a refused or failed file). */
  discard(): Promise<void>;
}

async function keep(ws: Workspace, put: PutResult, held: Kept[]): Promise<Kept> {
  const known = put.existed || hasBlobRow(ws.db, put.sha256);
  const kept: Kept = {
    ...put,
    discard: async () => {
      if (!known && !hasBlobRow(ws.db, put.sha256)) await rm(ws.store.path(put.sha256), { force: true });
    },
  };
  held.push(kept);
  return kept;
}

function refused(file: string, reason: string): AttachResult {
  return { file, status: 'refused', materialId: null, sha256: null, alsoOn: [], reason };
}
