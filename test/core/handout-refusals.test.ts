import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { call } from '../../electron/core/dispatch';
import { listRequests } from '../../electron/core/collection/requests-repo';
import { officeKey, writeHandout, type HandoutSpec } from '../helpers/make-handout';
import { rawEntriesOf, rezipAsGb18030, writeRawZip } from '../helpers/zips';
import { entryNamed, symlinkEntry, zipBomb } from '../hostile/archives';
import { firstSpec, freshWorkspace, snapshot, UNITS } from './handout-setup';

/** Calls a channel and returns its error (the test fails when it succeeds). */
async function refusal(channel: 'handout:preview' | 'handout:import', args: object, ctx: Ctx) {
  const r = await call(channel, args, ctx).then(
    () => null,
    (e: { code: string; message: string; details?: string }) => e,
  );
  expect(r, `${channel} should have been refused`).not.toBeNull();
  return r!;
}

/**
 * Imports must refuse `file` with `code` and a message matching `message`, changing nothing at all: both the
 * preview and the import, after a first hand-out was imported (so there is state to protect).
 */
async function expectRefused(ctx: Ctx, file: string, message: RegExp, code = 'handout-refused', extra = {}) {
  const before = snapshot(ctx);
  for (const channel of ['handout:preview', 'handout:import'] as const) {
    const e = await refusal(channel, { file, ...extra }, ctx);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  }
  expect(snapshot(ctx)).toEqual(before);
}

/** A workspace that imported the first hand-out of an office whose key is returned. */
async function imported() {
  const w = await freshWorkspace();
  const key = officeKey();
  await call('handout:import', { file: (await writeHandout(w.base, firstSpec(key))).path }, w.ctx);
  return { ...w, key };
}

const second = (key: ReturnType<typeof officeKey>, over: Partial<HandoutSpec> = {}) =>
  firstSpec(key, { sequence: 2, ...over });

