import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import { AppError } from '@shared/ipc/errors';

/**
 * How an entry's name was read. PACKAGE-FORMAT.md wants UTF-8 with bit 11; anything else comes from an archive
 * re-zipped by another tool and is reported (`names-not-utf8`).
 */
export type NameSource =
  /** Bit 11 set: UTF-8, as the format says. */
  | 'utf8-flag'
  /** Plain ASCII: the same in every encoding. */
  | 'ascii'
  /** No flag; the Info-ZIP Unicode Path extra field (0x7075), whose CRC matches the header name. */
  | 'unicode-path'
  /** No flag; every such name of the archive is valid UTF-8 (`zip -r` on Linux, 统信UOS/麒麟's archiver). */
  | 'utf8'
  /** No flag and not UTF-8 (7-Zip or WinRAR on Chinese Windows). */
  | 'gb18030';

/** An entry's header, read from the central directory (no data read yet). */
export interface ZipEntryInfo {
  /** The name as Info-ZIP's unzip extracts it (for a name without the UTF-8 flag, its Unicode Path field first). */
  name: string;
  nameSource: NameSource;
  /** Why tools would disagree about the name (a Unicode Path field naming another file…), or null. */
  nameConflict: string | null;
  /** The name's bytes in the central directory. */
  rawName: Buffer;
  isDirectory: boolean;
  isSymlink: boolean;
  uncompressedSize: number;
  compressedSize: number;
  entry: yauzl.Entry;
}

export interface OpenZip {
  zip: yauzl.ZipFile;
  /** From the end-of-central-directory record, before any entry is read. */
  entryCount: number;
}

/** A read of an entry's data that went to the end: whether the data's CRC-32 is the one in the headers. */
export type DataRead = { ok: true; crcOk: boolean } | { ok: false; reason: string };
export type BytesRead = { ok: true; bytes: Buffer; crcOk: boolean } | { ok: false; reason: string };
export type HashRead = { ok: true; sha256: string; crcOk: boolean } | { ok: false; reason: string };

const UTF8_FLAG = 0x800;
const ENCRYPTED_FLAG = 0x1;
const DESCRIPTOR_FLAG = 0x8;
/** "Compressed patched data": a format nobody writes; Python refuses such an entry. */
const PATCHED_FLAG = 0x20;
const STRONG_ENCRYPTION_FLAG = 0x40;
/** The flag bits that change how an entry is read: a local header must agree with the central directory on them. */
const READ_FLAGS = ENCRYPTED_FLAG | DESCRIPTOR_FLAG | PATCHED_FLAG | STRONG_ENCRYPTION_FLAG | UTF8_FLAG;
const UNICODE_PATH_FIELD = 0x7075;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const ZIP64_SIZE = 0xffffffff;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');
const gb18030 = new TextDecoder('gb18030');

/** Each open zip's file, so entries are read straight from it in 1 MB chunks (yauzl reads 16 KB at a time). */
const zipPaths = new WeakMap<yauzl.ZipFile, string>();
/** Where each open zip's central directory starts (yauzl's cursor before the first entry), for `endRecordConflict`. */
const centralStarts = new WeakMap<yauzl.ZipFile, number>();
/** yauzl's cursor over the central directory: at its start once opened, at its end once every entry is read. */
const cursorOf = (zip: yauzl.ZipFile): number => (zip as unknown as { readEntryCursor: number }).readEntryCursor;

/** Opens a zip in place (read only, nothing extracted): the central directory is located but not yet read. */
export function openZip(path: string): Promise<OpenZip> {
  return new Promise((resolve, reject) => {
    // Raw names (decodeStrings: false): yauzl would refuse a whole archive over one unsafe or non-UTF-8 name, and
    // verify must report those, not stop at them. Sizes are checked by our own reads (validateEntrySizes: false):
    // yauzl's check of a stored entry's two sizes stops the whole listing, where it is one entry's problem.
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false },
      (e, zip) => {
        if (e || !zip) return reject(e ?? new Error('no zip'));
        zipPaths.set(zip, path);
        centralStarts.set(zip, cursorOf(zip));
        resolve({ zip, entryCount: zip.entryCount });
      },
    );
  });
}

