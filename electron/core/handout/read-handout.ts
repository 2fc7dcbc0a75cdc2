import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import type yauzl from 'yauzl';
import { HandoutFile, HandoutHead, HandoutSig, HANDOUT_FORMAT_VERSION } from '@shared/schemas/handout';
import { fsError } from '../fs-errors';
import { fingerprintOf, readPublicKey, verifySignature } from '../signoff/public-keys';
import {
  endRecordConflict,
  entryUnsafe,
  expandsLikeABomb,
  hashEntry,
  localHeaderConflict,
  openZip,
  readEntries,
  readEntryChecked,
  streamEntry,
  unsafeName,
  type ZipEntryInfo,
} from '../package/zip-reader';
import { unreadableDetail } from '../package/zip-errors';
import { diskSegments } from './attachments';
import { HANDOUT_MESSAGES as M, refused } from './messages';

/** Limits checked from the headers before any data is read: a hand-out is a JSON file and a few notices. */
export const HANDOUT_LIMITS = {
  entries: 2_000,
  totalBytes: 2 * 2 ** 30,
  /** An entry expanding more than this many times, and to more than `ratioFloor` bytes, is a bomb. */
  ratio: 200,
  ratioFloor: 16 * 2 ** 20,
  jsonBytes: 64 * 2 ** 20,
  sigBytes: 64 * 2 ** 10,
};

const JSON_NAME = 'handout.json';
const SIG_NAME = 'handout.sig';
const ATTACHMENTS = '附件/';

/** An attachment that verified: as listed, and where it goes under `handouts/<sequence>/` (safe segments). */
export interface VerifiedFile {
  path: string;
  sha256: string;
  bytes: number;
  /** The path's segments made safe for every file system (`:` → `_`, no reserved names), unique case-folded. */
  disk: string[];
}

/** A hand-out whose signature, format and every file verified. */
export interface VerifiedHandout {
  file: string;
  /** handout.json's exact bytes (what the signature covers) and their SHA-256. */
  bytes: Buffer;
  sha256: string;
  json: HandoutFile;
  /** handout.sig's text and its content. */
  sigText: string;
  sig: HandoutSig;
  files: VerifiedFile[];
}

/** A verified hand-out kept open, so its attachments can be copied out (checked again as they are read). */
export interface OpenedHandout {
  handout: VerifiedHandout;
  /** Writes an attachment to `to` (a new file), refusing the hand-out if its bytes are no longer the listed ones. */
  copyFile(f: VerifiedFile, to: string): Promise<void>;
  close(): void;
}

/**
 * Opens and verifies a 创城办 hand-out (HANDOUT-FORMAT.md) with the package reader's machinery, reading the zip in
 * place: headers first (entry count, sizes and ratios, unsafe names, links, names that are not UTF-8, local headers
 * against the central directory), then `handout.sig` over the exact bytes of `handout.json` (the key's fingerprint
 * must be the sig's and the office's), then the schema, then every file: listed, present, of its size and SHA-256,
 * under `附件/`. Anything wrong refuses the whole hand-out (`handout-refused`); nothing is written anywhere.
 */
export async function openHandout(file: string): Promise<OpenedHandout> {
  const info = await stat(file).catch((e: unknown) => {
    throw fsError(e, '读取文件', file);
  });
  if (!info.isFile()) throw refused(M.notAFile, `${file}: not a file`);
  let zip: yauzl.ZipFile;
  let entryCount: number;
  try {
    ({ zip, entryCount } = await openZip(file));
  } catch (e) {
    throw refused(M.notAZip(unreadableDetail(e)), `${file}: ${String(e)}`);
  }
  try {
    const handout = await verify(file, zip, entryCount);
    return {
      handout: handout.verified,
      copyFile: (f, to) => copyEntry(file, zip, handout.entries.get(f.path)!, f, to),
      close: () => zip.close(),
    };
  } catch (e) {
    zip.close();
    throw e;
  }
}

