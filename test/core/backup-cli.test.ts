import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { cli } from '../helpers/cli';
import { FIXTURES, testCtx } from '../helpers/ctx';
import { tmpDir } from '../helpers/tmp';

/** A demo workspace made and filled by the CLI itself: two photos and a PDF on 3.1.2. */
function workspace(base: string): string {
  const ws = join(base, 'ws');
  expect(cli(['init', ws, '--demo', '--year', '2026', '--json'], base).code).toBe(0);
  const files = ['photos/Canon_40D.jpg', 'photos/DSCN0010.jpg', 'pdfs/pdflatex-4-pages.pdf'].map((f) =>
    join(FIXTURES, f),
  );
  expect(cli(['attach', ws, '3.1.2', ...files, '--json'], base).code).toBe(0);
  return ws;
}

describe('wangbao backup / restore', () => {
  it('a .wbbak and back: the documented JSON, to the letter, and exit 0', () => {
    const base = tmpDir();
    const ws = workspace(base);
    const out = join(base, '备份.wbbak');
    const b = cli(['backup', ws, out, '--json'], base);
    expect([b.code, b.stderr]).toEqual([0, '']);
    expect(b.json()).toEqual({
      path: out,
      bytes: expect.any(Number),
      blobs: 3,
      blobsCopied: 3,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/u),
    });
    const r = cli(['restore', out, join(base, '恢复'), '--json'], base);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.json()).toEqual({ workspace: join(base, '恢复'), materials: 3, verified: true });
    const listed = cli(['materials', join(base, '恢复'), '--json'], base).json().materials as { sha256: string }[];
    const original = cli(['materials', ws, '--json'], base).json().materials as { sha256: string }[];
    expect(listed).toEqual(original);

    const human = cli(['restore', out, join(base, '恢复2')], base);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('已恢复并校验');
  });

  it('a backup folder: the second backup copies no blob; restore takes the newest snapshot', () => {
    const base = tmpDir();
    const ws = workspace(base);
    const folder = join(base, '网报通备份');
    const first = cli(['backup', ws, folder, '--json'], base);
    expect(first.code).toBe(0);
    expect(first.json()).toMatchObject({ blobs: 3, blobsCopied: 3 });
    expect(Object.keys(first.json()).sort()).toEqual(['blobs', 'blobsCopied', 'bytes', 'path', 'sha256']);
    const second = cli(['backup', ws, folder, '--json'], base);
    expect(second.json()).toMatchObject({ blobs: 3, blobsCopied: 0 });
    const human = cli(['backup', ws, folder], base);
    expect(human.stdout).toContain('本次新复制 0 个');
    const r = cli(['restore', folder, join(base, 'r'), '--json'], base);
    expect(r.json()).toEqual({ workspace: join(base, 'r'), materials: 3, verified: true });
  });

  it('backs up while the app holds the workspace (the CLI reads it without taking its lock)', async () => {
    const base = tmpDir();
    const ws = workspace(base);
    const { ctx } = testCtx(base);
    await call('workspace:open', { dir: ws }, ctx);
    try {
      const b = cli(['backup', ws, join(base, 'b.wbbak'), '--json'], base);
      expect(b.code).toBe(0);
    } finally {
      ctx.session.workspace!.close();
    }
  });

  it('exit 1: a damaged backup (saying what is damaged) or a target that is not empty — nothing restored; exit 2: usage', () => {
    const base = tmpDir();
    const ws = workspace(base);
    const out = join(base, 'b.wbbak');
    cli(['backup', ws, out, '--json'], base);
    const bytes = readFileSync(out);
    const at = bytes.indexOf(readFileSync(join(FIXTURES, 'photos', 'DSCN0010.jpg')).subarray(4000, 4064)) + 7;
    bytes[at] = bytes[at]! ^ 0xff;
    writeFileSync(join(base, 'bad.wbbak'), bytes);
    const bad = cli(['restore', join(base, 'bad.wbbak'), join(base, 'r'), '--json'], base);
    expect(bad.code).toBe(1);
    const error = bad.json().error as { code: string; message: string };
    expect(error.code).toBe('input-refused');
    expect(error.message).toMatch(/blobs\/[0-9a-f]{2}\/[0-9a-f]{62}（材料：DSCN0010\.jpg）/u);
    expect(existsSync(join(base, 'r'))).toBe(false);
    const human = cli(['restore', join(base, 'bad.wbbak'), join(base, 'r')], base);
    expect([human.code, human.stderr]).toEqual([1, expect.stringContaining('错误：备份已损坏')]);

    mkdirSync(join(base, 'full'));
    writeFileSync(join(base, 'full', 'a.txt'), 'x');
    const full = cli(['restore', out, join(base, 'full'), '--json'], base);
    expect([full.code, (full.json().error as { code: string }).code]).toEqual([1, 'workspace-exists']);

    const missing = cli(['restore', join(base, 'nope.wbbak'), join(base, 'r'), '--json'], base);
    expect(missing.code).toBe(2);
    const usage = cli(['backup', ws], base);
    expect([usage.code, usage.stderr]).toEqual([2, expect.stringContaining('wangbao backup <工作区>')]);
    const handover = cli(['backup', ws, join(base, 'folder'), '--handover', '张三'], base);
    expect([handover.code, handover.stderr]).toEqual([2, expect.stringContaining('移交只能写成单个备份文件')]);
    const handed = cli(['backup', ws, join(base, '移交.wbbak'), '--handover', '张三', '--json'], base);
    expect(handed.code).toBe(0);
  });
});
