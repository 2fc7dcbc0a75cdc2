import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, type WriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface PutResult {
  sha256: string;
  bytes: number;
  /** The same content was already stored; nothing new was written. */
  existed: boolean;
}

const SHA256 = /^[0-9a-f]{64}$/u;
const RETRYABLE = new Set(['EPERM', 'EBUSY', 'EACCES']);

/** The SHA-256 and size of a file, streamed (for files that are hashed but not stored, such as 往年材料). */
export async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Content-addressed, immutable blobs under `blobs/ab/cdef…` (SHA-256). Write protocol: stream into `blobs/tmp/`,
 * hashing while streaming, fsync, rename into place, fsync the folder; only then may the caller insert a DB row.
 * A crash at any point leaves either no blob or a complete one, plus at most a tmp file that `sweep` removes.
 */
export class BlobStore {
  readonly root: string;
  private readonly tmpDir: string;

  constructor(root: string) {
    this.root = root;
    this.tmpDir = join(root, 'tmp');
  }

  async init(): Promise<void> {
    await mkdir(this.tmpDir, { recursive: true });
  }

  /**
   * A fresh path in `blobs/tmp/` for a working file (a HEIC converted to JPEG, an optimised copy, a package entry
   * being read): on the workspace's disk, so storing it is a rename, and swept at the next open if a crash leaves it.
   */
  tempPath(ext = ''): string {
    return join(this.tmpDir, `${randomUUID()}${ext}`);
  }

  /** Where the blob of `sha256` lives (whether or not it exists). */
  path(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2));
  }

  async has(sha256: string): Promise<boolean> {
    return stat(this.path(sha256)).then(
      () => true,
      () => false,
    );
  }

  /** Stores a file by streaming it (never loaded whole). */
  async putFile(source: string): Promise<PutResult> {
    return this.putStream(createReadStream(source, { highWaterMark: 1 << 20 }));
  }

  /** Stores a stream; the blob appears only once complete and synced. */
  async putStream(source: Readable): Promise<PutResult> {
    const tmp = join(this.tmpDir, `${Date.now()}-${randomBytes(6).toString('hex')}`);
    const hasher = hashingTap();
    const file = await createFile(tmp);
    try {
      await pipeline(source, hasher.stream, file.sink);
      const { sha256, bytes } = hasher.result();
      const target = this.path(sha256);
      if (await this.has(sha256)) {
        await rm(tmp, { force: true });
        return { sha256, bytes, existed: true };
      }
      await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
      await renameWithRetry(tmp, target);
      await fsyncDir(join(this.root, sha256.slice(0, 2)));
      return { sha256, bytes, existed: false };
    } catch (e) {
      await file.discard();
      throw e;
    }
  }

  /**
   * Start-up sweep, run only by the workspace's lock holder: removes leftovers in `tmp/` (interrupted writes) and
   * orphan blobs — files no `blobs` row knows (a crash between the blob's rename and its row's insert) — that are
   * older than `startedAt`, so a blob this process is writing right now is never taken for one.
   */
  async sweep(
    isKnown: (sha256: string) => boolean,
    startedAt: Date,
  ): Promise<{ tmpRemoved: number; orphansRemoved: number; bytesReclaimed: number }> {
    let bytesReclaimed = 0;
    const remove = async (path: string): Promise<number> => {
      const info = await stat(path).catch(() => null);
      if (!info || info.mtimeMs >= startedAt.getTime()) return 0;
      await rm(path, { force: true, recursive: true });
      bytesReclaimed += info.isFile() ? info.size : 0;
      return 1;
    };
    let tmpRemoved = 0;
    for (const f of await readdir(this.tmpDir).catch(() => [] as string[]))
      tmpRemoved += await remove(join(this.tmpDir, f));
    let orphansRemoved = 0;
    for (const dir of await readdir(this.root)) {
      if (!/^[0-9a-f]{2}$/u.test(dir)) continue;
      for (const rest of await readdir(join(this.root, dir))) {
        const sha = dir + rest;
        if (SHA256.test(sha) && !isKnown(sha)) orphansRemoved += await remove(join(this.root, dir, rest));
      }
    }
    return { tmpRemoved, orphansRemoved, bytesReclaimed };
  }
}

/** A pass-through stream that hashes (SHA-256) and counts what flows through it. */
export function hashingTap(): { stream: Transform; result(): { sha256: string; bytes: number } } {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ sha256: hash.digest('hex'), bytes }) };
}

/**
 * A new file (never an existing one) and a stream writing it, synced before it closes. The file is created before
 * the stream exists: a stream opening it lazily could create it after a failed write had removed it.
 */
export async function createFile(path: string): Promise<{ sink: WriteStream; discard(): Promise<void> }> {
  const fh = await open(path, 'wx');
  const sink = fh.createWriteStream({ flush: true });
  return {
    sink,
    discard: async () => {
      if (!sink.closed) {
        const closed = new Promise<void>((resolve) => sink.once('close', () => resolve())); // not `once()`: it rejects on 'error'
        sink.destroy();
        await closed;
      }
      await rm(path, { force: true });
    },
  };
}

/** On Windows an antivirus scanner may hold a fresh file for a moment: retry the rename with back-off. */
export async function renameWithRetry(from: string, to: string, attempts = 8): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      await rename(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (i >= attempts - 1 || !RETRYABLE.has(code)) throw e;
      await new Promise((r) => setTimeout(r, 25 * 2 ** i));
    }
  }
}

/** Makes a rename durable; Windows has no directory fsync, so there it is skipped. */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
