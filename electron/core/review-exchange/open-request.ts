import { createHash } from 'node:crypto';
import type yauzl from 'yauzl';
import { AppError } from '@shared/ipc/errors';
import {
  REVIEW_REQUEST_ENTRY,
  REVIEW_REQUEST_FORMAT,
  ExchangeHead,
  ReviewRequest,
} from '@shared/schemas/review-exchange';
import { LIMITS } from '../package/verify-package';
import {
  entryUnsafe,
  expandsLikeABomb,
  hashEntry,
  localHeaderConflict,
  openZip,
  readEntries,
  readEntryChecked,
  type ZipEntryInfo,
} from '../package/zip-reader';
import { contentSha256, criterionContent } from '../signoff/content';
import { verifyReview } from '../signoff/review';

/** A 送审包 that read and checked whole: its request, and where it is (its bytes are read again when shown). */
export interface OpenedRequest {
  path: string;
  request: ReviewRequest;
}

/**
 * Opens a 送审包 for the leader's read-only review. Everything is checked before anything is shown: the zip's
 * names and sizes from its headers (no escaping names, links, bombs or duplicate names), the request against its
 * schema, every material's bytes against its size and SHA-256, no file that is not listed, each criterion's content
 * recomputed from the request to its `contentSha256` (what the leader will sign), and for the 主要负责同志 each
 * 分管领导 approval's signature. Anything wrong refuses the whole file: a leader must never sign what was altered
 * on the way.
 */
export async function openReviewRequest(path: string): Promise<OpenedRequest> {
  const request = await withZip(path, async (zip, entries) => {
    const byName = new Map(entries.map((e) => [e.name.normalize('NFC'), e]));
    const request = await readRequest(zip, byName.get(REVIEW_REQUEST_ENTRY));
    await checkMaterials(zip, byName, request);
    return request;
  });
  checkContent(request);
  return { path, request };
}

/**
 * The bytes of materials of an opened request, read again (the zip opened once) and hashed: the file may have
 * changed since it was opened, and what is shown must be what the request names. `use` gets each in turn.
 */
export async function readRequestMaterials(
  opened: OpenedRequest,
  ids: string[],
  use: (id: string, bytes: Buffer) => Promise<void>,
): Promise<void> {
  const wanted = ids.map((id) => {
    const m = opened.request.materials.find((x) => x.id === id);
    if (!m) throw new AppError('input-refused', '送审包中没有这份材料。', `material ${id} not in request`);
    return m;
  });
  await withZip(
    opened.path,
    async (zip, entries) => {
      const byName = new Map(entries.map((e) => [e.name.normalize('NFC'), e]));
      for (const m of wanted) {
        const e = byName.get(m.path.normalize('NFC'));
        const read = e ? await readEntryChecked(zip, e, m.bytes) : null;
        if (!read?.ok || !read.crcOk || createHash('sha256').update(read.bytes).digest('hex') !== m.sha256)
          throw refused('打开后文件被改动或已损坏', `${m.path} changed since opened`);
        await use(m.id, read.bytes);
      }
    },
    // Read again for showing: the bytes are hashed, so the local headers need not be compared a second time.
    false,
  );
}

/** One material's bytes (`readRequestMaterials`). */
export async function readRequestMaterial(opened: OpenedRequest, id: string): Promise<Buffer> {
  let out: Buffer = Buffer.alloc(0);
  await readRequestMaterials(opened, [id], async (_id, bytes) => {
    out = bytes;
  });
  return out;
}

const refused = (why: string, details: string): AppError =>
  new AppError('input-refused', `这个送审包不能审核：${why}。请向经办人重新索取送审包。`, details);

/** Opens the zip, reads and checks its headers, runs `use`, and closes it whatever happens. */
async function withZip<T>(
  path: string,
  use: (zip: yauzl.ZipFile, entries: ZipEntryInfo[]) => Promise<T>,
  localHeaders = true,
): Promise<T> {
  const opened = await openZip(path).catch((e: unknown) => {
    throw new AppError('input-refused', '这个文件不是送审包（无法作为压缩包读取）。', `${path}: ${String(e)}`);
  });
  const { zip } = opened;
  try {
    if (opened.entryCount > LIMITS.entries) throw refused('文件数过多', `${opened.entryCount} entries`);
    const all = await readEntries(zip).catch((e: unknown) => {
      throw refused('压缩包已损坏', String(e));
    });
    const entries = all.filter((e) => !(e.isDirectory && e.uncompressedSize === 0));
    await checkHeaders(zip, entries, localHeaders);
    return await use(zip, entries);
  } finally {
    zip.close();
  }
}