async function verify(
  file: string,
  zip: yauzl.ZipFile,
  entryCount: number,
): Promise<{ verified: VerifiedHandout; entries: Map<string, ZipEntryInfo> }> {
  const fail = (message: string, details: string) => refused(message, `${file}: ${details}`);
  if (entryCount > HANDOUT_LIMITS.entries)
    throw fail(M.tooManyEntries(entryCount, HANDOUT_LIMITS.entries), `${entryCount} entries`);
  let entries: ZipEntryInfo[];
  try {
    entries = await readEntries(zip);
  } catch (e) {
    throw fail(M.notAZip(unreadableDetail(e)), String(e));
  }
  checkHeaders(entries, fail);
  const endConflict = await endRecordConflict(zip);
  if (endConflict) throw fail(M.unsafeEntry('中央目录', endConflict), `end record: ${endConflict}`);
  for (const e of entries) {
    const why = await localHeaderConflict(zip, e);
    if (why) throw fail(M.unsafeEntry(e.name, why), `local header of ${e.name}: ${why}`);
  }
  const byName = new Map(entries.filter((e) => !e.isDirectory).map((e) => [e.name.normalize('NFC'), e]));
  const bytes = await readSmall(zip, byName.get(JSON_NAME), JSON_NAME, HANDOUT_LIMITS.jsonBytes, fail);
  const sigBytes = await readSmall(zip, byName.get(SIG_NAME), SIG_NAME, HANDOUT_LIMITS.sigBytes, fail);
  const sigText = sigBytes.toString('utf8');
  const sig = checkSignature(bytes, sigText, fail);
  const json = parseHandout(bytes, fail);
  if (json.office.fingerprint !== sig.fingerprint)
    throw fail(M.sigNotOffice, `office.fingerprint ${json.office.fingerprint} != handout.sig ${sig.fingerprint}`);
  const files = listedFiles(json, fail);
  await checkFiles(zip, files, byName, fail);
  const verified: VerifiedHandout = {
    file,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    json,
    sigText,
    sig,
    files,
  };
  return { verified, entries: new Map(files.map((f) => [f.path, byName.get(f.path.normalize('NFC'))!])) };
}

type Fail = (message: string, details: string) => Error;

/** Names, links, duplicates and sizes from the central directory, before any data is read. */
function checkHeaders(entries: ZipEntryInfo[], fail: Fail): void {
  let total = 0;
  const seen = new Set<string>();
  for (const e of entries) {
    total += e.uncompressedSize;
    if (expandsLikeABomb(e, HANDOUT_LIMITS))
      throw fail(M.tooLarge(e.name), `${e.name}: ${e.compressedSize} -> ${e.uncompressedSize} bytes`);
    const why = entryUnsafe(e);
    if (why) throw fail(M.unsafeEntry(e.name, why), `unsafe entry ${JSON.stringify(e.name)}: ${why}`);
    // HANDOUT-FORMAT.md: names UTF-8. A GB18030 guess could name a file otherwise than the office did.
    if (e.nameSource === 'gb18030') throw fail(M.namesNotUtf8(e.name), `name not UTF-8: ${e.rawName.toString('hex')}`);
    const key = e.name.normalize('NFC').toLowerCase();
    if (seen.has(key)) throw fail(M.duplicateEntry(e.name), `duplicate entry ${e.name}`);
    seen.add(key);
  }
  if (total > HANDOUT_LIMITS.totalBytes) throw fail(M.tooLargeTotal, `${total} bytes uncompressed`);
}

/** A small root entry's bytes, CRC-checked. */
async function readSmall(
  zip: yauzl.ZipFile,
  e: ZipEntryInfo | undefined,
  name: string,
  max: number,
  fail: Fail,
): Promise<Buffer> {
  if (!e) throw fail(M.missing(name), `no ${name}`);
  if (e.uncompressedSize > max) throw fail(M.tooLarge(name), `${name}: ${e.uncompressedSize} bytes > ${max}`);
  const read = await readEntryChecked(zip, e, max);
  if (!read.ok) throw fail(M.damaged(name, read.reason), `${name}: ${read.reason}`);
  if (!read.crcOk) throw fail(M.damaged(name, 'CRC-32 校验失败'), `${name}: CRC-32 mismatch`);
  return read.bytes;
}

/** handout.sig: a valid Ed25519 key whose fingerprint it names, signing exactly these bytes. */
function checkSignature(bytes: Buffer, sigText: string, fail: Fail): HandoutSig {
  let parsed;
  try {
    parsed = HandoutSig.safeParse(JSON.parse(sigText));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) throw fail(M.sigInvalidFormat, 'handout.sig does not parse');
  const sig = parsed.data;
  const key = readPublicKey(sig.publicKey);
  if (key === null) throw fail(M.sigInvalidFormat, 'handout.sig: publicKey is not a base64 SPKI DER Ed25519 key');
  if (fingerprintOf(sig.publicKey) !== sig.fingerprint)
    throw fail(M.sigInvalidFormat, `handout.sig: fingerprint ${sig.fingerprint} is not its key's`);
  if (!verifySignature(bytes, key, sig.signature))
    throw fail(M.sigBroken, 'handout.sig: Ed25519 signature does not verify over handout.json');
  return sig;
}