/** Reads every entry's header from the central directory; names are decoded once all are known (`nameDecoding`). */
export function readEntries(zip: yauzl.ZipFile): Promise<ZipEntryInfo[]> {
  return new Promise((resolve, reject) => {
    const raw: yauzl.Entry[] = [];
    zip.on('error', reject);
    zip.on('end', () => {
      const unflaggedAsUtf8 = nameDecoding(raw);
      resolve(raw.map((e) => describe(e, unflaggedAsUtf8)));
    });
    zip.on('entry', (entry: yauzl.Entry) => {
      raw.push(entry);
      zip.readEntry();
    });
    zip.readEntry();
  });
}

const rawNameOf = (e: yauzl.Entry): Buffer => e.fileName as unknown as Buffer; // a Buffer with decodeStrings: false
const isAscii = (b: Buffer): boolean => b.every((x) => x < 0x80);

function strictUtf8(b: Buffer): string | null {
  try {
    return utf8Strict.decode(b);
  } catch {
    return null;
  }
}

/**
 * Whether names without the UTF-8 flag are UTF-8 (else GB18030): decided for the whole archive, as one tool wrote
 * it in one encoding. Per name it would go wrong: many GBK names are valid UTF-8 by chance (目录 is C4 BF C2 BC), but
 * an archive of GBK names is very unlikely to hold none that is invalid UTF-8, while a UTF-8 archive holds none.
 */
function nameDecoding(entries: yauzl.Entry[]): boolean {
  return entries.every((e) => {
    const raw = rawNameOf(e);
    const flagged = (e.generalPurposeBitFlag & UTF8_FLAG) !== 0;
    return flagged || isAscii(raw) || unicodePathName(raw, e.extraFieldRaw) !== null || strictUtf8(raw) !== null;
  });
}

function describe(entry: yauzl.Entry, unflaggedAsUtf8: boolean): ZipEntryInfo {
  const raw = rawNameOf(entry);
  const flagged = (entry.generalPurposeBitFlag & UTF8_FLAG) !== 0;
  let headerName: string;
  let nameSource: NameSource;
  let nameConflict: string | null = null;
  if (flagged) {
    headerName = utf8Lenient.decode(raw);
    nameSource = 'utf8-flag';
    if (strictUtf8(raw) === null) nameConflict = '文件名标记为 UTF-8，却不是有效的 UTF-8';
  } else if (isAscii(raw)) [headerName, nameSource] = [raw.toString('latin1'), 'ascii'];
  else if (unflaggedAsUtf8) [headerName, nameSource] = [utf8Lenient.decode(raw), 'utf8'];
  else [headerName, nameSource] = [gb18030.decode(raw), 'gb18030'];
  // Info-ZIP's unzip extracts an unflagged entry under the Unicode Path field's name when its CRC matches the
  // header name (a flagged one under the header name); Python and Windows ignore the field, yauzl always takes it.
  // The two names must be the same file, or the check of one says nothing about what another tool extracts.
  const unicode = unicodePathName(raw, entry.extraFieldRaw);
  let name = headerName;
  if (unicode !== null) {
    if (!flagged) [name, nameSource] = [unicode, 'unicode-path'];
    const agrees = flagged ? unicode === headerName : unicode === strictUtf8(raw) || unicode === gb18030.decode(raw);
    if (!agrees) nameConflict = `文件头中的文件名“${headerName}”与 Unicode 路径扩展字段中的“${unicode}”不一致`;
  }
  const unixMode = entry.versionMadeBy >> 8 === 3 ? entry.externalFileAttributes >>> 16 : 0;
  return {
    name,
    nameSource,
    nameConflict,
    rawName: raw,
    isDirectory: name.endsWith('/'),
    isSymlink: (unixMode & S_IFMT) === S_IFLNK,
    uncompressedSize: entry.uncompressedSize,
    compressedSize: entry.compressedSize,
    entry,
  };
}

