import { describe, expect, it } from 'vitest';
import { captionElements, parseCaption } from '@shared/domain/caption';
import { PhashIndex } from '@shared/domain/phash-bands';
import { effectivePoints, type PointsNode } from '@shared/domain/rules/points';
import { countFigures, countWords, statementContent } from '@shared/domain/statement';

describe('effectivePoints', () => {
  const node = (
    code: string,
    parentCode: string | null,
    points: number | null,
    leaf = true,
    needsMaterial = true,
  ): PointsNode => ({
    code,
    parentCode,
    points,
    leaf,
    needsMaterial,
  });
  it('a leaf keeps its own points', () => {
    expect(effectivePoints([node('1', null, 5, false), node('1.1', '1', 2)]).get('1.1')).toBe(2);
  });
  it('a parent’s points are shared equally among its leaves that need material', () => {
    const p = effectivePoints([
      node('1', null, 4, false),
      node('1.1', '1', null),
      node('1.2', '1', null),
      node('1.3', '1', null, true, false),
    ]);
    expect([p.get('1.1'), p.get('1.2'), p.get('1.3')]).toEqual([2, 2, null]);
  });
  it('the nearest ancestor with points counts, through levels without any', () => {
    const p = effectivePoints([
      node('1', null, 9, false),
      node('1.1', '1', 3, false),
      node('1.1.1', '1.1', null, false),
      node('1.1.1.1', '1.1.1', null),
      node('1.2', '1', null),
    ]);
    expect([p.get('1.1.1.1'), p.get('1.2')]).toEqual([3, 9]);
  });
  it('null when no node above carries points', () => {
    expect(effectivePoints([node('1', null, null, false), node('1.1', '1', null)]).get('1.1')).toBeNull();
  });
});

describe('caption elements', () => {
  it('labelled fields count', () => {
    const c = parseCaption('时间：2026年3月1日；地点：市民广场；人物：志愿者；主题：学雷锋；事由：志愿服务月');
    expect(captionElements(c)).toEqual({ date: true, place: true, people: true, subject: true, reason: true });
  });
  it('a sentence names them by its wording; a bare phrase does not', () => {
    const sentence = captionElements(parseCaption('3月5日，团市委在市民广场组织50名青年志愿者开展学雷锋志愿服务活动'));
    expect(sentence).toMatchObject({ date: true, place: true, people: true, subject: true });
    expect(captionElements(parseCaption('照片一'))).toEqual({
      date: false,
      place: false,
      people: false,
      subject: false,
      reason: false,
    });
  });
});

describe('statement measures', () => {
  it('counts words like WPS: one per Chinese character, Latin words by spaces', () => {
    expect(countWords('创建 文明城市 PDF file 2026')).toBe(9);
  });
  it('counts figures, not dates or document numbers', () => {
    expect(
      countFigures('2026年3月12日印发〔2026〕5号文件，开展活动36场，参与2,400人次，满意度96.5%，走访三十余户'),
    ).toBe(4);
    expect(countFigures('2026年3月12日')).toBe(0);
  });
  it('finds measures and results', () => {
    expect(statementContent('我局制定方案，取得明显成效')).toEqual({ measures: true, results: true });
    expect(statementContent('高度重视，认真对待')).toEqual({ measures: false, results: false });
  });
});

describe('PhashIndex', () => {
  it('finds hashes within the distance, closest first, and nothing beyond', () => {
    const idx = new PhashIndex<string>();
    idx.add('0000000000000000', 'zero');
    idx.add('000000000000000f', 'four');
    idx.add('00000000000003ff', 'ten');
    idx.add('ffffffffffffffff', 'all');
    expect(idx.near('0000000000000001', 12)).toEqual([
      { value: 'zero', distance: 1 },
      { value: 'four', distance: 3 },
      { value: 'ten', distance: 9 },
    ]);
    expect(idx.near('0000000000000000', 3).map((r) => r.value)).toEqual(['zero']);
    expect(() => idx.near('0000000000000000', 13)).toThrow();
  });
});
