import { describe, expect, it } from 'vitest';
import { monthsDue, periodMonths } from '@shared/domain/collection';
import { requirementProgress, type CountedMaterial } from '@shared/domain/requirement-progress';
import { parseRequirementsText, type Requirement } from '@shared/domain/requirements';
import { runCheck } from '@shared/domain/rules/check';
import { checkInput, criterion, material } from '../helpers/check-input';

const parsed = (t: string) => parseRequirementsText(t).map((r) => ({ ...r }));

describe('every phrase of the 材料要求 becomes a requirement (never dropped, never merged)', () => {
  it('types the usual words; a phrase naming no kind is `other`, kept', () => {
    const cases: [string, string][] = [
      ['学习记录或会议纪要', 'document'],
      ['表彰名单', 'document'],
      ['课程表', 'table'],
      ['活动记录', 'document'],
      ['总结', 'document'],
      ['责任书样本', 'document'],
      ['签到表', 'document'],
      ['工作简报', 'document'],
      ['媒体报道截图', 'screenshot'],
      ['统计表', 'table'],
      ['情况说明（须含数据）', 'statement'],
      ['活动视频', 'video'],
      ['志愿服务证明', 'other'],
    ];
    for (const [text, kind] of cases) expect([text, parsed(text)]).toEqual([text, [{ kind, min: 1, text }]]);
  });

  it('keeps the phrase verbatim, full-width punctuation included; two of one kind stay two', () => {
    expect(parsed('实景图片不少于10张；情况说明（须含数据）；会议纪要；工作方案')).toEqual([
      { kind: 'photo', min: 10, text: '实景图片不少于10张' },
      { kind: 'statement', min: 1, text: '情况说明（须含数据）' },
      { kind: 'document', min: 1, text: '会议纪要' },
      { kind: 'document', min: 1, text: '工作方案' },
    ]);
  });

  it('keeps what a count repeats over and its groups', () => {
    expect(parsed('现场图片每场不少于3张')).toEqual([
      { kind: 'photo', min: 3, per: 'event', text: '现场图片每场不少于3张' },
    ]);
    expect(parsed('每月实景图片不少于3张')).toEqual([
      { kind: 'photo', min: 3, per: 'month', text: '每月实景图片不少于3张' },
    ]);
    expect(parsed('每季度工作总结1份')).toEqual([
      { kind: 'document', min: 1, per: 'quarter', text: '每季度工作总结1份' },
    ]);
    expect(parsed('整治前后对比图片不少于5组')).toEqual([
      { kind: 'photo', min: 5, groupSize: 2, text: '整治前后对比图片不少于5组' },
    ]);
    expect(parsed('不少于三张现场照片').map((r) => r.min)).toEqual([3]);
    expect(parsed('图片不少于十二张').map((r) => r.min)).toEqual([12]);
  });

  it('splits a list of kinds in one phrase, not a phrase that merely has a comma', () => {
    expect(parsed('活动方案、总结及现场图片').map((r) => [r.kind, r.text])).toEqual([
      ['document', '活动方案'],
      ['document', '总结'],
      ['photo', '现场图片'],
    ]);
    expect(parsed('图片（注明时间、地点）').map((r) => r.kind)).toEqual(['photo']);
  });

  it('a part that qualifies the one before (每张…须…) is no requirement of its own', () => {
    expect(parsed('实景图片不少于3张，每张图片须配文字说明')).toEqual([
      { kind: 'photo', min: 3, text: '实景图片不少于3张，每张图片须配文字说明' },
    ]);
  });

  it('counts files, not events, when a phrase counts both; a range asks for its lower bound', () => {
    expect(parsed('志愿服务活动每月不少于２次，每场活动照片不少于３张')[0]).toMatchObject({
      kind: 'photo',
      min: 3,
      per: 'event',
    });
    expect(parsed('每月至少1次活动的照片（不少于3张）')[0]).toMatchObject({ kind: 'photo', min: 3, per: 'month' });
    expect(parsed('每次活动照片3-5张')[0]).toMatchObject({ kind: 'photo', min: 3, per: 'event' });
    expect(parsed('每季度召开会议不少于1次')[0]).toMatchObject({ min: 1, per: 'quarter' });
  });

  it('（无需网报）, —— and 无 are none', () => {
    for (const t of ['（无需网报）', '——', '无', '']) expect(parsed(t)).toEqual([]);
  });
});

