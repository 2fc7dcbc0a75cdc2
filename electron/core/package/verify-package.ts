import type yauzl from 'yauzl';
import { z } from 'zod';
import { problem, type VerifyProblem, type VerifyResult } from '@shared/domain/package/verify-problems';
import { Manifest, ManifestHead, PACKAGE_FORMAT_VERSION } from '@shared/schemas/package-manifest';
import { inLanes } from '../lanes';
import {
  endRecordConflict,
  hashEntry,
  localHeaderConflict,
  openZip,
  readEntries,
  readEntryChecked,
  entryUnsafe,
  expandsLikeABomb,
  type NameSource,
  type ZipEntryInfo,
} from './zip-reader';
import { unreadableDetail } from './zip-errors';
import { checkReviewSignatures } from '../signoff/check-reviews';
import { checkSignoff } from './verify-signoff';

/** Limits checked from the headers before any data is read (a unit's package holds a few thousand files). */
export const LIMITS = {
  entries: 50_000,
  totalBytes: 64 * 2 ** 30,
  /** An entry expanding more than this many times, and to more than `ratioFloor` bytes, is a bomb. */
  ratio: 200,
  ratioFloor: 16 * 2 ** 20,
  manifestBytes: 64 * 2 ** 20,
  signatureBytes: 2 ** 20,
};

const ROOT_SIGNED = new Set(['manifest.json', 'manifest.sig']);
/** The checker's findings at export time (PACKAGE-FORMAT.md): a final package's must hold no error. */
const REPORT = '校验报告.json';

type Add = (p: VerifyProblem) => void;

/**
 * Verifies a package with the package alone (PACKAGE-FORMAT.md): reads the zip in place and writes nothing.
 * Headers first — entry count, sizes, ratios, names, each local header against the central directory — then the
 * manifest and what it says of itself, then every listed file's size, SHA-256 and CRC-32 (streamed), entries not
 * listed, and the signature. Every problem is reported with its code, and every read of an entry is a reported
 * problem when it fails, never an exception; the zip being unreadable is the only one that stops the rest.
 */
export async function verifyPackage(
  path: string,
  onProgress?: (done: number, total: number) => void,
): Promise<VerifyResult> {
  const result: VerifyResult = { valid: false, kind: null, unit: null, month: null, problems: [] };
  const add: Add = (p) => void result.problems.push(p);
  let opened;
  try {
    opened = await openZip(path);
  } catch (e) {
    add(problem('zip-unreadable', null, unreadableDetail(e)));
    return result;
  }
  const { zip } = opened;
  try {
    if (opened.entryCount > LIMITS.entries) {
      add(problem('zip-too-large', null, `（${opened.entryCount} 个条目，上限 ${LIMITS.entries}）`));
      return done(result);
    }
    let entries: ZipEntryInfo[];
    try {
      entries = await readEntries(zip);
    } catch (e) {
      add(problem('zip-unreadable', null, unreadableDetail(e)));
      return done(result);
    }
    if (!checkHeaders(entries, add)) return done(result);
    const endConflict = await endRecordConflict(zip);
    if (endConflict) add(problem('entry-unsafe', null, `（${endConflict}）`));
    await checkLocalHeaders(zip, entries, add);
    const byName = new Map(entries.filter((e) => !e.isDirectory).map((e) => [e.name.normalize('NFC'), e]));
    const read = await readManifest(zip, byName.get('manifest.json'), add);
    if (!read) return done(result);
    const { manifest, bytes: manifestBytes } = read;
    result.kind = manifest.kind;
    result.unit = { id: manifest.unit.id, name: manifest.unit.name };
    result.month = manifest.month;

    checkManifestConsistency(manifest, add);
    // The reviews' signatures are verified in libuv's threadpool while the files are read and hashed (never rejects).
    const reviewsChecked = checkReviewSignatures(manifest);
    await checkFiles(zip, manifest, byName, add, onProgress);
    await checkDirectories(zip, entries, add);
    if (manifest.kind === 'final') await checkFinalReport(zip, byName.get(REPORT), add);
    const sig = byName.get('manifest.sig');
    const sigRead = sig ? await readSmall(zip, sig, LIMITS.signatureBytes) : null;
    checkSignoff(manifest, manifestBytes, sigRead, await reviewsChecked, add);
    return done(result);
  } finally {
    zip.close();
  }
}

function done(r: VerifyResult): VerifyResult {
  r.valid = !r.problems.some((p) => p.severity === 'error');
  return r;
}

