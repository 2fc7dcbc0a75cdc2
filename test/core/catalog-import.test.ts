import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import type { AppError } from '@shared/ipc/errors';
import { DEMO_CATALOG, testCtx } from '../helpers/ctx';
import { generatedCatalog, writeCatalog } from '../helpers/catalog';
import { tmpDir } from '../helpers/tmp';

async function openWorkspace(unit = '市教育局') {
  const base = tmpDir();
  const t = testCtx(base);
  await call('workspace:create', { dir: join(base, 'ws'), unit, year: 2026 }, t.ctx);
  return { ...t, base };
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: AppError) => e,
  );

describe('catalog import', () => {
  it('imports the demo catalog: ≥ 40 leaves over 3–4 levels, mine preselected from the unit', async () => {
    const { ctx } = await openWorkspace();
    const r = await call('catalog:import', { file: DEMO_CATALOG }, ctx);
    expect(r).toMatchObject({ edition: '2026示例', skipped: [], removedCodes: [] });
    expect(r!.leaves).toBeGreaterThanOrEqual(40);
    const { criteria } = await call('catalog:list', {}, ctx);
    expect(criteria).toHaveLength(r!.nodes);
    expect(new Set(criteria.map((c) => c.level))).toEqual(new Set([1, 2, 3, 4]));
    const c = criteria.find((x) => x.code === '3.1.2')!;
    expect(c).toMatchObject({
      title: '劳动教育与研学实践',
      parentCode: '3.1',
      label: '2.',
      level: 3,
      methods: ['online'],
      points: 1.5,
      needsMaterial: true,
      leadUnit: '市教育局',
      deadline: '每月5日前',
      frequency: 'monthly',
      mine: true,
      leaf: true,
      status: 'not-started',
    });
    // 市直各单位 reaches 市教育局 (a 市直单位) as a collective; 各区人民政府 does not.
    expect(criteria.find((x) => x.code === '1.1.1')!.mine).toBe(true);
    expect(criteria.find((x) => x.code === '1.1.3')!.mine).toBe(false);
    expect(criteria.find((x) => x.code === '5.1.1')!.status).toBe('not-applicable');
    expect(criteria.find((x) => x.code === '4.3.1.2')!.level).toBe(4);
  });

  it('re-import keeps criteria by code, keeps the user choice of mine, marks vanished codes removed', async () => {
    const { ctx, base } = await openWorkspace();
    const v1 = writeCatalog(base, [
      {
        code: '1',
        title: '甲',
        children: [
          { code: '1.1', title: '旧', leadUnit: '市卫健委', methods: 'online' },
          { code: '1.2', title: '留', methods: 'online', leadUnit: '市教育局' },
        ],
      },
    ]);
    await call('catalog:import', { file: v1 }, ctx);
    await call('criteria:scope', { codes: ['1.1'], mine: true }, ctx);
    const v2 = writeCatalog(
      base,
      [
        {
          code: '1',
          title: '甲',
          children: [
            { code: '1.2', title: '留（新版）', methods: 'online' },
            { code: '1.3', title: '新', methods: 'online' },
          ],
        },
      ],
      '2027',
      'v2.json',
    );
    const r = await call('catalog:import', { file: v2 }, ctx);
    expect(r!.removedCodes).toEqual(['1.1']);
    const { criteria } = await call('catalog:list', {}, ctx);
    const by = new Map(criteria.map((c) => [c.code, c]));
    expect(by.get('1.1')).toMatchObject({ removed: true, mine: true, mineSetByUser: true });
    expect(by.get('1.2')).toMatchObject({ removed: false, title: '留（新版）' });
    expect(criteria.at(-1)!.code).toBe('1.1');
    expect((await call('workspace:current', {}, ctx))!.catalog!.edition).toBe('2027');
  });

  it('refuses bad files with a Chinese message and writes nothing', async () => {
    const { ctx, base } = await openWorkspace();
    const notJson = join(base, 'bad.json');
    writeFileSync(notJson, '{"format": "wangbao-catalog", ');
    const wrongSchema = join(base, 'schema.json');
    writeFileSync(
      wrongSchema,
      JSON.stringify({ format: 'wangbao-catalog', formatVersion: 1, edition: '1', nodes: [{ title: 5 }] }),
    );
    const dup = writeCatalog(
      base,
      [
        { code: '1', title: 'a' },
        { code: '１', title: 'b' },
      ],
      '1',
      'dup.json',
    );
    const cycle = writeCatalog(
      base,
      [
        { code: 'A', title: 'a', parent: 'B' },
        { code: 'B', title: 'b', parent: 'A' },
      ],
      '1',
      'cycle.json',
    );
    const xlsx = join(base, '台账.xlsx');
    writeFileSync(xlsx, 'PK');
    const cases: [string, RegExp][] = [
      [notJson, /不是有效的 JSON/u],
      [wrongSchema, /格式不对.*nodes → 第 1 项 → title/u],
      [dup, /编号“1”重复/u],
      [cycle, /循环引用/u],
      [xlsx, /不是表格/u],
    ];
    for (const [file, message] of cases) {
      const e = await failure(call('catalog:import', { file }, ctx));
      expect(e.code).toBe('catalog-invalid');
      expect(e.message).toMatch(message);
    }
    expect((await call('catalog:list', {}, ctx)).criteria).toEqual([]);
    expect((await call('workspace:current', {}, ctx))!.catalog).toBeNull();
  });

  it('imports 10,000 nodes in one transaction', async () => {
    const { ctx, base } = await openWorkspace();
    const nodes = Array.from({ length: 100 }, (_, i) => ({
      title: `项目${i}`,
      children: Array.from({ length: 99 }, (_, j) => ({ title: `标准${j}`, methods: 'online', leadUnit: '市教育局' })),
    }));
    const r = await call('catalog:import', { file: writeCatalog(base, nodes) }, ctx);
    expect(r).toMatchObject({ nodes: 10_000, leaves: 9_900 });
    expect((await call('catalog:list', {}, ctx)).criteria).toHaveLength(10_000);
  });

  it('scope sets mine on a subtree, and changes nothing when a code is unknown', async () => {
    const { ctx, base } = await openWorkspace('市财政局');
    await call('catalog:import', { file: writeCatalog(base, generatedCatalog(12)) }, ctx);
    const before = (await call('catalog:list', {}, ctx)).criteria;
    expect(before.every((c) => c.mine)).toBe(true); // nothing matches 市财政局: everything preselected
    expect(await call('criteria:scope', { codes: ['1.1', 'nope'], mine: false }, ctx)).toEqual({
      updated: [],
      unknown: ['nope'],
    });
    const r = await call('criteria:scope', { codes: ['１.１'], mine: false }, ctx);
    expect(r.updated.sort()).toEqual(['1.1', '1.1.1', '1.1.2', '1.1.3', '1.1.4', '1.1.5']);
    const after = (await call('catalog:list', {}, ctx)).criteria;
    expect(
      after
        .filter((c) => !c.mine)
        .map((c) => c.code)
        .sort(),
    ).toEqual(r.updated.sort());
  });
});
