import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BlobStore } from '../../electron/core/store/blob-store';
import { tmpDir } from '../helpers/tmp';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function store() {
  const s = new BlobStore(join(tmpDir(), 'blobs'));
  await s.init();
  return s;
}

describe('BlobStore', () => {
  it('stores a file under its SHA-256 and dedupes the same content', async () => {
    const s = await store();
    const src = join(tmpDir(), 'a.pdf');
    const bytes = Buffer.from('%PDF-1.4 网报通 test');
    writeFileSync(src, bytes);
    const r = await s.putFile(src);
    expect(r).toEqual({ sha256: sha(bytes), bytes: bytes.length, existed: false });
    expect(s.path(r.sha256)).toBe(join(s.root, r.sha256.slice(0, 2), r.sha256.slice(2)));
    expect(readFileSync(s.path(r.sha256))).toEqual(bytes);
    expect((await s.putFile(src)).existed).toBe(true);
    expect(readdirSync(join(s.root, 'tmp'))).toEqual([]);
  });

  it('streams large input without holding it whole and hashes it right', async () => {
    const s = await store();
    const chunk = Buffer.alloc(1 << 20, 7);
    const hash = createHash('sha256');
    for (let i = 0; i < 64; i++) hash.update(chunk);
    let n = 0;
    const src = new Readable({
      read() {
        this.push(n++ < 64 ? chunk : null);
      },
    });
    const r = await s.putStream(src);
    expect(r.bytes).toBe(64 << 20);
    expect(r.sha256).toBe(hash.digest('hex'));
  });

  it('leaves nothing behind when the source fails midway', async () => {
    const s = await store();
    let n = 0;
    const src = new Readable({
      read() {
        if (n++ < 3) this.push(Buffer.alloc(1000, 1));
        else this.destroy(new Error('disk unplugged'));
      },
    });
    await expect(s.putStream(src)).rejects.toThrow('disk unplugged');
    expect(readdirSync(join(s.root, 'tmp'))).toEqual([]);
    expect(readdirSync(s.root).filter((d) => d !== 'tmp')).toEqual([]);
  });

  it('sweeps tmp leftovers of a crash and orphans older than the sweep; a blob written after it began is kept', async () => {
    const s = await store();
    writeFileSync(join(s.root, 'tmp', 'crashed-write'), 'half');
    const orphan = sha(Buffer.from('orphan'));
    mkdirSync(join(s.root, orphan.slice(0, 2)), { recursive: true });
    writeFileSync(s.path(orphan), 'orphan');
    const known = await s.putStream(Readable.from([Buffer.from('known')]));
    const startedAt = new Date(Date.now() + 5_000); // everything above was written before the sweep began
    const r = await s.sweep((h) => h === known.sha256, startedAt);
    expect(r).toEqual({ tmpRemoved: 1, orphansRemoved: 1, bytesReclaimed: 10 });
    expect(readdirSync(join(s.root, 'tmp'))).toEqual([]);
    expect(await s.has(orphan)).toBe(false);
    expect(await s.has(known.sha256)).toBe(true);
    const fresh = sha(Buffer.from('fresh'));
    mkdirSync(join(s.root, fresh.slice(0, 2)), { recursive: true });
    writeFileSync(s.path(fresh), 'fresh');
    expect(await s.sweep(() => false, new Date(Date.now() - 60_000))).toMatchObject({ orphansRemoved: 0 });
    expect(await s.has(fresh)).toBe(true);
  });

  it('refuses a malformed hash as a path', async () => {
    const s = await store();
    expect(() => s.path('../../etc/passwd')).toThrow();
  });
});