/** Names, links, duplicates, counts and sizes from the central directory; false when the data must not be read. */
function checkHeaders(entries: ZipEntryInfo[], add: Add): boolean {
  let total = 0;
  let bomb = false;
  const seen = new Set<string>();
  for (const e of entries) {
    total += e.uncompressedSize;
    if (expandsLikeABomb(e, LIMITS)) {
      add(problem('zip-too-large', e.name, `（压缩 ${e.compressedSize} 字节，解压后 ${e.uncompressedSize} 字节）`));
      bomb = true;
    }
    const why = entryUnsafe(e);
    const key = e.name.normalize('NFC').toLowerCase();
    if (why) add(problem('entry-unsafe', e.name, `（${why}）`));
    else if (seen.has(key)) add(problem('entry-unsafe', e.name, '（重名）'));
    seen.add(key);
  }
  reportNameEncodings(entries, add);
  if (total > LIMITS.totalBytes) {
    add(problem('zip-too-large', null, `（解压后共 ${total} 字节）`));
    bomb = true;
  }
  return !bomb;
}

const ENCODING_WORDS: Partial<Record<NameSource, string>> = {
  utf8: '按 UTF-8 读取',
  gb18030: '按 GB18030 读取',
  'unicode-path': '取自 Unicode 路径扩展字段',
};

/** One `names-not-utf8` warning saying how the names without the UTF-8 flag were read, with an example of each. */
function reportNameEncodings(entries: ZipEntryInfo[], add: Add): void {
  const parts: string[] = [];
  for (const [source, words] of Object.entries(ENCODING_WORDS)) {
    const named = entries.filter((e) => e.nameSource === source);
    if (named.length > 0) parts.push(`${named.length} 个${words}，如“${named[0]!.name}”`);
  }
  if (parts.length > 0) add(problem('names-not-utf8', null, `（${parts.join('；')}）`));
}

/**
 * Each entry's local header against its central directory record (name, flags, method, CRC, sizes, the data
 * descriptor): headers only, a few small reads per entry, in the zip's order.
 */
async function checkLocalHeaders(zip: yauzl.ZipFile, entries: ZipEntryInfo[], add: Add): Promise<void> {
  const byOffset = [...entries].sort(
    (a, b) => a.entry.relativeOffsetOfLocalHeader - b.entry.relativeOffsetOfLocalHeader,
  );
  const conflicts = await inLanes(byOffset, (e) => localHeaderConflict(zip, e));
  byOffset.forEach((e, i) => {
    const why = conflicts[i];
    if (why) add(problem('entry-unsafe', e.name, `（${why}）`));
  });
}

/** A small entry's bytes (the manifest, its signature, the report), with a CRC-32 failure as a failed read. */
async function readSmall(
  zip: yauzl.ZipFile,
  e: ZipEntryInfo,
  max: number,
): Promise<{ ok: true; bytes: Buffer } | { ok: false; reason: string }> {
  const read = await readEntryChecked(zip, e, max);
  if (!read.ok) return read;
  return read.crcOk ? read : { ok: false, reason: 'CRC-32 校验失败，数据已损坏' };
}

/**
 * `manifest.json`, read and parsed; null with the problem added when it is missing, cannot be read (damaged
 * deflate data, the encrypted bit, a CRC-32 failure: a problem, never an exception) or is invalid.
 */
async function readManifest(
  zip: yauzl.ZipFile,
  entry: ZipEntryInfo | undefined,
  add: Add,
): Promise<{ manifest: Manifest; bytes: Buffer } | null> {
  if (!entry) {
    add(problem('manifest-missing', 'manifest.json'));
    return null;
  }
  const read = await readSmall(zip, entry, LIMITS.manifestBytes);
  if (!read.ok) {
    add(problem('manifest-invalid', 'manifest.json', `（${read.reason}）`));
    return null;
  }
  const manifest = parseManifest(read.bytes, add);
  return manifest && { manifest, bytes: read.bytes };
}

/** The manifest, or null with the problem added: not JSON or failing its schema, or a newer format. */
function parseManifest(bytes: Buffer, add: Add): Manifest | null {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    add(problem('manifest-invalid', 'manifest.json', '（不是 JSON）'));
    return null;
  }
  const head = ManifestHead.safeParse(raw);
  if (head.success && head.data.formatVersion > PACKAGE_FORMAT_VERSION) {
    add(problem('format-unsupported', 'manifest.json', `（格式版本 ${head.data.formatVersion}）`));
    return null;
  }
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    add(problem('manifest-invalid', 'manifest.json', where ? `（${where}）` : undefined));
    return null;
  }
  return parsed.data;
}

/**
 * What the manifest says of itself: each material is one of `files` (same SHA-256 and size) on one of `criteria`,
 * and a final package holds no error finding. The files are checked against the zip after this; a material
 * agreeing with its file makes it checked too.
 */