/** The extra fields of a header (id and data); a malformed tail is ignored (yauzl refuses it in the central one). */
function extraFields(extra: Buffer): { id: number; data: Buffer }[] {
  const out: { id: number; data: Buffer }[] = [];
  for (let i = 0; i + 4 <= extra.length;) {
    const end = i + 4 + extra.readUInt16LE(i + 2);
    if (end > extra.length) break;
    out.push({ id: extra.readUInt16LE(i), data: extra.subarray(i + 4, end) });
    i = end;
  }
  return out;
}

/**
 * The name in an Info-ZIP Unicode Path extra field (0x7075, version 1) when its CRC-32 is the header name's — Info-ZIP
 * ignores the field otherwise — and it is valid UTF-8; else null.
 */
function unicodePathName(headerName: Buffer, extra: Buffer): string | null {
  for (const f of extraFields(extra)) {
    if (f.id !== UNICODE_PATH_FIELD || f.data.length < 5 || f.data[0] !== 1) continue;
    if (f.data.readUInt32LE(1) !== crc32(headerName)) continue;
    return strictUtf8(f.data.subarray(5));
  }
  return null;
}

/**
 * The newest "version needed to extract" a package (or hand-out, or 送审包) may ask for: ZIP 4.5 (ZIP64) — it uses nothing newer. Info-ZIP
 * unzip 6.0 (统信UOS, 麒麟) skips an entry asking for more than 4.6, and Python refuses more than 6.3.
 */
const NEWEST_ZIP_VERSION = 45;

/** Why an entry must not be extracted, from its central directory record alone, or null. */
export function entryUnsafe(e: ZipEntryInfo): string | null {
  const needed = e.entry.versionNeededToExtract & 0xff;
  return (
    unsafeName(e.name) ??
    e.nameConflict ??
    (e.isSymlink ? '符号链接' : null) ??
    // `zip -r` adds empty directory entries (ignored); one carrying data hides a file most tools never show.
    (e.isDirectory && e.uncompressedSize > 0 ? `目录条目带有 ${e.uncompressedSize} 字节数据` : null) ??
    (needed > NEWEST_ZIP_VERSION
      ? `要求 ${Math.floor(needed / 10)}.${needed % 10} 版的解压程序，常用的解压软件会跳过或拒绝这个文件`
      : null)
  );
}

/**
 * An entry that expands more than `ratio` times, to more than `ratioFloor` bytes: a zip bomb, told from the central
 * directory before any data is read.
 */
export function expandsLikeABomb(e: ZipEntryInfo, limits: { ratio: number; ratioFloor: number }): boolean {
  return e.uncompressedSize > limits.ratioFloor && e.uncompressedSize > limits.ratio * Math.max(e.compressedSize, 1);
}

/**
 * Why a name is unsafe to extract, or null: it climbs out (`..`), is absolute (`/x`, `C:x`, `\\server`), uses
 * backslashes (read as separators by Windows tools) or holds a NUL.
 */
export function unsafeName(name: string): string | null {
  if (name.includes('\0')) return '文件名含 NUL 字符';
  if (name.includes('\\')) return '文件名含反斜杠';
  if (name.startsWith('/')) return '绝对路径';
  if (/^[A-Za-z]:/u.test(name)) return '带盘符的路径';
  if (name.split('/').includes('..')) return '路径含上级目录“..”';
  return null;
}

/**
 * Why an entry's local header disagrees with its central directory record, or null. Tools that stream a zip
 * (and Python, for the name) read the local header: a `../../evil.js` there, another compression method or
 * sizes would be extracted as something else than what was checked.
 */
