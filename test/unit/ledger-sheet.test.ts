import { describe, expect, it } from 'vitest';
import { columnIndex, columnLetter, fieldOfHeader } from '@shared/domain/ledger-sheet/fields';
import type { SheetGrid } from '@shared/domain/ledger-sheet/grid';
import { guessMapping } from '@shared/domain/ledger-sheet/mapping';
import { sheetToCatalog } from '@shared/domain/ledger-sheet/sheet-to-catalog';
import { splitLabel, titleOf } from '@shared/domain/ledger-sheet/split-label';

/** A grid from rows of strings; `=` repeats the cell above as part of the same merge. */
function grid(rows: string[][]): SheetGrid {
  const out: SheetGrid = { name: 's', rows: [] };
  rows.forEach((row, r) =>
    out.rows.push(
      row.map((text, c) => {
        if (text === '=') return { ...out.rows[r - 1]![c]! };
        return { text, master: `${columnLetter(c)}${r + 1}` };
      }),
    ),
  );
  return out;
}

describe('splitLabel', () => {
  it.each([
    ['一、理想信念教育', '一、', '理想信念教育'],
    ['（一）学校德育', '（一）', '学校德育'],
    ['(3) 文明交通', '(3)', '文明交通'],
    ['1.党委学习', '1.', '党委学习'],
    ['１．基层宣讲', '１．', '基层宣讲'],
    ['1.2.3 标准', '1.2.3', '标准'],
    ['Ⅲ—3 志愿服务', 'Ⅲ—3', '志愿服务'],
    ['2)公益广告', '2)', '公益广告'],
    ['①垃圾分类', '①', '垃圾分类'],
  ])('%s', (cell, label, rest) => expect(splitLabel(cell)).toEqual({ label, rest }));
  it('leaves text without numbering alone, including numbers that are content', () => {
    expect(splitLabel('理想信念教育')).toEqual({ label: undefined, rest: '理想信念教育' });
    expect(splitLabel('12345热线')).toEqual({ label: undefined, rest: '12345热线' });
    expect(splitLabel('2.5万人参与')).toEqual({ label: undefined, rest: '2.5万人参与' });
    expect(splitLabel('1.2 标准')).toEqual({ label: '1.2', rest: '标准' });
  });
  it('titles a long standard by its first sentence', () => {
    expect(titleOf('开展活动。留存材料。')).toBe('开展活动');
    expect(titleOf('长'.repeat(80))).toHaveLength(60);
  });
});

describe('sheet columns', () => {
  it('recognises headers as printed', () => {
    expect(fieldOfHeader('测评\n方法')).toBe('methods');
    expect(fieldOfHeader(' 分 值 ')).toBe('points');
    expect(fieldOfHeader('材料要求（网报）')).toBe('requirements');
    expect(fieldOfHeader('备注')).toBeUndefined();
  });
  it('converts column letters both ways', () => {
    expect([0, 25, 26, 51, 52].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA']);
    expect(['A', 'z', 'AA', 'BA'].map(columnIndex)).toEqual([0, 25, 26, 52]);
    expect(columnIndex('测评')).toBeUndefined();
  });
});

describe('sheetToCatalog', () => {
  it('reads upper levels merged or left blank, and skips rows it cannot place', () => {
    const g = grid([
      ['台账', '', ''],
      ['测评项目', '测评标准', '分值'],
      ['一、甲', '1.一', '1'],
      ['=', '2.二', '2'],
      ['', '3.三', '3'],
      ['二、乙', '1.四', '4'],
      ['', '', '备注'],
    ]);
    g.rows[0] = [
      { text: '台账', master: 'A1' },
      { text: '台账', master: 'A1' },
      { text: '台账', master: 'A1' },
    ];
    const m = guessMapping(g)!;
    expect(m).toEqual({ headerRow: 2, columns: { level1: 0, level3: 1, points: 2 } });
    const { nodes, skipped, title } = sheetToCatalog(g, m);
    expect(title).toBe('台账');
    expect(nodes.map((n) => [n.title, n.children?.map((c) => [c.label, c.title, c.points, c.row])])).toEqual([
      [
        '甲',
        [
          ['1.', '一', '1', 3],
          ['2.', '二', '2', 4],
          ['3.', '三', '3', 5],
        ],
      ],
      ['乙', [['1.', '四', '4', 6]]],
    ]);
    expect(skipped).toEqual([{ row: 7, reason: '没有测评项目、测评内容或测评标准，无法放入目录' }]);
  });
});
