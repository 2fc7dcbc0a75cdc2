import { spawn, type ChildProcess } from 'node:child_process';
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { Workspace } from '../../electron/core/workspace/workspace';
import { cli } from '../helpers/cli';
import { FIXTURES, REPO, testCtx } from '../helpers/ctx';
import { useDemoWorkspace } from '../helpers/demo-workspace';
import { tmpDir } from '../helpers/tmp';
import { errorOf } from '../helpers/errors';

const demo = useDemoWorkspace();
const ws = () => join(demo.base, 'ws');

/** A second process holding the workspace as the app would (opened for writing), until it is killed. */
async function otherWriter(dir: string): Promise<ChildProcess> {
  const script = `
    import { Workspace } from ${JSON.stringify(join(REPO, 'electron/core/workspace/workspace.ts'))};
    await Workspace.open(${JSON.stringify(dir)});
    process.stdout.write('ready\\n');
    setInterval(() => undefined, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO });
  await new Promise<void>((ok, fail) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && ok());
    child.on('exit', (code) => fail(new Error(`the other writer exited with ${code}`)));
  });
  return child;
}

describe('one writer at a time (workspace.lock)', () => {
  it('a second writer is refused plainly; a reader still reads; a killed holder’s lock is taken over', async () => {
    demo.ctx.session.workspace!.close();
    const child = await otherWriter(ws());
    try {
      const refused = await errorOf(Workspace.open(ws()));
      expect(refused.code).toBe('workspace-locked');
      expect(refused.message).toContain('工作区正被另一个网报通窗口或命令使用');
      expect(refused.message).toContain(`本机进程 ${child.pid}`);
      const read = cli(['materials', ws(), '--json'], demo.base);
      expect([read.code, read.json().materials]).toEqual([0, []]);
      const write = cli(['scope', ws(), '1.1.1', '--mine', '--json'], demo.base);
      expect([write.code, (write.json().error as { code: string }).code]).toEqual([2, 'workspace-locked']);
    } finally {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
    const after = await Workspace.open(ws());
    expect(after.writable).toBe(true);
    after.close();
    expect(existsSync(join(ws(), 'workspace.lock'))).toBe(false);
  }, 120_000);

  it('a lock whose process is gone, or whose pid now belongs to another program, is stale', async () => {
    demo.ctx.session.workspace!.close();
    const lock = join(ws(), 'workspace.lock');
    const write = (pid: number, start: string) =>
      writeFileSync(lock, JSON.stringify({ pid, start, host: hostname(), since: '2026-05-01T08:00:00.000Z' }));
    write(2 ** 22 + 12345, '1'); // above Linux's pid_max: no such process
    (await Workspace.open(ws())).close();
    write(process.ppid, 'not its start'); // alive, but started at another time: a reused pid
    (await Workspace.open(ws())).close();
    writeFileSync(lock, ''); // torn by a crash while it was written, long ago
    utimesSync(lock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    (await Workspace.open(ws())).close();
    expect(existsSync(lock)).toBe(false);
  });

  it('a reader never sweeps: another writer’s temp files survive while materials are listed in a loop', async () => {
    // The red team's race: attaching big files while `wangbao materials` ran in a loop lost the attach's temp files.
    demo.ctx.session.workspace!.close();
    const big = join(demo.base, 'videos');
    mkdirSync(big);
    const header = Buffer.from('000000206674797069736f6d0000020069736f6d69736f32617663316d703431', 'hex');
    for (let i = 0; i < 4; i++) {
      const body = Buffer.alloc(40 * 2 ** 20, i + 1);
      writeFileSync(join(big, `活动录像${i}.mp4`), Buffer.concat([header, body]));
    }
    const attaching = spawn(process.execPath, [join(REPO, 'out/main/cli.js'), 'attach', ws(), '3.1.2', big, '--json'], {
      env: { ...process.env, WANGBAO_USER_DATA: demo.base },
    });
    let out = '';
    attaching.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((r) => attaching.once('exit', r));
    let reads = 0;
    let running = true;
    void exited.then(() => (running = false));
    while (running) {
      const r = cli(['materials', ws(), '--json'], demo.base);
      expect(r.code).toBe(0);
      reads++;
      await new Promise((r) => setImmediate(r)); // let the attach's exit event in
    }
    expect(await exited).toBe(0);
    const results = (JSON.parse(out) as { results: { status: string }[] }).results;
    expect(results.map((r) => r.status)).toEqual(['added', 'added', 'added', 'added']);
    expect(reads).toBeGreaterThan(0);
  }, 180_000);
});

describe('the sweep (only under the lock)', () => {
  it('removes temp leftovers and orphan blobs older than the open, reports the bytes, keeps every known blob', async () => {
    await demo.attach('3.1.2', [join(FIXTURES, 'photos', 'Canon_40D.jpg')]);
    demo.ctx.session.workspace!.close();
    const blobs = join(ws(), 'blobs');
    const orphan = 'ab' + 'c'.repeat(62);
    mkdirSync(join(blobs, 'ab'), { recursive: true });
    writeFileSync(join(blobs, 'ab', orphan.slice(2)), Buffer.alloc(1000, 7));
    writeFileSync(join(blobs, 'tmp', 'killed-write'), Buffer.alloc(500, 1));
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(blobs, 'ab', orphan.slice(2)), old, old);
    utimesSync(join(blobs, 'tmp', 'killed-write'), old, old);
    const reopened = await Workspace.open(ws());
    try {
      expect(reopened.swept).toEqual({ tmpRemoved: 1, orphansRemoved: 1, bytesReclaimed: 1500 });
      expect(existsSync(join(blobs, 'ab', orphan.slice(2)))).toBe(false);
      const known = reopened.db.prepare('SELECT sha256 FROM blobs').pluck().all() as string[];
      expect(known.length).toBeGreaterThan(0);
      for (const sha of known) expect(await reopened.store.has(sha)).toBe(true);
    } finally {
      reopened.close();
    }
  });

  it('a HEIC whose JPEG is already attached leaves no orphan original behind', async () => {
    const heif = join(FIXTURES, 'photos', 'samplefilehub.heif');
    const twin = join(demo.base, '另一份.heif'); // other bytes (a trailing block), the same picture and EXIF
    copyFileSync(heif, twin);
    appendFileSync(twin, Buffer.alloc(64));
    const [first] = await demo.attach('3.1.2', [heif]);
    const [second] = await demo.attach('3.1.2', [twin]);
    expect([first!.status, second!.status]).toEqual(['added', 'duplicate']);
    const w = demo.ctx.session.workspace!;
    const files = readdirSync(join(ws(), 'blobs'), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && !d.parentPath.endsWith('tmp'))
      .map((d) => d.parentPath.slice(-2) + d.name);
    const rows = w.db.prepare('SELECT sha256 FROM blobs').pluck().all() as string[];
    expect(files.sort()).toEqual(rows.sort());
  });
});

describe('export targets and leftovers', () => {
  it('refuses to write into any workspace, over a folder, or over a file that is not a package', async () => {
    await demo.attach('3.1.2', [join(FIXTURES, 'photos', 'Canon_40D.jpg')]);
    const exportTo = (out: string) =>
      errorOf(call('package:export', { kind: 'monthly', month: '2026-05', out }, demo.ctx));
    const db = join(ws(), 'workspace.db');
    const before = readFileSync(db);
    for (const out of [db, join(ws(), 'blobs', 'p.zip'), join(ws(), 'p.zip')]) {
      const e = await exportTo(out);
      expect([e.code, e.message]).toEqual([
        'input-refused',
        expect.stringContaining('不能把申报包保存在工作区文件夹里'),
      ]);
    }
    const other = join(demo.base, 'other-ws');
    await call('workspace:create', { dir: other, unit: '市卫健委', year: 2026 }, testCtx(demo.base).ctx);
    expect((await exportTo(join(other, 'p.zip'))).message).toContain('工作区文件夹里');
    const link = join(demo.base, 'link-to-ws');
    symlinkSync(ws(), link);
    expect((await exportTo(join(link, 'p.zip'))).message).toContain('工作区文件夹里');
    mkdirSync(join(demo.base, 'a-folder.zip'));
    expect((await exportTo(join(demo.base, 'a-folder.zip'))).message).toContain('文件夹');
    writeFileSync(join(demo.base, '总结.docx'), 'not a zip');
    expect((await exportTo(join(demo.base, '总结.docx'))).message).toContain('不会覆盖');
    expect((await exportTo(join(demo.base, 'missing', 'p.zip'))).message).toContain('文件夹不存在');
    expect(readFileSync(join(demo.base, '总结.docx'), 'utf8')).toBe('not a zip');
    // Nothing was harmed.
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(demo.ctx.session.workspace!.db.pragma('integrity_check', { simple: true })).toBe('ok');

    // The red team's command line: exit 1, the workspace intact.
    demo.ctx.session.workspace!.close();
    const r = cli(['export', ws(), db, '--json'], demo.base);
    expect([r.code, (r.json().error as { code: string }).code]).toEqual([1, 'input-refused']);
    expect(cli(['materials', ws(), '--json'], demo.base).code).toBe(0);
  });

  it('an export removes the partial files killed exports to the same target left, and only those', async () => {
    await demo.attach('3.1.2', [join(FIXTURES, 'photos', 'Canon_40D.jpg')]);
    const out = join(demo.base, 'out');
    mkdirSync(out);
    writeFileSync(join(out, '.p.zip.0123abcd.partial'), Buffer.alloc(4096));
    writeFileSync(join(out, '.p.zip.89ef0123.partial'), Buffer.alloc(4096));
    writeFileSync(join(out, '.other.zip.0123abcd.partial'), Buffer.alloc(10)); // another target's: kept
    writeFileSync(join(out, '.p.zip.notes'), 'kept');
    await call('package:export', { kind: 'monthly', month: '2026-05', out: join(out, 'p.zip') }, demo.ctx);
    expect(readdirSync(out).sort()).toEqual(['.other.zip.0123abcd.partial', '.p.zip.notes', 'p.zip']);
  });
});

describe('folder walks', () => {
  it('links back to a folder already read are not followed: no hang, each file once, the links reported', async () => {
    const dir = join(demo.base, '照片');
    mkdirSync(join(dir, '子目录'), { recursive: true });
    copyFileSync(join(FIXTURES, 'photos', 'Canon_40D.jpg'), join(dir, 'a.jpg'));
    copyFileSync(join(FIXTURES, 'photos', 'Nikon_D70.jpg'), join(dir, '子目录', 'b.jpg'));
    symlinkSync('.', join(dir, 'l1'));
    symlinkSync('.', join(dir, 'l2'));
    symlinkSync('..', join(dir, '子目录', 'up'));
    const rs = await demo.attach('3.1.2', [dir]);
    const by = (s: string) => rs.filter((r) => r.status === s).map((r) => r.file.slice(dir.length + 1));
    expect(by('added').sort()).toEqual(['a.jpg', '子目录/b.jpg']);
    expect(by('skipped').sort()).toEqual(['l1', 'l2', '子目录/up']);
  });

  it('a cancelled attach stops walking a huge tree at once', async () => {
    const root = join(tmpDir(), 'deep');
    let d = root;
    for (let i = 0; i < 40; i++) d = join(d, `第${i}层`);
    mkdirSync(d, { recursive: true });
    copyFileSync(join(FIXTURES, 'photos', 'Canon_40D.jpg'), join(d, 'deep.jpg'));
    // Deeper than the walk's limit: the folder is reported, nothing below it read.
    const rs = await demo.attach('3.1.2', [root]);
    expect(rs.map((r) => r.status)).toEqual(['skipped']);
    const controller = new AbortController();
    controller.abort();
    const { walk } = await import('../../electron/core/intake/walk');
    expect((await walk([join(FIXTURES, 'photos')], controller.signal)).files).toEqual([]);
  });
});
