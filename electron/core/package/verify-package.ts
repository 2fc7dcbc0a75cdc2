import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import { problem, type VerifyProblem, type VerifyResult } from '../../../shared/domain/package/verify-problems';
import {
  Manifest,
  ManifestHead,
  ManifestSignature,
  PACKAGE_FORMAT_VERSION,
} from '../../../shared/schemas/package-manifest';
import { inLanes } from '../lanes';
import { hashEntry, openZip, readEntries, readEntryBytes, unsafeName, type ZipEntryInfo } from './zip-reader';

/** Limits checked from the headers before any data is read (a unit's package holds a few thousand files). */
export const LIMITS = {
  entries: 50_000,
  totalBytes: 64 * 2 ** 30,
  /** An entry expanding more than this many times, and to more than `ratioFloor` bytes, is a bomb. */
  ratio: 200,
  ratioFloor: 16 * 2 ** 20,
  manifestBytes: 64 * 2 ** 20,
};

const ROOT_SIGNED = new Set(['manifest.json', 'manifest.sig']);

/**
 * Verifies a package with the package alone (PACKAGE-FORMAT.md): reads the zip in place and writes nothing.
 * Headers first — entry count, sizes, ratios, names — then the manifest, then every listed file's size and
 * SHA-256 (streamed), entries not listed, and the signature. Every problem is reported with its code; the zip
 * being unreadable is the only one that stops the rest.
 */
export async function verifyPackage(
  path: string,
  onProgress?: (done: number, total: number) => void,
): Promise<VerifyResult> {
  const result: VerifyResult = { valid: false, kind: null, unit: null, month: null, problems: [] };
  const add = (p: VerifyProblem): void => void result.problems.push(p);
  let opened;
  try {
    opened = await openZip(path);
  } catch (e) {
    add(problem('zip-unreadable', null, `（${(e as Error).message}）`));
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
      add(problem('zip-unreadable', null, `（${(e as Error).message}）`));
      return done(result);
    }
    if (!checkHeaders(entries, add)) return done(result);
    const byName = new Map(entries.filter((e) => !e.isDirectory).map((e) => [e.name.normalize('NFC'), e]));
    const manifestEntry = byName.get('manifest.json');
    if (!manifestEntry) {
      add(problem('manifest-missing', 'manifest.json'));
      return done(result);
    }
    const manifestBytes = await readEntryBytes(zip, manifestEntry, LIMITS.manifestBytes);
    const manifest = manifestBytes && parseManifest(manifestBytes, add);
    if (!manifestBytes) add(problem('manifest-invalid', 'manifest.json', '（文件过大）'));
    if (!manifest) return done(result);
    result.kind = manifest.kind;
    result.unit = { id: manifest.unit.id, name: manifest.unit.name };
    result.month = manifest.month;

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
    const mismatched = await inLanes(toHash, async (t) => {
      const actual = await hashEntry(zip, path, t.entry, (n) => onProgress?.((read += n), total)).catch(
        () => null, // a damaged deflate stream or wrong sizes: the content cannot be the listed one
      );
      return actual !== t.sha256;
    });
    toHash.forEach((t, i) => mismatched[i] && add(problem('file-hash-mismatch', t.path)));
    const sig = byName.get('manifest.sig');
    if (!sig) add(problem('signature-missing', 'manifest.sig'));
    else checkSignature(await readEntryBytes(zip, sig, 1 << 20), manifestBytes, add);
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
function checkHeaders(entries: ZipEntryInfo[], add: (p: VerifyProblem) => void): boolean {
  let total = 0;
  let bomb = false;
  const seen = new Set<string>();
  let gb = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (e.uncompressedSize > LIMITS.ratioFloor && e.uncompressedSize > LIMITS.ratio * Math.max(e.compressedSize, 1)) {
      add(problem('zip-too-large', e.name, `（压缩 ${e.compressedSize} 字节，解压后 ${e.uncompressedSize} 字节）`));
      bomb = true;
    }
    if (e.gb18030) gb++;
    const why = unsafeName(e.name) ?? (e.isSymlink ? 'symlink' : null);
    const key = e.name.normalize('NFC').toLowerCase();
    if (why) add(problem('entry-unsafe', e.name, `（${why}）`));
    else if (seen.has(key)) add(problem('entry-unsafe', e.name, '（重名）'));
    seen.add(key);
  }
  if (gb > 0) add(problem('names-not-utf8', null, `（${gb} 个文件名）`));
  if (total > LIMITS.totalBytes) {
    add(problem('zip-too-large', null, `（解压后共 ${total} 字节）`));
    bomb = true;
  }
  return !bomb;
}

/** The manifest, or null with the problem added: not JSON or failing its schema, or a newer format. */
function parseManifest(bytes: Buffer, add: (p: VerifyProblem) => void): Manifest | null {
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

/** `manifest.sig`: its key's fingerprint and its Ed25519 signature over the exact manifest bytes. */
function checkSignature(sigBytes: Buffer | null, manifest: Buffer, add: (p: VerifyProblem) => void): void {
  try {
    const sig = ManifestSignature.parse(JSON.parse(sigBytes!.toString('utf8')));
    const der = Buffer.from(sig.publicKey, 'base64');
    const fingerprint = createHash('sha256').update(der).digest('hex');
    const key = createPublicKey({ key: der, format: 'der', type: 'spki' });
    if (fingerprint === sig.fingerprint && verifySignature(null, manifest, key, Buffer.from(sig.signature, 'base64')))
      return;
  } catch {
    // unreadable, a wrong key type or shape: all mean the signature does not verify
  }
  add(problem('signature-invalid', 'manifest.sig'));
}