export async function localHeaderConflict(zip: yauzl.ZipFile, e: ZipEntryInfo): Promise<string | null> {
  let local: yauzl.LocalFileHeader;
  try {
    local = await zip.readLocalFileHeaderPromise(e.entry, {});
  } catch (err) {
    return `本地文件头无法读取${inChinese(err)}`;
  }
  const c = e.entry;
  if (!local.fileName.equals(e.rawName))
    return `本地文件头中的文件名是“${utf8Lenient.decode(local.fileName)}”，中央目录中是“${e.name}”`;
  const unicode = unicodePathName(local.fileName, local.extraField);
  if (unicode !== null && unicode !== e.name)
    return `本地文件头的 Unicode 路径扩展字段是“${unicode}”，中央目录中是“${e.name}”`;
  if ((local.generalPurposeBitFlag ^ c.generalPurposeBitFlag) & READ_FLAGS) return '本地文件头的标志位与中央目录不一致';
  if (local.compressionMethod !== c.compressionMethod) return '本地文件头的压缩方式与中央目录不一致';
  if (c.generalPurposeBitFlag & DESCRIPTOR_FLAG) {
    // CRC and sizes follow the data (a streamed entry): the header holds zeros, or the values themselves.
    const zeroOr = (v: number, expected: number): boolean => v === 0 || v === expected || v === ZIP64_SIZE;
    if (
      (local.crc32 !== 0 && local.crc32 !== c.crc32) ||
      !zeroOr(local.compressedSize, e.compressedSize) ||
      !zeroOr(local.uncompressedSize, e.uncompressedSize)
    )
      return '本地文件头的 CRC-32 或大小与中央目录不一致';
    return descriptorConflict(zip, e, local.fileDataStart + e.compressedSize);
  }
  // A ZIP64 entry's local sizes are 0xFFFFFFFF with the real ones in its extra field.
  const sizeOk = (v: number, expected: number): boolean => v === expected || v === ZIP64_SIZE;
  if (local.crc32 !== c.crc32) return '本地文件头的 CRC-32 与中央目录不一致';
  if (!sizeOk(local.compressedSize, e.compressedSize) || !sizeOk(local.uncompressedSize, e.uncompressedSize))
    return '本地文件头的大小与中央目录不一致';
  return null;
}

/** The data descriptor after a streamed entry's data (with or without its signature, 32- or 64-bit sizes). */
async function descriptorConflict(zip: yauzl.ZipFile, e: ZipEntryInfo, at: number): Promise<string | null> {
  let b: Buffer;
  try {
    b = await readRange(zipPathOf(zip), at, 24);
  } catch {
    b = Buffer.alloc(0);
  }
  const { crc32: crc } = e.entry;
  const matches = (o: number): boolean =>
    b.length >= o + 12 &&
    b.readUInt32LE(o) === crc &&
    ((b.readUInt32LE(o + 4) === e.compressedSize && b.readUInt32LE(o + 8) === e.uncompressedSize) ||
      (b.length >= o + 20 &&
        Number(b.readBigUInt64LE(o + 4)) === e.compressedSize &&
        Number(b.readBigUInt64LE(o + 12)) === e.uncompressedSize));
  const signed = b.length >= 4 && b.readUInt32LE(0) === DESCRIPTOR_SIGNATURE;
  return (signed && matches(4)) || matches(0) ? null : '数据描述符中的 CRC-32 或大小与中央目录不一致';
}

/**
 * Why the end-of-central-directory record disagrees with the central directory read before it (call after
 * `readEntries`), or null. yauzl goes by its offset and count alone; Python goes by the size it gives and takes a
 * gap for data prepended to the zip, so a wrong size, or bytes slipped between the two, reads differently there.
 */
