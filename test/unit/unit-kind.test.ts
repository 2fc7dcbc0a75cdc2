import { describe, expect, it } from 'vitest';
import { splitUnits } from '@shared/domain/catalog';
import { preselectMine, scopeReason, scopeStep, unitMatches } from '@shared/domain/scope';
import { collectiveReaches, guessUnitKind, parseUnitKind, reachOf } from '@shared/domain/unit-kind';

describe('unit kind guessed from the name', () => {
  it.each([
    ['市教育局', 'city'],
    ['蒙自市教育体育局', 'city'],
    ['市文明办', 'city'],
    ['市卫生健康委员会', 'city'],
    ['市政务服务中心', 'city'],
    ['团市委', 'city'],
    ['市委宣传部', 'city'],
    ['五华区', 'district'],
    ['蒙自县人民政府', 'district'],
    ['文澜街道', 'township'],
    ['文澜街道办事处', 'township'],
    ['新安所镇', 'township'],
    ['期路白乡人民政府', 'township'],
    ['市第一中学', 'school'],
    ['蒙自市实验小学', 'school'],
    ['机关幼儿园', 'school'],
    ['五华区教育局', 'other'],
    ['县委宣传部', 'other'],
    ['本单位', 'other'],
  ])('%s → %s', (name, kind) => {
    expect(guessUnitKind(name)).toBe(kind);
  });

  it('reads a kind by id or label', () => {
    expect(parseUnitKind('市直单位')).toBe('city');
    expect(parseUnitKind('township')).toBe('township');
    expect(parseUnitKind('市直')).toBeUndefined();
  });
});

describe('collective 责任单位', () => {
  it.each([
    ['各成员单位', 'school', true],
    ['各有关单位', 'district', true],
    ['各部门', 'city', true],
    ['全市各单位', 'township', true],
    ['各市直单位', 'city', true],
    ['各市直单位', 'district', false],
    ['各区', 'district', true],
    ['各区人民政府', 'district', true],
    ['各县（市、区）', 'district', true],
    ['各区县', 'city', false],
    ['各街道', 'township', true],
    ['各乡镇（街道）', 'township', true],
    ['各街道党工委', 'township', true],
    ['各中小学', 'school', true],
    ['各学校', 'city', false],
  ] as const)('%s reaches a %s unit: %s', (term, kind, reaches) => {
    expect(collectiveReaches(term, kind)).toBe(reaches);
  });

  it('a collective with a list in brackets stays one name when the 责任单位 are split', () => {
    expect(splitUnits('市文明办、各县（市、区）；各街道')).toEqual(['市文明办', '各县（市、区）', '各街道']);
  });

  it('a 各… it cannot place is unplaced, a name is named', () => {
    expect(reachOf('各执法部门')).toEqual({ type: 'unplaced' });
    expect(reachOf('市教育局')).toEqual({ type: 'named' });
  });

  it('a collective is never read as a name containing the unit', () => {
    expect(unitMatches('各部门', ['部门'])).toBe(false);
    expect(unitMatches('各街道', ['街道'])).toBe(false);
  });
});

describe('scope by name and kind', () => {
  const nodes = [
    { code: '1', parentCode: null, title: '组织', leadUnit: null, responsibleUnits: [] },
    { code: '1.1', parentCode: '1', title: '学习', leadUnit: '市委宣传部', responsibleUnits: ['各成员单位'] },
    { code: '1.2', parentCode: '1', title: '培训', leadUnit: '市教育局', responsibleUnits: [] },
    { code: '2', parentCode: null, title: '环境', leadUnit: null, responsibleUnits: [] },
    { code: '2.1', parentCode: '2', title: '市容', leadUnit: '市城管局', responsibleUnits: ['各市直单位'] },
    { code: '2.2', parentCode: '2', title: '执法', leadUnit: '市城管局', responsibleUnits: ['各执法部门'] },
    { code: '2.3', parentCode: '2', title: '街巷', leadUnit: '市城管局', responsibleUnits: ['各街道'] },
  ];
  const bureau = { names: ['市教育局'], kind: 'city' as const };

  it('preselects named and collective leaves by kind, not the unplaced ones', () => {
    expect(Object.fromEntries(preselectMine(nodes, bureau))).toEqual({
      '1': true,
      '1.1': true,
      '1.2': true,
      '2': true,
      '2.1': true,
      '2.2': false,
      '2.3': false,
    });
    const street = preselectMine(nodes, { names: ['市委宣传部'], kind: 'township' }); // named on 1.1
    expect(street.get('2.3')).toBe(true);
    expect(street.get('2.1')).toBe(false);
  });

  it('says why: the name before a collective', () => {
    expect(scopeReason(nodes[2]!, bureau)).toEqual({ reason: 'named', term: '市教育局' });
    expect(scopeReason(nodes[1]!, bureau)).toEqual({ reason: 'collective', term: '各成员单位' });
    expect(scopeReason(nodes[5]!, bureau)).toEqual({ reason: 'unplaced', term: '各执法部门' });
    expect(scopeReason(nodes[6]!, bureau)).toBeNull();
  });

  it('the scope step lists every leaf with its reason and keeps the officer’s own choices', () => {
    const step = scopeStep(nodes, bureau, new Map([['2.1', false]]));
    expect(step.all).toBe(false);
    expect(step.rows.map((r) => [r.code, r.reason, r.mine, r.setByUser])).toEqual([
      ['1.1', 'collective', true, false],
      ['1.2', 'named', true, false],
      ['2.1', 'collective', false, true],
      ['2.2', 'unplaced', false, false],
      ['2.3', 'none', false, false],
    ]);
  });

  it('a unit the 台账 never names (a street, a school) gets the collectives reaching its kind', () => {
    const street = scopeStep(nodes, { names: ['城关街道办事处'], kind: 'township' }, new Map());
    expect(street.all).toBe(false);
    expect(street.rows.filter((r) => r.mine).map((r) => r.code)).toEqual(['1.1', '2.3']);
  });

  it('when nothing reaches the unit at all, everything is preselected', () => {
    const only = [nodes[3]!, { ...nodes[4]!, responsibleUnits: [] }];
    const step = scopeStep(only, { names: ['市财政局'], kind: 'city' }, new Map());
    expect(step.all).toBe(true);
    expect(step.rows.every((r) => r.mine)).toBe(true);
  });
});
