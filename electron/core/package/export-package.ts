import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { indexDocument, reportDocument, reportJson, signOffDocument } from '@shared/domain/package/documents';
import { PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION } from '@shared/schemas/package-manifest';
import type { PackageExportResult } from '@shared/ipc/types';
import { AppError } from '@shared/ipc/errors';
import { fsError } from '../fs-errors';
import type { Logger } from '../log';
import { createFile, fsyncDir, hashingTap, renameWithRetry } from '../store/blob-store';
import { checkExportTarget } from './export-target';
import { removePartials } from '../workspace/write-targets';
import type { PackagePlan } from './plan-package';
import { useNativeCrc32 } from './native-crc32';
import { verifyPackage } from './verify-package';

useNativeCrc32();

export interface ExportOptions {
  resourcesDir: string;
  signal?: AbortSignal | undefined;
  /** Entries written of all entries (the verify pass after writing is not counted). */
  onProgress?: ((done: number, total: number) => void) | undefined;
  log: Logger;
  /** The exporter holds the workspace's lock, so partial files of earlier exports to this target are leftovers. */
  holdsLock: boolean;
  /** Signs the exact bytes of manifest.json (a final package, by the 主要负责同志): `manifest.sig`'s text. */
  signManifest?: ((manifest: Buffer) => string) | undefined;
}

interface RootFile {
  path: string;
  bytes: Buffer;
  store: boolean;
}

/**
 * Writes a package as PACKAGE-FORMAT.md says: materials streamed from the blob store into the zip (stored or
 * deflated by type; never recompressed or converted), the root documents, and `manifest.json` listing every entry
 * with its SHA-256 and size. The zip is written under a temporary name beside `target`, synced, renamed into place,
 * then read back and verified; a cancelled, failed or unverifiable export leaves nothing behind.
 */
