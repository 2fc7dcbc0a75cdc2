import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { listKeyDates } from '../../electron/core/collection/key-dates-repo';
import { listRequests } from '../../electron/core/collection/requests-repo';
import { FIXTURES } from '../helpers/ctx';
import { officeKey, writeHandout } from '../helpers/make-handout';
import { firstSpec, freshWorkspace, snapshot } from './handout-setup';

const mineLeaves = async (ctx: Parameters<typeof call>[2]) =>
  (await call('catalog:list', {}, ctx)).criteria
    .filter((c) => c.leaf && !c.removed && c.mine)
    .map((c) => c.code)
    .sort();

describe('hand-out import: the happy path', () => {
  it('previews without writing, then applies catalog, scope, requests, key dates, period and collection day', async () => {
    const { ctx, base } = await freshWorkspace();
    const key = officeKey();
    const written = await writeHandout(base, firstSpec(key));
    const before = snapshot(ctx);

    const preview = (await call('handout:preview', { file: written.path }, ctx))!;
    expect(snapshot(ctx)).toEqual(before); // the preview writes nothing
    expect(preview.office).toEqual({
      id: 'office-1',
      name: '示例市创城办',
      fingerprint: key.fingerprint,
      firstSight: true,
      keyChanged: false,
      previousFingerprint: null,
    });
    expect(preview.unit).toEqual({ id: 'u-edu', name: '市教育局' }); // matched by the workspace's unit name
    expect(preview.collectionDay).toBe(10);
    expect(preview.catalog.added).toEqual([
      '1',
      '1.1',
      '1.1.1',
      '1.1.2',
      '1.2',
      '1.2.1',
      '1.2.2',
      '3',
      '3.3',
      '3.3.4',
      '3.3.5',
    ]);
    expect([preview.catalog.changed, preview.catalog.removed]).toEqual([[], []]);
    // The canonical hash of the catalog object, computed here with the RFC 8785 library on its own.
    const catalogHash = createHash('sha256').update(canonicalize(written.json.catalog)!).digest('hex');
    expect(preview.catalog.sha256).toBe(catalogHash);
    expect(preview.scope).toEqual({ added: ['1.1.1', '1.2.1', '1.2.2'], removed: [] });
    expect(preview.requests).toEqual({
      new: 2,
      updated: 0,
      closed: 0,
      skipped: [
        { id: 'r3', criterionCode: '9.9.9', reason: '测评标准 9.9.9 不在下发的测评体系中' },
        { id: 'r5', criterionCode: '1.1', reason: '1.1 不是末级测评标准（下面还有具体标准）' },
        { id: 'r6', criterionCode: '1.1.2', reason: '月份 2026-12 不在测评周期（2025-11-01 至 2026-10-31）内' },
      ],
    });
    expect(preview.keyDates).toBe(2);
    expect(preview.files).toEqual([
      { path: '附件/通知.txt', bytes: Buffer.byteLength('关于做好2026年网上申报材料月收集工作的通知\n') },
      { path: '附件/模板/情况说明模板.txt', bytes: Buffer.byteLength('情况说明（模板）\n一、基本情况\n') },
    ]);

    const imported = (await call('handout:import', { file: written.path }, ctx))!;
    expect(imported.applied).toBe(true);
    expect({ ...imported, applied: undefined }).toEqual({ ...preview, applied: undefined });

    const ws = ctx.session.workspace!;
    expect(await mineLeaves(ctx)).toEqual(['1.1.1', '1.2.1', '1.2.2']);
    const info = (await call('workspace:current', {}, ctx))!;
    expect([info.period, info.collectionDay]).toEqual([{ start: '2025-11-01', end: '2026-10-31' }, 10]);
    expect(ws.db.prepare('SELECT sha256, source_name FROM catalog_versions').all()).toEqual([
      { sha256: catalogHash, source_name: `${written.path.split('/').pop()}（示例市创城办第 1 号下发）` },
    ]);
    // r1's due date: the collection day (10) of the month after May; r2 keeps the office's own (already past).
    expect(
      listRequests(ws.db).map((r) => [r.id, r.source, r.criterionCode, r.month, r.kind, r.min, r.due, r.closedAt]),
    ).toEqual([
      ['r2', 'office', '1.2.1', '2026-04', null, null, '2026-05-05', null],
      ['r1', 'office', '1.1.1', '2026-05', 'photo', 4, '2026-06-10', null],
    ]);
    expect(listKeyDates(ws.db).map((d) => [d.date, d.title, d.criterionCodes, d.note, d.source])).toEqual([
      ['2026-05-22', '宣讲月', ['1.1.1'], null, 'office'],
      ['2026-06-05', '世界环境日', ['3.3.4'], '活动当天留存现场照片', 'office'],
    ]);
    const audit = ws.db.prepare("SELECT details FROM audit_log WHERE action = 'handout.import'").pluck().all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0] as string)).toMatchObject({ sequence: 1, unitId: 'u-edu', firstSight: true });

    // The hand-out on record, its attachments kept in the workspace (and as blobs), handout.json verbatim.
    const status = (await call('handout:status', {}, ctx))!;
    expect(status).toMatchObject({ sequence: 1, unit: { id: 'u-edu', name: '市教育局' } });
    expect(status.office.fingerprint).toBe(key.fingerprint);
    expect(status.attachments.map((a) => a.path)).toEqual([
      join(ws.dir, 'handouts', '1', '附件', '通知.txt'),
      join(ws.dir, 'handouts', '1', '附件', '模板', '情况说明模板.txt'),
    ]);
    expect(readFileSync(status.attachments[0]!.path, 'utf8')).toBe('关于做好2026年网上申报材料月收集工作的通知\n');
    expect(readFileSync(join(ws.dir, 'handouts', '1', 'handout.json'))).toEqual(written.bytes);
    expect(readFileSync(ws.store.path(createHash('sha256').update(written.bytes).digest('hex')))).toEqual(
      written.bytes,
    );
    // A folder lost (a workspace restored from a backup, which carries blobs): status puts the files back.
    rmSync(join(ws.dir, 'handouts'), { recursive: true });
    const again = (await call('handout:status', {}, ctx))!;
    expect(readFileSync(again.attachments[1]!.path, 'utf8')).toBe('情况说明（模板）\n一、基本情况\n');
  });

  it('a second hand-out closes a request, updates another, moves the scope and keeps the officer’s own choices', async () => {
    const { ctx, base } = await freshWorkspace();
    const key = officeKey();
    const spec = firstSpec(key);
    await call('handout:import', { file: (await writeHandout(base, spec)).path }, ctx);
    // The officer's own scope: 1.1.1 not theirs after all, 3.3.4 theirs too; an assignee on an office request.
    await call('criteria:scope', { codes: ['1.1.1'], mine: false }, ctx);
    await call('criteria:scope', { codes: ['3.3.4'], mine: true }, ctx);
    ctx.session.workspace!.db.prepare("UPDATE requests SET assignee = '王老师' WHERE id = 'r2'").run();

    const second = await writeHandout(base, {
      ...spec,
      sequence: 2,
      issuedAt: '2026-06-01T09:00:00+08:00',
      // 1.2 is no longer the unit's; 1.1.2 now is; 1.1.1 unchanged.
      assignments: [
        { unitId: 'u-edu', criterionCode: '1.1.1', role: 'lead' },
        { unitId: 'u-edu', criterionCode: '1.1.2', role: 'lead' },
      ],
      requests: [
        ...spec.requests!.slice(0, 1),
        { ...spec.requests![1]!, text: '4月志愿服务图片（补交）', due: '2026-05-31' },
      ],
      closed: [{ requestId: 'r1', closedAt: '2026-06-01T08:00:00+08:00', note: '已收到 5月月报' }],
      keyDates: [{ date: '2026-07-01', title: '建党节', criterionCodes: ['1.1.1'] }],
    });
    const preview = (await call('handout:preview', { file: second.path }, ctx))!;
    expect(preview.office.firstSight).toBe(false);
    expect(preview.catalog).toMatchObject({ added: [], changed: [], removed: [] });
    expect(preview.scope).toEqual({ added: ['1.1.2'], removed: ['1.2.1', '1.2.2'] });
    expect(preview.requests).toMatchObject({ new: 0, updated: 1, closed: 1 });

    const r = (await call('handout:import', { file: second.path }, ctx))!;
    expect(r.applied).toBe(true);
    const ws = ctx.session.workspace!;
    expect(await mineLeaves(ctx)).toEqual(['1.1.2', '3.3.4']); // 1.1.1: still the officer's "not mine"
    expect(ws.db.prepare('SELECT COUNT(*) FROM catalog_versions').pluck().get()).toBe(1); // same catalog hash
    const rows = Object.fromEntries(listRequests(ws.db).map((x) => [x.id, x]));
    expect(rows.r1).toMatchObject({
      closedBy: 'office',
      closedAt: '2026-06-01T08:00:00+08:00',
      note: '已收到 5月月报',
    });
    expect(rows.r2).toMatchObject({
      text: '4月志愿服务图片（补交）',
      due: '2026-05-31',
      assignee: '王老师',
      closedAt: null,
    });
    expect(listKeyDates(ws.db).map((d) => d.title)).toEqual(['建党节']); // the office's list, replaced whole

    // The same hand-out again: nothing to change, nothing written.
    const before = snapshot(ctx);
    const twice = (await call('handout:import', { file: second.path }, ctx))!;
    expect(twice.applied).toBe(false);
    expect([twice.requests.new, twice.requests.updated, twice.requests.closed, twice.scope.added]).toEqual([
      0,
      0,
      0,
      [],
    ]);
    expect(snapshot(ctx)).toEqual(before);
  });

  it('a catalog removing criteria that hold materials keeps them under 已删除的标准, materials still listed', async () => {
    const { ctx, base } = await freshWorkspace();
    const key = officeKey();
    const spec = firstSpec(key);
    await call('handout:import', { file: (await writeHandout(base, spec)).path }, ctx);
    const attached = await call(
      'materials:attach',
      { criterionCode: '1.2.2', paths: [join(FIXTURES, 'photos', 'Canon_40D.jpg')] },
      ctx,
    );
    expect(attached.results[0]!.status).toBe('added');

    // 1.2.2 is gone from the office's next edition; 1.2.1's title changes.
    const nodes = structuredClone(spec.nodes);
    const group = nodes[0]!.children![1]!;
    group.children = [{ ...group.children![0]!, title: '志愿服务活动（含学雷锋）' }];
    const second = await writeHandout(base, { ...spec, sequence: 2, nodes, edition: '2026修订' });
    const preview = (await call('handout:preview', { file: second.path }, ctx))!;
    expect(preview.catalog).toMatchObject({
      edition: '2026修订',
      added: [],
      changed: ['1.2.1'],
      removed: ['1.2.2'],
      removedWithMaterials: ['1.2.2'],
    });
    await call('handout:import', { file: second.path }, ctx);
    const removed = (await call('catalog:list', {}, ctx)).criteria.find((c) => c.code === '1.2.2')!;
    expect(removed.removed).toBe(true);
    const materials = (await call('materials:list', { criterionCode: '1.2.2' }, ctx)).materials;
    expect(materials.map((m) => m.id)).toEqual([attached.results[0]!.materialId]);
    expect(ctx.session.workspace!.db.prepare('SELECT COUNT(*) FROM catalog_versions').pluck().get()).toBe(2);
  });

  it('takes the hand-out’s unit on record next time, and a later catalog file import keeps the office’s scope', async () => {
    const { ctx, base } = await freshWorkspace('教育局机关'); // a name the hand-out does not list
    const key = officeKey();
    const file = (await writeHandout(base, firstSpec(key))).path;
    expect((await call('handout:preview', { file }, ctx))!.unit).toBeNull();
    await call('handout:import', { file, unitId: 'u-edu' }, ctx);
    const next = await writeHandout(base, firstSpec(key, { sequence: 2 }));
    expect((await call('handout:preview', { file: next.path }, ctx))!.unit).toEqual({ id: 'u-edu', name: '市教育局' });

    // The same catalog as a plain catalog file: the unit's name matches none of its units, yet the scope stays
    // the office's assignment (not "everything", as name matching would fall back to).
    const catalogFile = join(base, 'catalog.json');
    await import('node:fs').then((fs) =>
      fs.writeFileSync(catalogFile, JSON.stringify({ ...(next.json.catalog as object), edition: '2026b' })),
    );
    await call('catalog:import', { file: catalogFile }, ctx);
    expect(await mineLeaves(ctx)).toEqual(['1.1.1', '1.2.1', '1.2.2']);
    await call('workspace:update', { unit: '教育局机关（新）' }, ctx);
    expect(await mineLeaves(ctx)).toEqual(['1.1.1', '1.2.1', '1.2.2']);
  });

  it('reads only a file the user picked or dropped; without one, asks, and a cancelled dialog is null', async () => {
    const { ctx, base, answerFile } = await freshWorkspace();
    const h = await writeHandout(base, firstSpec(officeKey()));
    ctx.trusted = false; // as the renderer's IPC is
    await expect(call('handout:preview', { file: h.path }, ctx)).rejects.toMatchObject({ code: 'path-not-allowed' });
    answerFile(null);
    expect(await call('handout:import', {}, ctx)).toBeNull();
    answerFile(h.path); // picked in the dialog: granted from then on
    expect((await call('handout:preview', {}, ctx))!.sequence).toBe(1);
    expect((await call('handout:import', { file: h.path }, ctx))!.applied).toBe(true);
  });
});