export async function endRecordConflict(zip: yauzl.ZipFile): Promise<string | null> {
  const start = centralStarts.get(zip)!;
  const end = cursorOf(zip);
  const at = zip.fileSize - 22 - (zip.comment as unknown as Buffer).length;
  const from = Math.max(0, at - 20); // with the ZIP64 locator that may precede the record
  let b: Buffer;
  try {
    b = await readRange(zipPathOf(zip), from, at + 22 - from);
  } catch (err) {
    return `中央目录结束记录无法读取${inChinese(err)}`;
  }
  if (b.length < at + 22 - from) return '中央目录结束记录不完整';
  const eocd = b.subarray(at - from);
  // A ZIP64 archive: its own end record (located by the locator just before this one) follows the directory.
  if (at - from === 20 && b.readUInt32LE(0) === 0x07064b50) {
    const zip64End = Number(b.readBigUInt64LE(8));
    return zip64End === end ? null : '中央目录与 ZIP64 结束记录之间有多余的字节';
  }
  if (end !== at) return `中央目录与结束记录之间有 ${at - end} 字节多余的数据`;
  const size = eocd.readUInt32LE(12);
  if (size !== end - start) return `中央目录结束记录中的目录大小为 ${size} 字节，实际为 ${end - start} 字节`;
  if (eocd.readUInt16LE(6) !== 0 || eocd.readUInt16LE(8) !== eocd.readUInt16LE(10))
    return '中央目录结束记录中的分卷信息不正确';
  return null;
}

/** Up to `length` bytes of the file at `start` (fewer at its end). */
async function readRange(path: string, start: number, length: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of createReadStream(path, { start, end: start + length - 1 })) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function zipPathOf(zip: yauzl.ZipFile): string {
  const path = zipPaths.get(zip);
  if (path === undefined) throw new Error('zip not opened with openZip');
  return path;
}

/** Why an entry's data cannot be read at all, from its header: encrypted, an unknown method, a stored entry of two sizes. */
export function unreadableData(e: ZipEntryInfo): string | null {
  const { generalPurposeBitFlag: flags, compressionMethod: method } = e.entry;
  if (flags & (ENCRYPTED_FLAG | STRONG_ENCRYPTION_FLAG)) return '条目已加密，无法读取内容';
  if (flags & PATCHED_FLAG) return '条目标记为“压缩修补数据”格式，无法读取';
  if (method !== 0 && method !== 8) return `不支持的压缩方式（${method}）`;
  if (method === 0 && e.compressedSize !== e.uncompressedSize)
    return `未压缩条目的两个大小不一致（${e.compressedSize} 与 ${e.uncompressedSize} 字节）`;
  return null;
}

/**
 * Streams an entry's data, decompressed, to `onChunk` (awaited: backpressure), checking it against the headers:
 * exactly `uncompressedSize` bytes (never inflating past it: a lying header cannot make a bomb of us), the deflate
 * stream using all of its compressed bytes, and its CRC-32. A damaged entry is a returned problem, never a
 * rejection; only a failure of `onChunk` itself rejects.
 * A stored entry (photos, PDFs: most of a package's bytes) is read straight from the file in 1 MB chunks.
 */
