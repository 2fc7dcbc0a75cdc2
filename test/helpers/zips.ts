import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import yazl from 'yazl';
import { openZip, readEntries, readEntryBytes } from '../../electron/core/package/zip-reader';
import type { Manifest } from '@shared/schemas/package-manifest';

export interface ZipItem {
  name: string;
  bytes: Buffer;
  /** Unix mode bits (e.g. 0o120777 for a symlink). */
  mode?: number;
  compress?: boolean;
}

/** Writes a zip with yazl (UTF-8 names flagged). */
export async function writeZip(path: string, items: ZipItem[]): Promise<void> {
  const z = new yazl.ZipFile();
  for (const it of items)
    z.addBuffer(it.bytes, it.name, { compress: it.compress ?? false, ...(it.mode ? { mode: it.mode } : {}) });
  z.end();
  const chunks: Buffer[] = [];
  for await (const c of z.outputStream) chunks.push(c as Buffer);
  writeFileSync(path, Buffer.concat(chunks));
}

/** Every entry of a zip with its bytes (test-sized zips only). */
export async function readZip(path: string): Promise<ZipItem[]> {
  const { zip } = await openZip(path);
  try {
    const out: ZipItem[] = [];
    for (const e of await readEntries(zip))
      out.push({
        name: e.name,
        bytes: (await readEntryBytes(zip, e, 1 << 30))!,
        compress: e.entry.compressionMethod === 8,
      });
    return out;
  } finally {
    zip.close();
  }
}

/**
 * Writes a zip whose names are the given bytes, flagged UTF-8 or not — what yazl refuses to write (absolute paths,
 * names that are not UTF-8). The entries go in under ASCII stand-ins of the same byte length; then the central
 * directory is walked and each name and flag patched there and in the entry's local header.
 */
export async function writeZipRawNames(
  path: string,
  items: (ZipItem & { raw: Buffer })[],
  utf8: boolean,
): Promise<void> {
  await writeZip(
    path,
    items.map((it) => ({ ...it, name: 'x'.repeat(it.raw.length) })),
  );
  const buf = readFileSync(path);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const flag = (v: number): number => (utf8 ? v | 0x800 : v & ~0x800);
  let at = buf.readUInt32LE(eocd + 16);
  for (const it of items) {
    const local = buf.readUInt32LE(at + 42);
    buf.writeUInt16LE(flag(buf.readUInt16LE(at + 8)), at + 8);
    buf.writeUInt16LE(flag(buf.readUInt16LE(local + 6)), local + 6);
    it.raw.copy(buf, at + 46);
    it.raw.copy(buf, local + 30);
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  writeFileSync(path, buf);
}

/** Rewrites a zip with every name in GB18030 and no UTF-8 flag, as 7-Zip or WinRAR do on Chinese Windows. */
export async function rezipAsGb18030(src: string, dst: string): Promise<void> {
  const items = await readZip(src);
  await writeZipRawNames(
    dst,
    items.map((it) => ({ ...it, raw: encodeGb18030(it.name) })),
    false,
  );
}

/** GB18030 bytes of a string (Node has a GB18030 decoder but no encoder: map each character by decoding candidates). */
function encodeGb18030(s: string): Buffer {
  const out: number[] = [];
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else out.push(...gbOf(ch));
  }
  return Buffer.from(out);
}

let table: Map<string, number[]> | undefined;
/** The two-byte GBK code of a Chinese character, from a decode table built once. */
function gbOf(ch: string): number[] {
  if (!table) {
    table = new Map();
    const dec = new TextDecoder('gb18030');
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const c = dec.decode(Uint8Array.of(a, b));
        if (!table.has(c)) table.set(c, [a, b]);
      }
  }
  const code = table.get(ch);
  if (!code) throw new Error(`no GBK code for ${ch}`);
  return code;
}

/**
 * Rewrites a package with its manifest edited (and, when `edit` returns them, other entries replaced): what someone
 * with a text editor and a zip tool can do to a package. Written by yazl, so the zip itself is well formed.
 */
export async function editPackage(
  src: string,
  dst: string,
  edit: (manifest: Manifest, items: ZipItem[]) => ZipItem[] | void,
): Promise<void> {
  const items = await readZip(src);
  const manifest = JSON.parse(items.find((i) => i.name === 'manifest.json')!.bytes.toString('utf8')) as Manifest;
  const edited = edit(manifest, items) ?? items;
  await writeZip(
    dst,
    edited.map((i) => (i.name === 'manifest.json' ? { ...i, bytes: Buffer.from(JSON.stringify(manifest)) } : i)),
  );
}