describe('hand-out import: refused with a clear message, nothing written', () => {
  it('a broken signature (handout.json changed after signing)', async () => {
    const { ctx, base, key } = await imported();
    const h = await writeHandout(base, {
      ...second(key),
      tamper: (items) =>
        items.map((i) =>
          i.name === 'handout.json'
            ? {
                ...i,
                bytes: Buffer.from(i.bytes.toString('utf8').replace('"collectionDay": 10', '"collectionDay": 11')),
              }
            : i,
        ),
    });
    await expectRefused(ctx, h.path, /签名验证未通过.*未导入任何内容/u);
  });

  it('a signature by a key other than the office’s named in handout.json', async () => {
    const { ctx, base, key } = await imported();
    const h = await writeHandout(base, { ...second(key), signWith: officeKey() });
    await expectRefused(ctx, h.path, /签名密钥与 handout\.json 中创城办的指纹不一致/u);
  });

  it('no handout.sig at all', async () => {
    const { ctx, base, key } = await imported();
    const h = await writeHandout(base, { ...second(key), tamper: (i) => i.filter((x) => x.name !== 'handout.sig') });
    await expectRefused(ctx, h.path, /缺少 handout\.sig/u);
  });

  it('an unlisted file', async () => {
    const { ctx, base, key } = await imported();
    const h = await writeHandout(base, {
      ...second(key),
      tamper: (i) => [...i, { name: '附件/说明.bat', bytes: Buffer.from('@echo off\n') }],
    });
    await expectRefused(ctx, h.path, /未列入清单的文件“附件\/说明\.bat”/u);
  });

  it('an altered attachment (same size, other bytes)', async () => {
    const { ctx, base, key } = await imported();
    const h = await writeHandout(base, {
      ...second(key),
      tamper: (i) =>
        i.map((x) =>
          x.name === '附件/通知.txt' ? { ...x, bytes: Buffer.from(x.bytes.toString().replace('通知', '通告')) } : x,
        ),
    });
    await expectRefused(ctx, h.path, /附件“附件\/通知\.txt”与清单记录不符/u);
  });

  it('a listed attachment missing from the zip', async () => {
    const { ctx, base, key } = await imported();
    const h = await writeHandout(base, { ...second(key), tamper: (i) => i.filter((x) => x.name !== '附件/通知.txt') });
    await expectRefused(ctx, h.path, /附件“附件\/通知\.txt”不在压缩包中/u);
  });

  it('a listed path outside 附件/', async () => {
    const { ctx, base, key } = await imported();
    const h = await writeHandout(base, {
      ...second(key),
      edit: (json) => {
        (json.files as { path: string }[])[0]!.path = '../通知.txt';
      },
    });
    await expectRefused(ctx, h.path, /路径“\.\.\/通知\.txt”不在“附件\/”下/u);
  });

  it('a sequence going backwards, and the same sequence with other content', async () => {
    const { ctx, base, key } = await imported();
    await call('handout:import', { file: (await writeHandout(base, firstSpec(key, { sequence: 3 }))).path }, ctx);
    const older = await writeHandout(base, second(key));
    await expectRefused(ctx, older.path, /第 2 号，早于已导入的第 3 号/u);
    const same = await writeHandout(base, firstSpec(key, { sequence: 3, collectionDay: 15 }), 'again.zip');
    await expectRefused(ctx, same.path, /已导入过第 3 号下发包，但这一份的内容与之不同/u);
  });

  it('another year', async () => {
    const { ctx, base, key } = await imported();
    const h = await writeHandout(base, second(key, { year: 2027 }));
    await expectRefused(ctx, h.path, /这是 2027 年度的下发包，本工作区是 2026 年度/u);
  });

  it('an unknown unit: previewed with unit null, import refused, then accepted with unitId', async () => {
    const { ctx, base } = await freshWorkspace('市文明办');
    const h = await writeHandout(base, firstSpec(officeKey()));
    const preview = (await call('handout:preview', { file: h.path }, ctx))!;
    expect(preview.unit).toBeNull();
    expect(preview.units.map((u) => u.id)).toEqual(UNITS.map((u) => u.id));
    expect(preview.requests).toMatchObject({ new: 0, skipped: [] });
    const before = snapshot(ctx);
    const e = await refusal('handout:import', { file: h.path }, ctx);
    expect([e.code, e.message]).toEqual([
      'handout-refused',
      '下发包中没有与本单位名称或别名唯一对应的单位：请选择本单位对应的名称。未导入任何内容。',
    ]);
    expect(snapshot(ctx)).toEqual(before);
    const bad = await refusal('handout:import', { file: h.path, unitId: 'u-nope' }, ctx);
    expect(bad.message).toMatch(/没有 id 为“u-nope”的单位/u);
    expect(snapshot(ctx)).toEqual(before);
    const r = (await call('handout:import', { file: h.path, unitId: 'u-health' }, ctx))!;
    expect([r.applied, r.unit, r.requests.new]).toEqual([true, { id: 'u-health', name: '市卫健委' }, 1]);
  });

  it('a different office key: refused until accepted, then recorded as changed', async () => {
    const { ctx, base, key } = await imported();
    const newKey = officeKey();
    const h = await writeHandout(base, second(newKey));
    const preview = (await call('handout:preview', { file: h.path }, ctx))!;
    expect(preview.office).toMatchObject({
      fingerprint: newKey.fingerprint,
      keyChanged: true,
      previousFingerprint: key.fingerprint,
      firstSight: false,
    });
    const before = snapshot(ctx);
    const e = await refusal('handout:import', { file: h.path }, ctx);
    expect(e.message).toContain(`指纹 ${newKey.fingerprint}`);
    expect(e.message).toContain('确认更换后再导入');
    expect(snapshot(ctx)).toEqual(before);
    const r = (await call('handout:import', { file: h.path, acceptNewKey: true }, ctx))!;
    expect(r.applied).toBe(true);
    const row = ctx.session
      .workspace!.db.prepare('SELECT fingerprint, key_changed FROM handouts ORDER BY id DESC')
      .get();
    expect(row).toEqual({ fingerprint: newKey.fingerprint, key_changed: 1 });
  });

  it('not a zip', async () => {
    const { ctx, base } = await imported();
    const file = join(base, '下发包.zip');
    writeFileSync(file, '这不是压缩包，只是改了扩展名的文本。\n');
    await expectRefused(ctx, file, /不是有效的 zip 压缩包/u);
  });

  it('a file that does not exist: an IO error (CLI exit 2), nothing written', async () => {
    const { ctx, base } = await imported();
    await expectRefused(ctx, join(base, 'nope.zip'), /找不到文件/u, 'io');
  });

  it('zip slip: an entry climbing out of the folder', async () => {
    const { ctx, base, key } = await imported();
    const h = await writeHandout(base, second(key));
    const slip = join(base, 'slip.zip');
    writeRawZip(slip, [...(await rawEntriesOf(h.path)), entryNamed('附件/../../../evil.txt')]);
    await expectRefused(ctx, slip, /“附件\/\.\.\/\.\.\/\.\.\/evil\.txt”不安全（路径含上级目录“\.\.”）/u);
  });

  it('a symbolic link entry', async () => {
    const { ctx, base, key } = await imported();
    const h = await writeHandout(base, second(key));
    const link = join(base, 'link.zip');
    writeRawZip(link, [...(await rawEntriesOf(h.path)), symlinkEntry('附件/link', '/etc/passwd')]);
    await expectRefused(ctx, link, /“附件\/link”不安全（符号链接）/u);
  });

  it('names re-zipped as GB18030 (not UTF-8)', async () => {
    const { ctx, base, key } = await imported();
    const h = await writeHandout(base, second(key));
    const gbk = join(base, 'gbk.zip');
    await rezipAsGb18030(h.path, gbk);
    await expectRefused(ctx, gbk, /文件名不是 UTF-8 编码/u);
  });

  it('a zip bomb, refused from its headers', async () => {
    const { ctx, base } = await imported();
    await expectRefused(ctx, zipBomb(join(base, 'bomb.zip'), '附件/zeros.bin', 64), /解压后过大（疑似压缩炸弹）/u);
  });

  it('a catalog in the hand-out that is not a valid catalog', async () => {
    const { ctx, base, key } = await imported();
    const h = await writeHandout(base, {
      ...second(key),
      edit: (json) => {
        const catalog = json.catalog as { nodes: unknown[] };
        json.catalog = { ...catalog, nodes: [...catalog.nodes, { code: '1.1.1', title: '重复编号' }] };
      },
    });
    await expectRefused(ctx, h.path, /下发包中的测评体系有误：.*1\.1\.1/u);
  });

  it('a failure inside the transaction leaves nothing: no rows, no folder, no new blobs', async () => {
    const { ctx, base, key } = await imported();
    const h = await writeHandout(
      base,
      second(key, { attachments: [{ name: '新通知.txt', bytes: Buffer.from('只在第二份下发包里的附件\n') }] }),
    );
    // A real failure of SQLite half-way through the import's transaction (after the catalog, before the key dates).
    const db = ctx.session.workspace!.db;
    db.exec("CREATE TRIGGER boom BEFORE INSERT ON key_dates BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    const before = snapshot(ctx);
    const e = await refusal('handout:import', { file: h.path }, ctx);
    expect(e.code).toBe('internal');
    expect(snapshot(ctx)).toEqual(before);
    db.exec('DROP TRIGGER boom');
    // What an import killed half-way would have left: removed by the next one.
    const leftover = join(ctx.session.workspace!.dir, 'handouts', '.2.importing-0badf00d', '附件');
    mkdirSync(leftover, { recursive: true });
    writeFileSync(join(leftover, '半个文件.txt'), '…');
    expect((await call('handout:import', { file: h.path }, ctx))!.applied).toBe(true);
    expect(snapshot(ctx).files).toContain(join('2', '附件', '新通知.txt'));
    expect(snapshot(ctx).files.filter((f) => f.includes('importing'))).toEqual([]);
  });

  it('a request for an unknown criterion is listed and skipped, the rest applied', async () => {
    const { ctx, base, key } = await imported();
    const h = await writeHandout(
      base,
      second(key, {
        requests: [
          { id: 'r7', unitId: 'u-edu', criterionCode: '8.8', month: '2026-06', text: '未知标准' },
          {
            id: 'r8',
            unitId: 'u-edu',
            criterionCode: '1.1.2',
            month: '2026-06',
            text: '6月情况说明',
            kind: '情况说明',
          },
          { id: 'r9', unitId: 'u-edu', criterionCode: '1.1.2', month: '2026-06', text: '未知类型', kind: '照片墙' },
        ],
      }),
    );
    const r = (await call('handout:import', { file: h.path }, ctx))!;
    expect(r.requests.skipped).toEqual([
      { id: 'r7', criterionCode: '8.8', reason: '测评标准 8.8 不在下发的测评体系中' },
      { id: 'r9', criterionCode: '1.1.2', reason: '材料类型“照片墙”无法识别' },
    ]);
    expect(r.requests.new).toBe(1);
    const rows = listRequests(ctx.session.workspace!.db).map((x) => [x.id, x.kind, x.due]);
    expect(rows).toContainEqual(['r8', 'statement', '2026-07-10']);
    expect(rows.map((x) => x[0])).not.toContain('r7');
  });

  it('due dates already past are imported as they are (overdue on the fixed clock), a collection day of 31 clamps', async () => {
    const { ctx, base } = await freshWorkspace();
    const h = await writeHandout(
      base,
      firstSpec(officeKey(), {
        collectionDay: 31,
        requests: [
          { id: 'p1', unitId: 'u-edu', criterionCode: '1.1.1', month: '2026-01', text: '1月（二月没有31日）' },
          { id: 'p2', unitId: 'u-edu', criterionCode: '1.1.1', month: '2026-03', text: '3月', due: '2026-04-05' },
          { id: 'p3', unitId: 'u-edu', criterionCode: '1.1.1', month: '2026-05', text: '5月' },
        ],
      }),
    );
    await call('handout:import', { file: h.path }, ctx);
    const today = '2026-05-20'; // the test platform's clock
    const rows = listRequests(ctx.session.workspace!.db).map((r) => ({ id: r.id, due: r.due, past: r.due < today }));
    expect(rows).toEqual([
      { id: 'p1', due: '2026-02-28', past: true },
      { id: 'p2', due: '2026-04-05', past: true },
      { id: 'p3', due: '2026-06-30', past: false },
    ]);
  });
});