describe('requirementProgress: one count for the ledger, the checker and the documents', () => {
  const m = (kind: CountedMaterial['kind'], month = '2026-03', eventDate: string | null = null, scores = true) => ({
    kind,
    month,
    eventDate,
    scores,
  });
  const one = (r: Requirement, ms: CountedMaterial[], due: string[] = []) => requirementProgress([r], ms, due)[0]!;

  it('two requirements of one kind share the files in order', () => {
    const reqs: Requirement[] = [
      { kind: 'document', min: 1, text: '会议纪要' },
      { kind: 'document', min: 1, text: '工作方案' },
    ];
    expect(requirementProgress(reqs, [m('document')], []).map((p) => p.met)).toEqual([true, false]);
    expect(requirementProgress(reqs, [m('document'), m('document')], []).map((p) => p.met)).toEqual([true, true]);
  });

  it('counts only what can score, and says how many cannot', () => {
    const p = one({ kind: 'photo', min: 6, text: '图片不少于6张' }, [
      ...Array.from({ length: 4 }, () => m('photo')),
      m('photo', '2026-03', null, false),
      m('photo', '2026-03', null, false),
    ]);
    expect(p).toMatchObject({ have: 4, need: 6, met: false, notScoring: 2 });
  });

  it('5组 of before/after photos needs 10 photos', () => {
    const r: Requirement = { kind: 'photo', min: 5, groupSize: 2, text: '对比图片不少于5组' };
    expect(
      one(
        r,
        Array.from({ length: 9 }, () => m('photo')),
      ),
    ).toMatchObject({ have: 9, need: 10, met: false });
    expect(
      one(
        r,
        Array.from({ length: 10 }, () => m('photo')),
      ).met,
    ).toBe(true);
  });

  it('每月 is counted in every month whose collection is due; 每季度 per quarter; 每场 per event date', () => {
    const monthly: Requirement = { kind: 'photo', min: 2, per: 'month', text: '每月图片不少于2张' };
    const due = ['2026-03', '2026-04'];
    const march = [m('photo', '2026-03'), m('photo', '2026-03')];
    expect(one(monthly, march, due)).toMatchObject({ have: 2, need: 4, met: false });
    expect(one(monthly, [...march, m('photo', '2026-04'), m('photo', '2026-04')], due).met).toBe(true);
    expect(one(monthly, [...march, m('photo', '2026-03')], due).met).toBe(false); // a surplus in March is not April's
    const quarterly: Requirement = { kind: 'document', min: 1, per: 'quarter', text: '每季度总结' };
    expect(one(quarterly, [m('document', '2026-03')], due)).toMatchObject({ need: 2, have: 1, met: false });
    expect(one(quarterly, [m('document', '2026-03'), m('document', '2026-04')], due).met).toBe(true);
    const perEvent: Requirement = { kind: 'photo', min: 3, per: 'event', text: '每场不少于3张' };
    const day = (d: string) => m('photo', d.slice(0, 7), d);
    expect(one(perEvent, [day('2026-03-01'), day('2026-03-01'), day('2026-03-01')]).met).toBe(true);
    expect(one(perEvent, [day('2026-03-01'), day('2026-03-01'), day('2026-03-01'), day('2026-04-02')])).toMatchObject({
      have: 4,
      need: 6,
      met: false,
    });
    expect(one(perEvent, []).met).toBe(false);
  });
});

