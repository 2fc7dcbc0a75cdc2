import { crc32 } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { rawEntriesOf, unicodePathField, writeRawZip, writeZip, zipLayout, type RawEntry } from '../helpers/zips';
import { zerosZlib } from './images';

/** A real package with `extra` entries added, written byte by byte: each extra is also unlisted in the manifest. */
export async function packageWith(src: string, dst: string, extra: RawEntry[]): Promise<string> {
  writeRawZip(dst, [...(await rawEntriesOf(src)), ...extra]);
  return dst;
}

const text = (s: string): Buffer => Buffer.from(s);

/** An entry named `name` (raw bytes when a Buffer) holding a line of text. */
export const entryNamed = (name: string | Buffer): RawEntry => ({ name, data: text('被写到解压目录之外的文件\n') });

/** Every form an entry's name can take to leave the folder it is extracted into. */
export const SLIP_NAMES: Record<string, string | Buffer> = {
  'dot-dot': '../../../../tmp/evil.txt',
  'dot-dot-inside': '材料/../../evil.txt',
  absolute: '/etc/cron.d/evil',
  'drive-letter': 'C:/Windows/System32/evil.dll',
  'drive-relative': 'C:evil.txt',
  backslash: '..\\..\\Windows\\evil.txt',
  unc: '\\\\evil-server\\share\\evil.txt',
  'nul-byte': Buffer.from('材料/ok.txt\0../../evil.txt'),
};

/** An entry whose header names `ok.txt` while its Info-ZIP Unicode Path field (0x7075) says `../../evil.txt`. */
export const unicodePathSlip = (): RawEntry => ({
  ...entryNamed('ok.txt'),
  extra: unicodePathField('ok.txt', '../../evil.txt'),
});

/** A symbolic link entry (Unix mode 0o120777) pointing at `target`. */
export const symlinkEntry = (name: string, target: string): RawEntry => ({
  name,
  data: text(target),
  mode: 0o120777,
});

/** A zip whose one entry inflates from ~200 KB to `mb` MB (stored as deflate, the data's CRC given). */
export function zipBomb(dst: string, name: string, mb: number): string {
  const bytes = mb * 2 ** 20;
  const zeros = Buffer.alloc(bytes);
  writeRawZip(dst, [{ name, data: zeros, method: 8, body: zerosZlib(bytes).subarray(2, -4), crc: crc32(zeros) }]);
  return dst;
}

/** A zip of `count` empty entries. */
export function manyEntries(dst: string, count: number): string {
  writeRawZip(
    dst,
    Array.from({ length: count }, (_, i) => ({ name: `f${i}.txt`, data: Buffer.alloc(0) })),
  );
  return dst;
}

/** A package-shaped zip whose manifest.json is `depth` nested arrays. */
export async function deepManifest(dst: string, depth: number): Promise<string> {
  await writeZip(dst, [{ name: 'manifest.json', bytes: Buffer.from('['.repeat(depth) + ']'.repeat(depth)) }]);
  return dst;
}

/** The package with manifest.json deflated, its first block's type made 3 (which deflate does not have). */
export async function brokenDeflate(src: string, dst: string): Promise<string> {
  const entries = (await rawEntriesOf(src)).map((e) => {
    if (e.name !== 'manifest.json') return e;
    const body = deflateRawSync(e.data);
    body[0] = body[0]! | 0b110;
    return { ...e, method: 8 as const, body };
  });
  writeRawZip(dst, entries);
  return dst;
}

/** The package with the central directory sending `name`'s reader one byte past its local header. */
export function misplacedLocalHeader(src: string, dst: string, name: string): string {
  const buf = readFileSync(src);
  const entry = zipLayout(buf).entries.find((e) => e.name === name)!;
  buf.writeUInt32LE(entry.local[0] + 1, entry.central[0] + 42);
  writeFileSync(dst, buf);
  return dst;
}
