import { describe, expect, it } from 'vitest';
import { extensionOf, planPackagePaths, type PathInput } from '@shared/domain/naming/package-paths';
import { MAX_PATH, MAX_SEGMENT, safeSegment } from '@shared/domain/naming/segment';

describe('safeSegment (PACKAGE-FORMAT.md path rules)', () => {
  it.each([
    ['a\\b/c:d*e?f"g<h>i|j', 'a_b_c_d_e_f_g_h_i_j', ['characters']],
    ['会议纪要\u0007', '会议纪要_', ['characters']],
    ['方案. . ', '方案', ['trailing']],
    ['CON', '_CON', ['reserved']],
    ['com1.txt', '_com1.txt', ['reserved']],
    ['LPT9', '_LPT9', ['reserved']],
    ['CONSOLE', 'CONSOLE', []],
    ['...', '_', ['trailing', 'empty']],
    ['正常的名字', '正常的名字', []],
  ])('%j → %j', (input, text, changes) => {
    expect(safeSegment(input)).toEqual({ text, changes });
  });
  it('is NFC and never longer than 60 UTF-16 units, without splitting a surrogate pair', () => {
    expect(safeSegment('e\u0301').text).toBe('\u00e9');
    const long = safeSegment('很'.repeat(80));
    expect(long).toEqual({ text: '很'.repeat(MAX_SEGMENT), changes: ['shortened'] });
    const rare = safeSegment(`${'a'.repeat(59)}𠀀b`);
    expect(rare.text).toBe('a'.repeat(59));
  });
  it('replaces C1 controls, bidi overrides and zero-width characters, so a name reads as what it is', () => {
    expect(safeSegment('报告\u202egpj.exe.txt')).toEqual({ text: '报告_gpj.exe.txt', changes: ['characters'] });
    expect(safeSegment('总结\u0085报告').text).toBe('总结_报告');
    expect(safeSegment('\u2066照片\u2069\u200b\u200e\ufeff.jpg').text).toBe('_照片____.jpg');
    expect(safeSegment('方案\u061c\u00ad.pdf').text).toBe('方案__.pdf');
  });

  it('trims a trailing dot that shortening exposes', () => {
    expect(safeSegment(`${'字'.repeat(59)}.后面`).text).toBe('字'.repeat(59));
  });
});

describe('planPackagePaths', () => {
  const item = (id: string, code: string, title: string, over: Partial<PathInput> = {}): PathInput => ({
    id,
    criterionCode: code,
    criterionTitle: '基层宣讲',
    title,
    ext: 'jpg',
    ...over,
  });
  it('lays out 材料/{code}_{title}/{seq:02}_{title}.{ext}, numbering per criterion', () => {
    const p = planPackagePaths([
      item('a', '1.1.2', '宣讲现场'),
      item('b', '1.1.2', '宣讲现场'),
      item('c', '3', '方案', { ext: 'pdf' }),
    ]);
    expect([...p.values()].map((x) => x.path)).toEqual([
      '材料/1.1.2_基层宣讲/01_宣讲现场.jpg',
      '材料/1.1.2_基层宣讲/02_宣讲现场.jpg',
      '材料/3_基层宣讲/01_方案.pdf',
    ]);
    expect([...p.values()].every((x) => x.changes.length === 0)).toBe(true);
  });
  it('shortens a long criterion title silently, a long material title with a change', () => {
    const p = planPackagePaths([item('a', 'Ⅲ—3', '现'.repeat(70), { criterionTitle: '标'.repeat(90) })]).get('a')!;
    const [, folder, file] = p.path.split('/');
    expect(folder).toHaveLength(MAX_SEGMENT);
    expect(file!.length).toBeLessThanOrEqual(MAX_SEGMENT);
    expect(file).toMatch(/^01_现+\.jpg$/u);
    expect(p.path.length).toBeLessThanOrEqual(MAX_PATH);
    expect(p.changes).toEqual(['shortened']);
  });
  it('keeps folders unique after case folding', () => {
    const p = planPackagePaths([
      item('a', 'A.1', '图', { criterionTitle: 'x' }),
      item('b', 'a.1', '图', { criterionTitle: 'X' }),
    ]);
    expect(p.get('a')!.path).toBe('材料/A.1_x/01_图.jpg');
    expect(p.get('b')!.path).toBe('材料/a.1_X~2/01_图.jpg');
    expect(p.get('b')!.changes).toEqual([]); // the catalog's folder, not the officer's name
  });
  it('makes a criterion code or title safe silently: only the officer’s own title is reported', () => {
    expect(planPackagePaths([item('a', '1/2', '图')]).get('a')).toEqual({
      path: '材料/1_2_基层宣讲/01_图.jpg',
      changes: [],
    });
    const slash = item('b', '3.4.1', '抽检记录', { criterionTitle: '全年抽检不少于4批次/千人' });
    expect(planPackagePaths([slash]).get('b')).toEqual({
      path: '材料/3.4.1_全年抽检不少于4批次_千人/01_抽检记录.jpg',
      changes: [],
    });
  });
});

describe('extensionOf', () => {
  it('takes the type first (a converted HEIC is .jpg), then the original extension', () => {
    expect(extensionOf('IMG_0001.HEIC', 'image/jpeg')).toBe('jpg');
    expect(extensionOf('说明.WPS', 'application/x-cfb')).toBe('wps');
    expect(extensionOf('无扩展名', 'application/x-cfb')).toBe('');
  });
});
