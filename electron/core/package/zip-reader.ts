import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** An entry's header, read from the central directory (no data read yet). */
export interface ZipEntryInfo {
  /** The name as a person reads it: UTF-8 when flagged, ASCII, else decoded as GB18030. */
  name: string;
  /** The name was neither flagged UTF-8 nor plain ASCII (re-zipped on Chinese Windows). */
  gb18030: boolean;
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

const UTF8_FLAG = 0x800;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** Opens a zip in place (read only, nothing extracted): the central directory is located but not yet read. */
export function openZip(path: string): Promise<OpenZip> {
  return new Promise((resolve, reject) => {
    // Raw names (decodeStrings: false): yauzl would refuse a whole archive over one unsafe or non-UTF-8 name, and
    // verify must report those, not stop at them.
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (e, zip) => (e || !zip ? reject(e ?? new Error('no zip')) : resolve({ zip, entryCount: zip.entryCount })),
    );
  });
}

/** Reads every entry's header from the central directory. */
export function readEntries(zip: yauzl.ZipFile): Promise<ZipEntryInfo[]> {
  return new Promise((resolve, reject) => {
    const out: ZipEntryInfo[] = [];
    zip.on('error', reject);
    zip.on('end', () => resolve(out));
    zip.on('entry', (entry: yauzl.Entry) => {
      out.push(describe(entry));
      zip.readEntry();
    });
    zip.readEntry();
  });
}

function describe(entry: yauzl.Entry): ZipEntryInfo {
  const raw = entry.fileName as unknown as Buffer; // a Buffer with decodeStrings: false
  const ascii = raw.every((b) => b < 0x80);
  const utf8 = (entry.generalPurposeBitFlag & UTF8_FLAG) !== 0;
  const name = new TextDecoder(utf8 || ascii ? 'utf-8' : 'gb18030').decode(raw);
  const unixMode = entry.versionMadeBy >> 8 === 3 ? entry.externalFileAttributes >>> 16 : 0;
  return {
    name,
    gb18030: !utf8 && !ascii,
    isDirectory: name.endsWith('/'),
    isSymlink: (unixMode & S_IFMT) === S_IFLNK,
    uncompressedSize: entry.uncompressedSize,
    compressedSize: entry.compressedSize,
    entry,
  };
}

/**
 * Why a name is unsafe to extract, or null: it climbs out (`..`), is absolute (`/x`, `C:x`, `\\server`), uses
 * backslashes (read as separators by Windows tools) or holds a NUL.
 */
export function unsafeName(name: string): string | null {
  if (name.includes('\0')) return 'NUL';
  if (name.includes('\\')) return 'backslash';
  if (name.startsWith('/')) return 'absolute';
  if (/^[A-Za-z]:/u.test(name)) return 'drive letter';
  if (name.split('/').includes('..')) return 'parent directory';
  return null;
}

/** An entry's data, decompressed, at most `max` bytes (more: null). */
export async function readEntryBytes(zip: yauzl.ZipFile, e: ZipEntryInfo, max: number): Promise<Buffer | null> {
  if (e.uncompressedSize > max) return null;
  const chunks: Buffer[] = [];
  for await (const c of await zip.openReadStreamPromise(e.entry)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The SHA-256 of an entry's data, streamed; `onBytes` counts what has been read. A stored entry (photos, PDFs:
 * most of a package's bytes) is read straight from the file in 1 MB chunks at the offset yauzl finds in its local
 * header — yauzl's own stream reads 16 KB at a time, which made verifying three times slower than sha256sum.
 */
export async function hashEntry(
  zip: yauzl.ZipFile,
  zipPath: string,
  e: ZipEntryInfo,
  onBytes?: (n: number) => void,
): Promise<string> {
  const hash = createHash('sha256');
  let stream: AsyncIterable<Buffer>;
  if (e.entry.compressionMethod === 0 && !e.entry.isEncrypted() && e.compressedSize === e.uncompressedSize) {
    const { fileDataStart } = await zip.readLocalFileHeaderPromise(e.entry, { minimal: true });
    stream =
      e.uncompressedSize === 0
        ? Readable.from([])
        : createReadStream(zipPath, {
            start: fileDataStart,
            end: fileDataStart + e.uncompressedSize - 1,
            highWaterMark: 1 << 20,
          });
  } else stream = (await zip.openReadStreamPromise(e.entry)) as AsyncIterable<Buffer>;
  for await (const c of stream) {
    hash.update(c);
    onBytes?.(c.length);
  }
  return hash.digest('hex');
}