export async function exportPackage(
  plan: PackagePlan,
  requested: string,
  opts: ExportOptions,
): Promise<PackageExportResult> {
  const target = await checkExportTarget(requested);
  const c = plan.content;
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.partial`);
  const total = plan.files.length + ROOT_FILES + 1 + (opts.signManifest ? 1 : 0);
  let written = 0;
  const entryDone = (): void => opts.onProgress?.(++written, total);
  const preparing = performance.now();
  // The documents first, on their own: drawn while the materials streamed, their memory added to the stream's
  // (30–40 MB more at 1,000 materials) for no time gained, since streaming keeps this thread busy too.
  const roots = await rootFiles(plan, opts.resourcesDir);
  const preparedMs = performance.now() - preparing;
  const file = await createFile(tmp).catch((e: unknown) => {
    throw fsError(e, '写入申报包', target);
  });
  if (opts.holdsLock) {
    const removed = await removePartials(target, tmp);
    if (removed > 0) opts.log.info(`removed ${removed} partial files of interrupted exports to ${target}`);
  }
  // The zip's error handler is attached before anything can fail (a cancelled or unreadable blob emits 'error'
  // from yazl at any tick after end()): an 'error' with no listener would bring the whole process down.
  const zip = new yazl.ZipFile();
  zip.on('error', (e: Error) => file.sink.destroy(e));
  const mtime = new Date(c.createdAt);
  const manifest = manifestOf(plan, roots);
  zip.addBuffer(manifest, 'manifest.json', { mtime });
  entryDone();
  if (opts.signManifest) {
    zip.addBuffer(Buffer.from(opts.signManifest(manifest)), 'manifest.sig', { mtime });
    entryDone();
  }
  for (const r of roots) {
    zip.addBuffer(r.bytes, r.path, { mtime, compress: !r.store });
    entryDone();
  }
  // Blobs are opened one at a time, as the zip reaches them; a blob that cannot be read fails the export (yazl
  // does not listen for its streams' errors: they are passed on to the zip, which fails the pipeline below).
  for (const f of plan.files)
    zip.addReadStreamLazy(f.path, { mtime, compress: !f.store, size: f.bytes }, (cb) => {
      if (opts.signal?.aborted) return cb(new Error('cancelled'), undefined as never);
      const stream = createReadStream(f.blob, { highWaterMark: 1 << 20 });
      stream.on('error', (e) => zip.emit('error', e));
      stream.on('end', entryDone);
      cb(null, stream);
    });
  zip.end();
  const tap = hashingTap();
  const started = performance.now();
  try {
    await pipeline(zip.outputStream, tap.stream, file.sink, { signal: opts.signal });
    await renameWithRetry(tmp, target);
    await fsyncDir(dirname(target));
  } catch (e) {
    await file.discard();
    if (opts.signal?.aborted) throw new AppError('cancelled', '已取消，未生成申报包。');
    if (e instanceof AppError) throw e;
    throw fsError(e, '写入申报包', target);
  }
  const writtenMs = performance.now() - started;
  const { sha256, bytes } = tap.result();
  // Read back (from the page cache, right after writing) and verified. The package's own SHA-256 was taken as it
  // was written: hashing there overlaps the disk's waits, where a second pass after it (or a worker) cost as much
  // time or 40–70 MB more.
  const verified = await verifyPackage(target);
  if (!verified.valid) {
    await rm(target, { force: true });
    throw new AppError(
      'internal',
      '申报包写入后校验未通过，已删除。请检查磁盘空间或换一个保存位置后重试。',
      JSON.stringify(verified.problems),
    );
  }
  opts.log.info(
    `package ${target}: ${bytes} bytes, ${total} entries, documents in ${Math.round(preparedMs)} ms, ` +
      `written and synced in ${Math.round(writtenMs)} ms, ` +
      `verified in ${Math.round(performance.now() - started - writtenMs)} ms`,
  );
  return {
    path: target,
    kind: c.kind,
    month: c.month,
    files: total,
    bytes,
    sha256,
    check: {
      errors: c.check.summary.errors,
      warnings: c.check.summary.warnings,
      pointsAtRisk: c.check.summary.pointsAtRisk,
    },
  };
}

/** `manifest.json` (PACKAGE-FORMAT.md): every entry but itself with its SHA-256 and size, and what the package is. */
function manifestOf(plan: PackagePlan, roots: RootFile[]): Buffer {
  const c = plan.content;
  const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
  // Checked against the `Manifest` schema by the verify that follows every export.
  const manifest = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    kind: c.kind,
    app: c.app,
    createdAt: c.createdAt,
    unit: c.unit,
    year: c.year,
    month: c.month,
    period: c.period,
    catalog: { id: c.catalog.id, edition: c.catalog.edition, sha256: c.catalog.sha256 },
    ruleProfileSha256: c.ruleProfileSha256,
    criteria: c.criteria,
    files: [
      ...plan.files.map((f) => ({ path: f.path, sha256: f.sha256, bytes: f.bytes })),
      ...roots.map((r) => ({ path: r.path, sha256: sha(r.bytes), bytes: r.bytes.length })),
    ],
    materials: c.materials.map(({ pages: _pages, ...m }) => m),
    signers: c.signoff.signers,
    reviews: c.signoff.reviews,
    audit: c.signoff.audit,
    // 月收集: the last hand-out imported and the office's 要账 (null and [] before any hand-out).
    handout: plan.collection.handout,
    requests: plan.collection.requests,
    check: {
      errors: c.check.summary.errors,
      warnings: c.check.summary.warnings,
      pointsAtRisk: c.check.summary.pointsAtRisk,
    },
  };
  return Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`);
}

/** The number of documents at the root (`rootFiles`). */
const ROOT_FILES = 5;

/** The documents at the root: 目录 and 签批单 (PDF), the 台账 (XLSX), the check report (JSON and PDF). */
async function rootFiles(plan: PackagePlan, resourcesDir: string): Promise<RootFile[]> {
  // pdf-lib, harfbuzz and exceljs load on first export, not with every CLI command and every app start (~0.3 s).
  const [{ renderPdf }, { ledgerWorkbook }] = await Promise.all([import('./pdf'), import('./ledger-xlsx')]);
  const c = plan.content;
  const pdf = async (path: string, doc: Parameters<typeof renderPdf>[0]): Promise<RootFile> => ({
    path,
    bytes: Buffer.from(await renderPdf(doc, resourcesDir)),
    store: true,
  });
  return [
    await pdf('目录.pdf', indexDocument(c)),
    await pdf('签批单.pdf', signOffDocument(c)),
    { path: '台账.xlsx', bytes: await ledgerWorkbook(c), store: false },
    { path: '校验报告.json', bytes: Buffer.from(`${JSON.stringify(reportJson(c), null, 1)}\n`), store: false },
    await pdf('校验报告.pdf', reportDocument(c)),
  ];
}
