import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FIXTURES } from '../helpers/ctx';
import { seeded } from '../helpers/random';

/** A file of the corpus (test/fixtures): every hostile input is derived from these or from nothing. */
export const fixture = (...parts: string[]): string => join(FIXTURES, ...parts);
export const fixtureBytes = (...parts: string[]): Buffer => readFileSync(fixture(...parts));

/** Writes `bytes` as `dir/name` (folders made as needed) and returns the path. */
export function put(dir: string, name: string, bytes: Buffer | Uint8Array | string): string {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  return path;
}

/** Writes a file whose name is the given bytes (not UTF-8: a GBK name from a Windows disk) in `dir`. */
export function putRawName(dir: string, name: Buffer, bytes: Buffer): void {
  writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), name]), bytes);
}

/** The first `fraction` of the bytes (a copy cut short). */
export const cut = (bytes: Buffer, fraction: number): Buffer => bytes.subarray(0, Math.floor(bytes.length * fraction));

/** A copy with `count` bytes between `from` and `to` (fractions of the length) replaced by seeded noise. */
export function noisy(bytes: Buffer, from: number, to: number, count: number, seed = 7): Buffer {
  const out = Buffer.from(bytes);
  const rnd = seeded(seed);
  const a = Math.floor(out.length * from);
  const span = Math.floor(out.length * to) - a;
  for (let i = 0; i < count; i++) out[a + Math.floor(rnd() * span)] = Math.floor(rnd() * 256);
  return out;
}

/** The start of an ELF executable (what `file-type` recognises), padded: a program under another name. */
export function elf(): Buffer {
  const b = Buffer.alloc(4096);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]).copy(b);
  b.writeUInt16LE(2, 16); // ET_EXEC
  b.writeUInt16LE(0x3e, 18); // x86-64
  return b;
}

/** The start of a Windows PE executable: `MZ`, the DOS stub's pointer and the `PE\0\0` header. */
export function pe(): Buffer {
  const b = Buffer.alloc(4096);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  b.writeUInt16LE(0x14c, 0x84); // i386
  b.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  return b;
}