/** What verify checks of a package's headers, for a 送审包: refused at the first problem. */
async function checkHeaders(zip: yauzl.ZipFile, entries: ZipEntryInfo[], localHeaders: boolean): Promise<void> {
  let total = 0;
  const seen = new Set<string>();
  for (const e of entries) {
    total += e.uncompressedSize;
    // Empty directory entries were left out above: a directory entry here carries data (entryUnsafe says so).
    const why =
      entryUnsafe(e) ??
      (expandsLikeABomb(e, LIMITS) ? '压缩比异常（疑似压缩炸弹）' : null) ??
      (seen.has(e.name.normalize('NFC').toLowerCase()) ? '重名' : null);
    if (why) throw refused(`“${e.name}”不安全（${why}）`, `entry ${e.name}: ${why}`);
    seen.add(e.name.normalize('NFC').toLowerCase());
  }
  if (total > LIMITS.totalBytes) throw refused('解压后过大', `${total} bytes`);
  if (!localHeaders) return;
  for (const e of entries) {
    const conflict = await localHeaderConflict(zip, e);
    if (conflict) throw refused(`“${e.name}”的文件头不一致（${conflict}）`, `entry ${e.name}: ${conflict}`);
  }
}

async function readRequest(zip: yauzl.ZipFile, entry: ZipEntryInfo | undefined): Promise<ReviewRequest> {
  if (!entry)
    throw new AppError(
      'input-refused',
      '这个文件不是送审包（缺少 review-request.json）。',
      `no ${REVIEW_REQUEST_ENTRY}`,
    );
  const read = await readEntryChecked(zip, entry, LIMITS.manifestBytes);
  if (!read.ok || !read.crcOk)
    throw refused('送审说明已损坏', `${REVIEW_REQUEST_ENTRY}: ${read.ok ? 'CRC' : read.reason}`);
  let json: unknown;
  try {
    json = JSON.parse(read.bytes.toString('utf8'));
  } catch (e) {
    throw refused('送审说明不是有效的 JSON', String(e));
  }
  const head = ExchangeHead.safeParse(json);
  if (head.success && head.data.format === REVIEW_REQUEST_FORMAT && head.data.formatVersion > 1)
    throw new AppError(
      'input-refused',
      '这个送审包由较新版本的网报通生成，请先升级本软件。',
      `${REVIEW_REQUEST_FORMAT} version ${head.data.formatVersion}`,
    );
  const parsed = ReviewRequest.safeParse(json);
  if (!parsed.success) throw refused('送审说明内容不完整或格式不对', parsed.error.message);
  return parsed.data;
}

/** Every listed material present with its size and SHA-256, each path and id once, and no file unlisted. */
async function checkMaterials(
  zip: yauzl.ZipFile,
  byName: Map<string, ZipEntryInfo>,
  request: ReviewRequest,
): Promise<void> {
  const codes = new Set(request.criteria.map((c) => c.code));
  if (codes.size !== request.criteria.length) throw refused('标准重复', 'duplicate criterion codes');
  const ids = new Set<string>();
  const listed = new Set([REVIEW_REQUEST_ENTRY]);
  for (const m of request.materials) {
    const path = m.path.normalize('NFC');
    if (ids.has(m.id) || listed.has(path)) throw refused('材料重复', `duplicate material ${m.id} ${m.path}`);
    if (!codes.has(m.criterionCode)) throw refused('材料所属标准不在送审范围内', `${m.id} on ${m.criterionCode}`);
    ids.add(m.id);
    listed.add(path);
    const e = byName.get(path);
    if (!e) throw refused(`缺少材料文件“${m.path}”`, `missing ${m.path}`);
    if (e.uncompressedSize !== m.bytes) throw refused(`材料文件“${m.path}”大小不符`, `size ${e.uncompressedSize}`);
    const h = await hashEntry(zip, e);
    if (!h.ok || !h.crcOk || h.sha256 !== m.sha256)
      throw refused(`材料文件“${m.path}”与送审说明不符（已被改动或损坏）`, `${m.path}: ${h.ok ? h.sha256 : h.reason}`);
  }
  const extra = [...byName.keys()].filter((name) => !listed.has(name));
  if (extra.length > 0) throw refused(`含有未列出的文件“${extra[0]}”`, `unlisted ${extra.join(', ')}`);
}

/** Each criterion's content recomputed from the request is the one it names; a principal's leader approvals hold. */
function checkContent(request: ReviewRequest): void {
  for (const c of request.criteria) {
    const sha = contentSha256(criterionContent(c, request.materials));
    if (sha !== c.contentSha256)
      throw refused(`标准 ${c.code} 的内容与其摘要不符（传递途中被改动）`, `${c.code}: ${sha} != ${c.contentSha256}`);
    if (request.level !== 'principal') continue;
    const r = c.leaderReview;
    const ok =
      r !== null &&
      r.level === 'leader' &&
      r.decision === 'approve' &&
      r.criterionCode === c.code &&
      r.contentSha256 === c.contentSha256 &&
      verifyReview({ ...r, unitId: request.unit.id }, r.signature, r.publicKey);
    if (!ok) throw refused(`标准 ${c.code} 的分管领导审改签名无效`, `${c.code}: leader review invalid`);
  }
}