/** handout.json: UTF-8 JSON of format `wangbao-handout`, a version this app knows, and the schema. */
function parseHandout(bytes: Buffer, fail: Fail): HandoutFile {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw fail(M.notJson, `handout.json: ${String(e)}`);
  }
  const head = HandoutHead.safeParse(raw);
  if (!head.success) throw fail(M.notHandout, 'handout.json: format is not wangbao-handout');
  if (head.data.formatVersion > HANDOUT_FORMAT_VERSION)
    throw fail(M.formatNewer(head.data.formatVersion), `formatVersion ${head.data.formatVersion}`);
  const parsed = HandoutFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.map((p) => (typeof p === 'number' ? `第 ${p + 1} 项` : String(p))).join(' → ');
    throw fail(M.schema(where || '顶层'), `handout.json: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** The listed files: each under `附件/`, safe, listed once, and unique once made a safe path on disk. */
function listedFiles(json: HandoutFile, fail: Fail): VerifiedFile[] {
  const seen = new Set<string>();
  const onDisk = new Set<string>();
  return json.files.map((f) => {
    const path = f.path.normalize('NFC');
    const segments = path.split('/');
    if (
      !path.startsWith(ATTACHMENTS) ||
      unsafeName(path) !== null ||
      segments.length < 2 ||
      segments.some((s) => s === '' || s === '.' || s === '..')
    )
      throw fail(M.fileOutside(f.path), `files: ${JSON.stringify(f.path)} is not under 附件/ or unsafe`);
    if (seen.has(path)) throw fail(M.fileListedTwice(f.path), `files: ${f.path} listed twice`);
    seen.add(path);
    const disk = diskSegments(path);
    const key = disk.join('/').toLowerCase();
    if (onDisk.has(key)) throw fail(M.fileListedTwice(f.path), `files: ${f.path} collides on disk as ${key}`);
    onDisk.add(key);
    return { path, sha256: f.sha256, bytes: f.bytes, disk };
  });
}

/** Every entry listed (but handout.json/.sig), every listed file present, of its size, SHA-256 and CRC-32. */
async function checkFiles(
  zip: yauzl.ZipFile,
  files: VerifiedFile[],
  byName: Map<string, ZipEntryInfo>,
  fail: Fail,
): Promise<void> {
  const listed = new Set(files.map((f) => f.path));
  for (const name of byName.keys())
    if (name !== JSON_NAME && name !== SIG_NAME && !listed.has(name))
      throw fail(M.fileUnlisted(name), `unlisted entry ${name}`);
  for (const f of files) {
    const e = byName.get(f.path);
    if (!e) throw fail(M.fileMissing(f.path), `listed file missing: ${f.path}`);
    if (e.uncompressedSize !== f.bytes)
      throw fail(M.fileAltered(f.path), `${f.path}: ${e.uncompressedSize} bytes, listed ${f.bytes}`);
    const h = await hashEntry(zip, e);
    if (!h.ok) throw fail(M.fileAltered(f.path), `${f.path}: ${h.reason}`);
    if (h.sha256 !== f.sha256 || !h.crcOk)
      throw fail(M.fileAltered(f.path), `${f.path}: sha256 ${h.sha256} (listed ${f.sha256}), crc ok ${h.crcOk}`);
  }
}

/** Streams an attachment to a new file, hashing it: the bytes must still be the listed ones. */
async function copyEntry(
  file: string,
  zip: yauzl.ZipFile,
  e: ZipEntryInfo,
  f: VerifiedFile,
  to: string,
): Promise<void> {
  const hash = createHash('sha256');
  const out = await open(to, 'wx');
  let read;
  try {
    read = await streamEntry(zip, e, async (c) => {
      hash.update(c);
      for (let at = 0; at < c.length;) at += (await out.write(c, at)).bytesWritten;
    });
    await out.sync();
  } finally {
    await out.close();
  }
  const sha = read.ok ? hash.digest('hex') : null;
  if (!read.ok || !read.crcOk || sha !== f.sha256)
    throw refused(M.fileChanged(f.path), `${file}: ${f.path} read ${read.ok ? `sha256 ${sha}` : read.reason}`);
}