function checkManifestConsistency(m: Manifest, add: Add): void {
  const files = new Map(m.files.map((f) => [f.path.normalize('NFC'), f]));
  const criteria = new Set(m.criteria.map((c) => c.code));
  for (const mat of m.materials) {
    const which = `材料“${mat.title}”（${mat.id}）`;
    const f = files.get(mat.path.normalize('NFC'));
    if (!f) add(problem('manifest-invalid', mat.path, `（${which}的路径不在 files 中）`));
    else if (f.sha256 !== mat.sha256)
      add(problem('manifest-invalid', mat.path, `（${which}的 SHA-256 与 files 中的记录不同）`));
    else if (f.bytes !== mat.bytes)
      add(problem('manifest-invalid', mat.path, `（${which}为 ${mat.bytes} 字节，files 中记为 ${f.bytes} 字节）`));
    if (!criteria.has(mat.criterionCode))
      add(problem('manifest-invalid', mat.path, `（${which}所属的测评标准 ${mat.criterionCode} 不在 criteria 中）`));
  }
  if (m.kind === 'final' && m.check.errors > 0)
    add(problem('manifest-invalid', 'manifest.json', `（正式申报包的 check.errors 为 ${m.check.errors}，应为 0）`));
}

/** Every listed file: present, of its size, of its SHA-256 (streamed), with a true CRC-32; entries not listed. */
async function checkFiles(
  zip: yauzl.ZipFile,
  manifest: Manifest,
  byName: Map<string, ZipEntryInfo>,
  add: Add,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const listed = new Set<string>();
  const toHash: { entry: ZipEntryInfo; sha256: string; path: string }[] = [];
  for (const f of manifest.files) {
    const path = f.path.normalize('NFC');
    listed.add(path);
    const entry = byName.get(path);
    if (!entry) add(problem('file-missing', f.path));
    else if (entry.uncompressedSize !== f.bytes)
      add(problem('file-size-mismatch', f.path, `（清单 ${f.bytes} 字节，实际 ${entry.uncompressedSize} 字节）`));
    else toHash.push({ entry, sha256: f.sha256, path: f.path });
  }
  for (const name of byName.keys())
    if (!listed.has(name) && !ROOT_SIGNED.has(name)) add(problem('file-unlisted', name));

  // In the zip's own order, so the disk is read front to back; two or more at a time, one per core (hashing,
  // not reading, is the limit once the file is in the page cache, as it is right after an export).
  toHash.sort((a, b) => a.entry.entry.relativeOffsetOfLocalHeader - b.entry.entry.relativeOffsetOfLocalHeader);
  const total = toHash.reduce((a, t) => a + t.entry.uncompressedSize, 0);
  let read = 0;
  const hashed = await inLanes(toHash, (t) => hashEntry(zip, t.entry, (n) => onProgress?.((read += n), total)));
  toHash.forEach((t, i) => {
    const h = hashed[i]!;
    // A damaged deflate stream or wrong sizes: the content cannot be the listed one.
    if (!h.ok) add(problem('file-hash-mismatch', t.path, `（${h.reason}）`));
    else if (h.sha256 !== t.sha256) add(problem('file-hash-mismatch', t.path));
    // The content is the listed one, but its headers' CRC-32 is not: unzip and Python report the file as damaged.
    else if (!h.crcOk)
      add(problem('entry-unsafe', t.path, '（文件头中的 CRC-32 与内容不符，解压软件会报告文件已损坏）'));
  });
}

/** Directory entries whose header claims no data but that carry compressed bytes: they must decompress to nothing. */
async function checkDirectories(zip: yauzl.ZipFile, entries: ZipEntryInfo[], add: Add): Promise<void> {
  for (const e of entries) {
    if (!e.isDirectory || e.uncompressedSize > 0 || e.compressedSize === 0) continue;
    const read = await readEntryChecked(zip, e, 0);
    if (!read.ok || !read.crcOk) add(problem('entry-unsafe', e.name, `（目录条目带有 ${e.compressedSize} 字节数据）`));
  }
}

/** The part of `校验报告.json` a final package is checked on (the export writes more). */
const Report = z.looseObject({
  summary: z.looseObject({ errors: z.number().int().min(0) }),
  findings: z.array(z.looseObject({ severity: z.string() })),
});

/** A final package is made only without error findings: its check report must list none. */
async function checkFinalReport(zip: yauzl.ZipFile, entry: ZipEntryInfo | undefined, add: Add): Promise<void> {
  if (!entry) {
    add(problem('manifest-invalid', REPORT, `（正式申报包缺少 ${REPORT}）`));
    return;
  }
  if (entry.uncompressedSize > LIMITS.manifestBytes) {
    add(problem('manifest-invalid', REPORT, `（${REPORT} 过大：${entry.uncompressedSize} 字节）`));
    return;
  }
  const read = await readEntryChecked(zip, entry, LIMITS.manifestBytes);
  if (!read.ok) return; // a damaged report is reported with its hash (or as unlisted)
  let report;
  try {
    report = Report.safeParse(JSON.parse(read.bytes.toString('utf8')));
  } catch {
    report = null;
  }
  if (!report?.success) {
    add(problem('manifest-invalid', REPORT, `（${REPORT} 不是有效的校验报告）`));
    return;
  }
  const listedErrors = report.data.findings.filter((f) => f.severity === 'error').length;
  const errors = Math.max(listedErrors, report.data.summary.errors);
  if (errors > 0) add(problem('manifest-invalid', REPORT, `（正式申报包的校验报告列有 ${errors} 项错误）`));
}
