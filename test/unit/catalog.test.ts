import { describe, expect, it } from 'vitest';
import { buildCatalog, parseMethods, parsePoints, splitUnits } from '@shared/domain/catalog';
import type { CatalogFile } from '@shared/schemas/catalog-file';

const file = (nodes: CatalogFile['nodes']): CatalogFile => ({
  format: 'wangbao-catalog',
  formatVersion: 1,
  edition: 't',
  nodes,
});

describe('buildCatalog', () => {
  it('derives codes and levels from nesting and local numbering', () => {
    const b = buildCatalog(
      file([
        {
          label: '一、',
          title: '项目',
          methods: '网上申报',
          children: [
            { label: '（一）', title: '内容', children: [{ label: '1.', title: '标准甲' }, { title: '标准乙' }] },
            { label: '（二）', title: '内容二', children: [{ label: '1)', title: '子标准', methods: ['field'] }] },
          ],
        },
      ]),
    );
    expect(b.errors).toEqual([]);
    expect(b.nodes.map((n) => [n.code, n.level, n.parentCode])).toEqual([
      ['1', 1, null],
      ['1.1', 2, '1'],
      ['1.1.1', 3, '1.1'],
      ['1.1.2', 3, '1.1'],
      ['1.2', 2, '1'],
      ['1.2.1', 3, '1.2'],
    ]);
    expect(b.nodes[2]!.needsMaterial).toBe(true); // methods inherited from the 项目
    expect(b.nodes[5]!.methods).toEqual(['field']);
    expect(b.nodes[5]!.needsMaterial).toBe(false);
  });

  it('with no method known at all, a standard that writes 材料要求 needs material, one that does not does not', () => {
    const b = buildCatalog(
      file([
        { title: '项目', children: [{ title: '有要求', requirements: '实景图片不少于3张' }, { title: '无要求' }] },
      ]),
    );
    expect(b.nodes.slice(1).map((n) => [n.title, n.needsMaterial])).toEqual([
      ['有要求', true],
      ['无要求', false],
    ]);
  });

  it('reads a flat table with parent references', () => {
    const b = buildCatalog(
      file([
        { code: 'Ⅲ', title: '三' },
        { code: 'Ⅲ—3', title: '三之三', parent: 'III' },
        { label: '1)', title: '子', parent: 'III-3' },
      ]),
    );
    expect(b.errors).toEqual([]);
    expect(b.nodes.map((n) => n.code)).toEqual(['III', 'III-3', 'III-3.1']);
    expect(b.nodes[2]!.level).toBe(3);
  });

  it('keeps 序号 as seq, not as the code', () => {
    const b = buildCatalog(
      file([
        { seq: 17, title: '甲' },
        { seq: '18', title: '乙' },
      ]),
    );
    expect(b.nodes.map((n) => [n.code, n.seq])).toEqual([
      ['1', '17'],
      ['2', '18'],
    ]);
  });

  it('reports duplicate codes as errors', () => {
    const b = buildCatalog(
      file([
        { code: '1.1', title: 'a' },
        { code: '１.１', title: 'b' },
      ]),
    );
    expect(b.errors).toHaveLength(1);
    expect(b.errors[0]).toContain('1.1');
  });

  it('reports a parent cycle as an error and an unknown parent as skipped', () => {
    const b = buildCatalog(
      file([
        { code: 'A', title: 'a', parent: 'B' },
        { code: 'B', title: 'b', parent: 'A' },
        { code: 'C', title: 'c', parent: 'Z' },
        { code: 'D', title: 'd', parent: 'C' },
        { code: 'E', title: 'e' },
      ]),
    );
    expect(b.errors.join()).toContain('循环');
    expect(b.skipped).toEqual([
      { row: 3, reason: '上级编号“Z”不存在' },
      { row: 4, reason: '其上级未能导入' },
    ]);
    expect(b.nodes.map((n) => n.code)).toEqual(['E']);
  });

  it('skips a node with neither code nor title', () => {
    const b = buildCatalog(file([{ title: '甲' }, { text: '只有正文' }]));
    expect(b.skipped).toEqual([{ row: 2, reason: '既无编号也无标题，无法确定是哪一条标准' }]);
  });

  it('normalises loose fields and inherits units and schedule', () => {
    const b = buildCatalog(
      file([
        {
          title: '内容',
          leadUnit: '市文明办',
          responsibleUnits: '市教育局、市卫健委，团市委',
          deadline: '每月5日前',
          children: [
            {
              title: '标准',
              methods: '实地考察、网上申报',
              points: '１.５分',
              requirements: '实景图片不少于10张；相关文件',
            },
            { title: '另一条', deadline: '2025年10月31日前', responsibleUnits: [] },
          ],
        },
      ]),
    );
    const [, a, c] = b.nodes;
    expect(a).toMatchObject({
      methods: ['field', 'online'],
      needsMaterial: true,
      points: 1.5,
      leadUnit: '市文明办',
      responsibleUnits: ['市教育局', '市卫健委', '团市委'],
      deadline: '每月5日前',
      frequency: 'monthly',
      dueDate: null,
    });
    expect(a!.requirements.map((r) => [r.kind, r.min])).toEqual([
      ['photo', 10],
      ['document', 1],
    ]);
    expect(c).toMatchObject({ dueDate: '2025-10-31', frequency: null, leadUnit: null, responsibleUnits: [] });
  });

  it('handles 10,000 nodes', () => {
    const nodes = Array.from({ length: 100 }, (_, i) => ({
      title: `项目${i}`,
      children: Array.from({ length: 99 }, (_, j) => ({ title: `标准${i}-${j}`, methods: 'online' })),
    }));
    const b = buildCatalog(file(nodes));
    expect(b.nodes).toHaveLength(10_000);
    expect(b.errors).toEqual([]);
    expect(b.nodes.at(-1)!.code).toBe('100.99');
  });
});

describe('loose field parsers', () => {
  it('reads points', () => {
    expect(parsePoints('2分')).toBe(2);
    expect(parsePoints('１.５')).toBe(1.5);
    expect(parsePoints(3)).toBe(3);
    expect(parsePoints('——')).toBeNull();
    expect(parsePoints(undefined)).toBeNull();
  });
  it('reads methods by id, label or alias and drops unknown words', () => {
    expect(parseMethods('实地考察、网上申报(材料审核)')).toEqual(['field', 'online']);
    expect(parseMethods(['survey', '材料审核', '其他方式'])).toEqual(['survey', 'online']);
  });
  it('splits unit lists', () =>
    expect(splitUnits('市教育局、 市卫健委,团市委')).toEqual(['市教育局', '市卫健委', '团市委']));
});