describe('collection months', () => {
  const period = { start: '2025-11-01', end: '2026-10-31' };
  it('a month is due from the collection day of the month after it, short months included', () => {
    expect(periodMonths(period)).toHaveLength(12);
    expect(monthsDue(period, '2026-05-20')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04']);
    expect(monthsDue(period, '2026-05-04').at(-1)).toBe('2026-03');
    expect(monthsDue(period, '2026-05-05').at(-1)).toBe('2026-04');
    expect(monthsDue(period, '2026-03-28', 31).at(-1)).toBe('2026-01'); // February's day 31 is the 28th
    expect(monthsDue(period, '2025-10-01')).toEqual([]);
  });
});

describe('requirement-unmet counts what can score', () => {
  it('“现有 6 份，其中 2 份不计分”: photos outside the period or screenshots do not make up the number', () => {
    const c = criterion('1.1', { requirements: [{ kind: 'photo', min: 6, text: '实景图片不少于6张' }] });
    const ms = [
      ...Array.from({ length: 4 }, () => material('1.1')),
      material('1.1', { eventDate: '2024-05-01', facts: { exifDate: '2024-05-01T09:00:00' } }),
      material('1.1', { facts: { screenshotLike: true } }),
    ];
    const f = runCheck(checkInput([c], ms)).findings.find((x) => x.ruleId === 'requirement-unmet')!;
    expect(f.message).toContain('现有 6 份，其中 2 份不计分');
    expect(f.message).toContain('“实景图片不少于6张”');
  });

  it('a 每月 requirement names the months due', () => {
    const c = criterion('1.1', { requirements: [{ kind: 'photo', min: 2, per: 'month', text: '每月图片不少于2张' }] });
    const f = runCheck(
      checkInput([c], [material('1.1'), material('1.1')], { dueMonths: ['2026-03', '2026-04'] }),
    ).findings.find((x) => x.ruleId === 'requirement-unmet')!;
    expect(f.message).toContain('每月至少 2 份，到目前共需 4 份');
  });
});

describe('a catalog of another year is said, not silent', () => {
  const ws = { year: 2026, period: { start: '2025-11-01', end: '2026-10-31' } };
  it('names the edition’s year and the deadlines outside the period', async () => {
    const { yearWarnings } = await import('@shared/domain/catalog-year');
    expect(yearWarnings('２０２６版', ['2026-05-05', null], ws)).toEqual([]);
    expect(yearWarnings('2025', [], ws)).toEqual([expect.stringContaining('台账的版本是 2025 年')]);
    expect(yearWarnings('示例', ['2024-10-31', '2024-12-01', '2026-06-01'], ws)).toEqual([
      expect.stringContaining('有 2 条完成时限的日期（2024 年）不在测评周期'),
    ]);
  });
});

describe('the month a material counts for', () => {
  const period = { start: '2025-11-01', end: '2026-10-31' };
  it('is the collection month: the month before until the collection day, then this one', async () => {
    const { collectionMonth, clampMonth, defaultMonth } = await import('@shared/domain/collection');
    expect(collectionMonth('2026-05-04')).toBe('2026-04');
    expect(collectionMonth('2026-05-05')).toBe('2026-05');
    expect(collectionMonth('2026-01-02')).toBe('2025-12');
    expect(clampMonth('2026-12', period)).toBe('2026-10');
    expect(clampMonth('2025-01', period)).toBe('2025-11');
    // Its event date's month in the period; else the collection month, moved into the period.
    expect(defaultMonth('2026-03-12', period, '2026-05-20')).toBe('2026-03');
    expect(defaultMonth('2008-05-30', period, '2026-05-20')).toBe('2026-05');
    expect(defaultMonth(null, period, '2026-05-03')).toBe('2026-04');
    expect(defaultMonth('2024-01-01', period, '2026-12-20')).toBe('2026-10');
  });
});