export async function streamEntry(
  zip: yauzl.ZipFile,
  e: ZipEntryInfo,
  onChunk: (chunk: Buffer) => void | Promise<void>,
): Promise<DataRead> {
  const unreadable = unreadableData(e);
  if (unreadable) return { ok: false, reason: unreadable };
  let start: number;
  try {
    ({ fileDataStart: start } = await zip.readLocalFileHeaderPromise(e.entry, { minimal: true }));
  } catch (err) {
    return { ok: false, reason: `本地文件头无法读取${inChinese(err)}` };
  }
  const raw =
    e.compressedSize === 0
      ? Readable.from([])
      : createReadStream(zipPathOf(zip), { start, end: start + e.compressedSize - 1, highWaterMark: 1 << 20 });
  // An empty entry some writers mark deflated without any deflate bytes: nothing to inflate.
  const inflate = e.entry.compressionMethod === 8 && e.compressedSize > 0 ? createInflateRaw() : null;
  let crc = 0;
  let count = 0;
  let sinkFailed = false;
  const consume = async (source: AsyncIterable<Buffer>): Promise<void> => {
    for await (const c of source) {
      count += c.length;
      if (count > e.uncompressedSize) throw new Error(`解压后超过文件头记录的 ${e.uncompressedSize} 字节`);
      crc = crc32(c, crc);
      try {
        await onChunk(c);
      } catch (err) {
        sinkFailed = true;
        throw err;
      }
    }
  };
  try {
    if (inflate) await pipeline(raw, inflate, consume);
    else await pipeline(raw, consume);
  } catch (err) {
    if (sinkFailed) throw err; // the caller's own failure (a full disk), not the zip's
    return { ok: false, reason: readFailure(err) };
  }
  if (count !== e.uncompressedSize)
    return { ok: false, reason: `数据为 ${count} 字节，文件头记录为 ${e.uncompressedSize} 字节` };
  // Bytes after the end of the deflate stream are data no tool extracts, hidden in the entry.
  if (inflate && inflate.bytesWritten !== e.compressedSize) return { ok: false, reason: '压缩数据之后有多余的字节' };
  return { ok: true, crcOk: crc === e.entry.crc32 };
}

/** A read's failure in words: zlib's codes for a damaged deflate stream, our own messages as they are. */
function readFailure(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (typeof e?.code === 'string' && e.code.startsWith('Z_')) return '压缩数据已损坏，无法解压';
  const message = e?.message ?? String(err);
  return /\p{Script=Han}/u.test(message) ? message : `读取出错${inChinese(err)}`;
}

/**
 * What went wrong, for the message verify shows: the file system's error said in Chinese, nothing of a library's
 * English (yauzl's `invalid local file header signature: 0x…` tells the user nothing they can act on).
 */
function inChinese(err: unknown): string {
  const code = (err as { code?: string } | null)?.code ?? '';
  if (code === 'ENOENT') return '（文件已不存在）';
  if (code === 'EACCES' || code === 'EPERM') return '（没有读取权限）';
  if (code === 'EIO') return '（磁盘读写出错）';
  return '';
}

/** An entry's data, decompressed and checked (`streamEntry`), at most `max` bytes. Never rejects. */
export async function readEntryChecked(zip: yauzl.ZipFile, e: ZipEntryInfo, max: number): Promise<BytesRead> {
  if (e.uncompressedSize > max) return { ok: false, reason: `文件过大（${e.uncompressedSize} 字节，上限 ${max}）` };
  const chunks: Buffer[] = [];
  const read = await streamEntry(zip, e, (c) => void chunks.push(c));
  return read.ok ? { ok: true, bytes: Buffer.concat(chunks), crcOk: read.crcOk } : read;
}

/**
 * An entry's data, at most `max` bytes (more: null), for callers that show it (a package's 目录.pdf): a damaged
 * entry, or one whose CRC-32 fails, is refused with a message.
 */
export async function readEntryBytes(zip: yauzl.ZipFile, e: ZipEntryInfo, max: number): Promise<Buffer | null> {
  if (e.uncompressedSize > max) return null;
  const read = await readEntryChecked(zip, e, max);
  if (read.ok && read.crcOk) return read.bytes;
  const why = read.ok ? 'CRC-32 校验失败' : read.reason;
  throw new AppError('input-refused', `压缩包中的“${e.name}”已损坏，无法读取（${why}）。`, `${e.name}: ${why}`);
}

/** The SHA-256 of an entry's data, streamed and checked (`streamEntry`); `onBytes` counts what has been read. */
export async function hashEntry(zip: yauzl.ZipFile, e: ZipEntryInfo, onBytes?: (n: number) => void): Promise<HashRead> {
  const hash = createHash('sha256');
  const read = await streamEntry(zip, e, (c) => {
    hash.update(c);
    onBytes?.(c.length);
  });
  return read.ok ? { ok: true, sha256: hash.digest('hex'), crcOk: read.crcOk } : read;
}
