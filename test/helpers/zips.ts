import { readFileSync, writeFileSync } from 'node:fs';
import yazl from 'yazl';
import { openZip, readEntries, readEntryBytes } from '../../electron/core/package/zip-reader';

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
    for (const e of await readEntries(zip)) out.push({ name: e.name, bytes: (await readEntryBytes(zip, e, 1 << 30))! });
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
