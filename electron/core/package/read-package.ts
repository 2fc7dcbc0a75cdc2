import { createHash, type Hash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { ZipFile } from 'yauzl';
import { AppError } from '@shared/ipc/errors';
import { Manifest } from '@shared/schemas/package-manifest';
import { LIMITS, verifyPackage } from './verify-package';
import {
  openZip,
  readEntries,
  readEntryBytes,
  readEntryChecked,
  streamEntry,
  type DataRead,
  type ZipEntryInfo,
} from './zip-reader';

/** A package that verified, opened for reading its materials again (往年材料): its manifest and one read per file. */
export interface VerifiedPackage {
  manifest: Manifest;
  /**
   * Reads a material again, hashing the bytes read (never taking the manifest's word for them), also writing them
   * to `copyTo` when given (for a reader that needs a file). A package that no longer reads as it verified — a
   * file missing, damaged, or with another SHA-256 than the manifest's — is refused whole.
   */
  read(material: { path: string; sha256: string }, copyTo?: string): Promise<void>;
  close(): void;
}

/**
 * Opens a package for reading its materials: verified first (refused when it does not verify), then its manifest
 * read and checked again, since the file may have changed since.
 */
export async function openVerifiedPackage(source: string): Promise<VerifiedPackage> {
  const verified = await verifyPackage(source);
  if (!verified.valid)
    throw new AppError(
      'input-refused',
      '这个文件不是有效的申报包（校验未通过），不能作为往年材料导入。请先用“校验申报包”或 wangbao verify 查看原因。',
      JSON.stringify(verified.problems.filter((p) => p.severity === 'error')),
    );
  const { zip } = await openZip(source).catch((e: unknown) => {
    throw changedPackage(source, String(e));
  });
  try {
    const all = await readEntries(zip).catch((e: unknown) => {
      throw changedPackage(source, String(e));
    });
    const entries = new Map(all.filter((e) => !e.isDirectory).map((e) => [e.name.normalize('NFC'), e]));
    const manifest = await readManifest(zip, entries.get('manifest.json'), source);
    return {
      manifest,
      read: async ({ path, sha256 }, copyTo) => {
        const entry = entries.get(path.normalize('NFC'));
        if (!entry) throw changedPackage(source, `${path}: no such file`);
        const r = await readMaterial(zip, entry, copyTo);
        if (!r.ok) throw changedPackage(source, `${path}: ${r.reason}`);
        if (r.sha256 !== sha256) throw changedPackage(source, `${path}: sha256 ${r.sha256} != ${sha256}`);
      },
      close: () => zip.close(),
    };
  } catch (e) {
    zip.close();
    throw e;
  }
}

/** One entry's bytes (at most `maxBytes`), e.g. a package's 目录.pdf for the viewer; null when it is not there. */
export async function readPackageEntry(source: string, name: string, maxBytes: number): Promise<Buffer | null> {
  const { zip } = await openZip(source).catch((e: unknown) => {
    throw new AppError('io', '无法打开这个申报包。', String(e));
  });
  try {
    const entry = (await readEntries(zip)).find((e) => e.name === name);
    return (entry && (await readEntryBytes(zip, entry, maxBytes))) ?? null;
  } finally {
    zip.close();
  }
}

/** The refusal of a package that verified but then read differently (changed meanwhile, or a damaged disk). */
function changedPackage(source: string, details: string): AppError {
  return new AppError(
    'input-refused',
    '读取这个申报包时内容与清单不符（可能刚被改动或磁盘损坏），未导入任何往年材料。请重新校验后再试。',
    `${source}: ${details}`,
  );
}

/** The manifest of a package that verified, read again and checked again (its entry may have changed). */
async function readManifest(zip: ZipFile, entry: ZipEntryInfo | undefined, source: string): Promise<Manifest> {
  if (!entry) throw changedPackage(source, 'no manifest.json');
  const read = await readEntryChecked(zip, entry, LIMITS.manifestBytes);
  if (!read.ok || !read.crcOk) throw changedPackage(source, `manifest.json: ${read.ok ? 'CRC-32' : read.reason}`);
  let parsed;
  try {
    parsed = Manifest.safeParse(JSON.parse(read.bytes.toString('utf8')));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) throw changedPackage(source, 'manifest.json does not parse');
  return parsed.data;
}

/** One entry's SHA-256, streamed from the zip and, with `copyTo`, written there as it is hashed. */
async function readMaterial(
  zip: ZipFile,
  entry: ZipEntryInfo,
  copyTo: string | undefined,
): Promise<{ ok: true; sha256: string } | { ok: false; reason: string }> {
  const hash = createHash('sha256');
  if (!copyTo) return digest(await streamEntry(zip, entry, (c) => void hash.update(c)), hash);
  const out = await open(copyTo, 'w');
  let read: DataRead;
  try {
    read = await streamEntry(zip, entry, async (c) => {
      hash.update(c);
      for (let at = 0; at < c.length;) at += (await out.write(c, at)).bytesWritten;
    });
  } finally {
    await out.close();
  }
  return digest(read, hash);
}

/** A finished read as the material's SHA-256, or why it failed (damaged data, or a CRC-32 that does not match). */
function digest(read: DataRead, hash: Hash): { ok: true; sha256: string } | { ok: false; reason: string } {
  if (!read.ok) return read;
  if (!read.crcOk) return { ok: false, reason: 'CRC-32 mismatch' };
  return { ok: true, sha256: hash.digest('hex') };
}