/** Re-zips a package the way 统信UOS/麒麟 (and any Linux shell) does: `unzip`, then Info-ZIP `zip -r`. */
export function rezipWithInfoZip(src: string, dst: string): void {
  // Its own temp folder, removed here: the helpers also serve the benchmarks, which run outside vitest.
  const dir = mkdtempSync(join(tmpdir(), 'wangbao-rezip-'));
  try {
    execFileSync('unzip', ['-q', src, '-d', dir]);
    execFileSync('zip', ['-qr', dst, '.'], { cwd: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One entry of a zip written byte by byte (`writeRawZip`): every field a hostile archive may set. */
export interface RawEntry {
  /** The central directory's name; a string is written as UTF-8 with bit 11 set (unless `flags` says otherwise). */
  name: string | Buffer;
  /** The entry's content, uncompressed. */
  data: Buffer;
  method?: 0 | 8;
  flags?: number;
  /** The CRC-32 both headers give (default: the data's). */
  crc?: number;
  /** The bytes written as the entry's data (default: `data`, deflated for method 8). */
  body?: Buffer;
  /** Extra fields, in both headers. */
  extra?: Buffer;
  /** Unix mode (default: a file, or a directory for a name ending in `/`). */
  mode?: number;
  /** Where the local header says something else than the central directory. */
  local?: { name?: string | Buffer; flags?: number; crc?: number; extra?: Buffer };
}

/**
 * Writes a zip byte by byte (no data descriptors, no ZIP64): for the archives yazl refuses to write — headers that
 * disagree, wrong CRCs, encrypted bits, extra fields, directories with data.
 */
export function writeRawZip(path: string, entries: RawEntry[]): void {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const date = ((2026 - 1980) << 9) | (5 << 5) | 1;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name) : e.name;
    const flags = e.flags ?? (typeof e.name === 'string' ? 0x800 : 0);
    const method = e.method ?? 0;
    const body = e.body ?? (method === 8 ? deflateRawSync(e.data) : e.data);
    const crc = e.crc ?? crc32(e.data);
    const extra = e.extra ?? Buffer.alloc(0);
    const localName = e.local?.name === undefined ? name : Buffer.from(e.local.name);
    const localExtra = e.local?.extra ?? extra;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.local?.flags ?? flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(e.local?.crc ?? crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(localName.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    parts.push(local, localName, localExtra, body);
    const mode = e.mode ?? (name.at(-1) === 0x2f ? 0o40755 : 0o100644);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(0x033f, 4); // made on Unix, by a writer of ZIP 6.3 (as yazl)
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt16LE(date, 14);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(e.data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt16LE(extra.length, 30);
    c.writeUInt32LE(mode * 0x10000, 38);
    c.writeUInt32LE(offset, 42);
    central.push(c, name, extra);
    offset += 30 + localName.length + localExtra.length + body.length;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  writeFileSync(path, Buffer.concat([...parts, cd, eocd]));
}

/** A zip's entries as `writeRawZip` writes them again (stored or deflated as they were), to tamper with. */
export async function rawEntriesOf(path: string): Promise<RawEntry[]> {
  return (await readZip(path)).map((i) => ({ name: i.name, data: i.bytes, method: i.compress ? 8 : 0 }));
}

/** An Info-ZIP Unicode Path extra field (0x7075, version 1) naming `name` for the header name `headerName`. */
export function unicodePathField(headerName: string | Buffer, name: string): Buffer {
  const data = Buffer.concat([Buffer.from([1, 0, 0, 0, 0]), Buffer.from(name)]);
  data.writeUInt32LE(crc32(Buffer.from(headerName)), 1);
  const head = Buffer.alloc(4);
  head.writeUInt16LE(0x7075, 0);
  head.writeUInt16LE(data.length, 2);
  return Buffer.concat([head, data]);
}

/** Where each part of a zip lies (byte ranges, end exclusive), read independently of the code under test. */
export interface ZipLayout {
  entries: {
    name: string;
    method: number;
    /** The local header, name and extra field. */
    local: [number, number];
    data: [number, number];
    /** The data descriptor after the data (empty when there is none). */
    descriptor: [number, number];
    central: [number, number];
  }[];
  eocd: [number, number];
}

export function zipLayout(buf: Buffer): ZipLayout {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries: ZipLayout['entries'] = [];
  for (let i = 0; i < count; i++) {
    const [n, m, k] = [buf.readUInt16LE(at + 28), buf.readUInt16LE(at + 30), buf.readUInt16LE(at + 32)];
    const flags = buf.readUInt16LE(at + 8);
    const size = buf.readUInt32LE(at + 20);
    const offset = buf.readUInt32LE(at + 42);
    const dataStart = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
    const dataEnd = dataStart + size;
    entries.push({
      name: buf.subarray(at + 46, at + 46 + n).toString('utf8'),
      method: buf.readUInt16LE(at + 10),
      local: [offset, dataStart],
      data: [dataStart, dataEnd],
      descriptor: [dataEnd, flags & 8 ? dataEnd + 16 : dataEnd],
      central: [at, at + 46 + n + m + k],
    });
    at += 46 + n + m + k;
  }
  return { entries, eocd: [eocd, buf.length] };
}

/** The items with the text of part `name` edited by `edit` (an Office file's XML, say); the others as they are. */
export function editPart(items: ZipItem[], name: string, edit: (text: string) => string): ZipItem[] {
  return items.map((i) => (i.name === name ? { ...i, bytes: Buffer.from(edit(i.bytes.toString('utf8'))) } : i));
}
