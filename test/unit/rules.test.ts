import { describe, expect, it } from 'vitest';
import { runCheck } from '@shared/domain/rules/check';
import type { CheckFacts, CheckInput, Finding } from '@shared/domain/rules/types';
import type { RuleId } from '@shared/domain/rules/rule-ids';
import type { ReviewState, ReviewStatus } from '@shared/domain/review-state';
import { RuleProfileFile, resolveProfile } from '@shared/schemas/rule-profile';
import { checkInput, criterion, material } from '../helpers/check-input';

const ids = (input: CheckInput): RuleId[] => runCheck(input).findings.map((f) => f.ruleId);
const only = (input: CheckInput, id: RuleId): Finding[] => runCheck(input).findings.filter((f) => f.ruleId === id);

/** Two passing photos on criterion 1.1: every rule's negative case starts from here. */
const clean = () => [material('1.1'), material('1.1')];

describe('the baseline', () => {
  it('a complete criterion with good photos has no findings', () => {
    expect(runCheck(checkInput([criterion('1.1')], clean())).findings).toEqual([]);
  });
});

describe('requirement rules', () => {
  it('no-materials: the unit’s criterion with nothing attached, full points', () => {
    const [f] = only(checkInput([criterion('1.1')], []), 'no-materials');
    expect(f).toMatchObject({
      severity: 'error',
      criterionCode: '1.1',
      materialId: null,
      pointsAtRisk: 2,
      fix: 'attach',
    });
  });
  it('no-materials: not for another unit’s, a declared, a removed or a field-only criterion', () => {
    const cs = [
      criterion('1', { mine: false }),
      criterion('2', { declared: true }),
      criterion('3', { removed: true }),
      criterion('4', { needsMaterial: false }),
    ];
    expect(ids(checkInput(cs, []))).toEqual([]);
  });
  it('requirement-unmet: a kind below its minimum takes the rule’s share; an absent kind the full points', () => {
    const c = criterion('1.1', {
      requirements: [
        { kind: 'photo', min: 3, text: '' },
        { kind: 'statement', min: 1, text: '' },
      ],
    });
    const found = only(checkInput([c], clean()), 'requirement-unmet');
    expect(found.map((f) => [f.message.slice(0, 5), f.pointsAtRisk])).toEqual([
      ['实景图片不', 1],
      ['缺少情况说', 2],
    ]);
  });
  it('requirement-unmet: also on another unit’s criterion once it has materials', () => {
    const c = criterion('1.1', { mine: false, requirements: [{ kind: 'photo', min: 3, text: '' }] });
    expect(ids(checkInput([c], clean()))).toEqual(['requirement-unmet']);
  });
});

describe('date rules', () => {
  it('date-missing', () => {
    expect(
      ids(
        checkInput(
          [criterion('1.1')],
          [material('1.1', { eventDate: null, facts: { exifDate: null } }), material('1.1')],
        ),
      ),
    ).toEqual(['date-missing']);
  });
  it('date-outside-period: the event date or the EXIF date outside the period', () => {
    const byDate = material('1.1', { eventDate: '2025-10-30', facts: { exifDate: null } });
    const byExif = material('1.1', {
      eventDate: '2026-03-01',
      caption: null,
      facts: { exifDate: '2024-05-01T08:00:00' },
    });
    const found = only(checkInput([criterion('1.1')], [byDate, byExif]), 'date-outside-period');
    expect(found.map((f) => f.materialId)).toEqual([byDate.id, byExif.id]);
    expect(found[1]!.message).toContain('照片拍摄时间 2024-05-01');
    expect(found[0]).toMatchObject({ severity: 'error', pointsAtRisk: 0.5 });
  });
  it('date-outside-period: the first and the last day of the period are inside', () => {
    const ms = [
      material('1.1', { eventDate: '2025-11-01', facts: { exifDate: '2025-11-01T00:00:00' } }),
      material('1.1', { eventDate: '2026-10-31', facts: { exifDate: '2026-10-31T23:59:59' } }),
    ];
    expect(ms.map((m) => m.caption!.date)).toEqual(['2026-03-12', '2026-03-12']);
    const found = runCheck(checkInput([criterion('1.1')], ms)).findings.filter(
      (f) => f.ruleId === 'date-outside-period',
    );
    expect(found).toEqual([]);
  });
  it('date-outside-period: a date that is both the event date and the EXIF date is said once', () => {
    const same = material('1.1', { eventDate: '2008-05-30', facts: { exifDate: '2008-05-30T14:02:11' } });
    const apart = material('1.1', { eventDate: '2025-10-30', facts: { exifDate: '2008-05-30T14:02:11' } });
    const [a, b] = only(checkInput([criterion('1.1')], [same, apart]), 'date-outside-period');
    expect(a!.message.match(/2008-05-30/gu)).toHaveLength(1);
    expect(a!.message).toMatch(/^日期和照片拍摄时间 2008-05-30 不在测评周期（2025-11-01 至 2026-10-31）内/u);
    expect(b!.message).toMatch(/^日期 2025-10-30、照片拍摄时间 2008-05-30 不在测评周期/u);
  });
  it('date-missing: the message sends no one to a screen of the app, and names the CLI’s option', () => {
    const [f] = only(
      checkInput(
        [criterion('1.1')],
        [material('1.1', { eventDate: null, facts: { exifDate: null } }), material('1.1')],
      ),
      'date-missing',
    );
    expect(f!.message).not.toMatch(/请在“/u);
    expect(f!.message).toContain('wangbao attach');
    expect(f!.fix).toBe('edit'); // in the app, the finding's button opens the editor
  });
  it('caption-date-mismatch: a caption date more than N days from the EXIF date', () => {
    const far = material('1.1', { facts: { exifDate: '2026-03-20T10:00:00' }, eventDate: '2026-03-20' });
    const near = material('1.1', { facts: { exifDate: '2026-03-14T10:00:00' }, eventDate: '2026-03-14' });
    const found = only(checkInput([criterion('1.1')], [far, near]), 'caption-date-mismatch');
    expect(found.map((f) => f.materialId)).toEqual([far.id]);
    expect(found[0]!.message).toContain('2026-03-12');
  });
  it('caption-date-mismatch: the event date against the EXIF date, with the profile’s N', () => {
    const m = material('1.1', { caption: null, kind: 'photo', eventDate: '2026-03-18' });
    const strict = resolveProfile(RuleProfileFile.parse({ thresholds: { captionDateMaxDays: 5 } }));
    expect(only(checkInput([criterion('1.1')], [m, material('1.1')]), 'caption-date-mismatch')).toHaveLength(1);
    expect(
      only(checkInput([criterion('1.1')], [m, material('1.1')], { profile: strict }), 'caption-date-mismatch'),
    ).toHaveLength(1);
    const lenient = resolveProfile(RuleProfileFile.parse({ thresholds: { captionDateMaxDays: 7 } }));
    expect(
      only(checkInput([criterion('1.1')], [m, material('1.1')], { profile: lenient }), 'caption-date-mismatch'),
    ).toEqual([]);
  });
});

describe('caption rules', () => {
  it('caption-missing on a photo, not on a document', () => {
    const photo = material('1.1', { caption: null });
    const doc = material('1.1', { caption: null, kind: 'document', facts: { mime: 'application/pdf', hasText: true } });
    const found = only(checkInput([criterion('1.1', { requirements: [] })], [photo, doc]), 'caption-missing');
    expect(found.map((f) => f.materialId)).toEqual([photo.id]);
    expect(found[0]!.severity).toBe('error');
  });
  it('caption-incomplete names the missing elements; a natural sentence with all of them passes', async () => {
    const { parseCaption } = await import('@shared/domain/caption');
    const thin = material('1.1', { caption: parseCaption('2026年3月12日 学习活动') });
    const sentence = material('1.1', {
      caption: parseCaption('2026年3月12日，市教育局在市一中报告厅组织全体教师开展师德师风专题学习'),
    });
    const found = only(checkInput([criterion('1.1')], [thin, sentence]), 'caption-incomplete');
    expect(found.map((f) => f.materialId)).toEqual([thin.id]);
    expect(found[0]!.message).toContain('地点、人物');
  });
});

describe('photo rules', () => {
  const one = (facts: Partial<CheckFacts>, id: RuleId) =>
    only(checkInput([criterion('1.1')], [material('1.1', { facts }), material('1.1')]), id);
  it('photo-too-small below the long edge, not at it', () => {
    expect(one({ width: 800, height: 600 }, 'photo-too-small')).toHaveLength(1);
    expect(one({ width: 1024, height: 768 }, 'photo-too-small')).toEqual([]);
  });
  it('photo-blurry below the sharpness threshold', () => {
    expect(one({ sharpness: 39.3 }, 'photo-blurry')).toHaveLength(1);
    expect(one({ sharpness: 100 }, 'photo-blurry')).toEqual([]);
  });
  it('photo-overcompressed below the JPEG quality; PNGs have none', () => {
    expect(one({ jpegQuality: 30 }, 'photo-overcompressed')).toHaveLength(1);
    expect(one({ jpegQuality: null, mime: 'image/png' }, 'photo-overcompressed')).toEqual([]);
  });
  it('screenshot-as-photo for a photo that looks like a screenshot, not for a 媒体截图', () => {
    expect(one({ screenshotLike: true }, 'screenshot-as-photo')).toHaveLength(1);
    const shot = material('1.1', { kind: 'screenshot', facts: { screenshotLike: true } });
    expect(only(checkInput([criterion('1.1')], [...clean(), shot]), 'screenshot-as-photo')).toEqual([]);
  });
});

describe('duplicates and references', () => {
  it('duplicate-across-criteria: once on every criterion holding the file, naming the others', () => {
    const a = material('1.1');
    const b = material('1.2', { sha256: a.sha256 });
    const found = only(
      checkInput([criterion('1.1'), criterion('1.2')], [a, material('1.1'), b, material('1.2')]),
      'duplicate-across-criteria',
    );
    expect(found.map((f) => [f.criterionCode, f.materialId])).toEqual([
      ['1.1', a.id],
      ['1.2', b.id],
    ]);
    expect(found[0]!.message).toContain('1.2');
  });
  it('near-duplicate: pairs within the threshold across criteria; not beyond it, not within one criterion', () => {
    const a = material('1.1');
    const b = material('1.2');
    const c = material('1.1');
    const input = (distance: number) =>
      checkInput([criterion('1.1'), criterion('1.2')], [a, c, b, material('1.2')], {
        nearDuplicates: [
          { a: a.sha256, b: b.sha256, distance },
          { a: a.sha256, b: c.sha256, distance: 2 },
        ],
      });
    expect(only(input(10), 'near-duplicate').map((f) => f.materialId)).toEqual([a.id, b.id]);
    expect(only(input(11), 'near-duplicate')).toEqual([]);
  });
  it('reused-from-earlier-year: the same file, or a photo within the pHash distance of an earlier one', () => {
    const same = material('1.1');
    const similar = material('1.1', { facts: { phash: 'ffffffffffffff00' } });
    const other = material('1.1', { facts: { phash: '0f0f0f0f0f0f0f0f' } });
    const input = checkInput([criterion('1.1')], [same, similar, other], {
      references: [
        { sha256: same.sha256, phash: null, year: 2025, fileName: '去年.jpg' },
        { sha256: 'x'.repeat(64), phash: 'ffffffffffffffff', year: 2024, fileName: '前年.jpg' },
      ],
    });
    const found = only(input, 'reused-from-earlier-year');
    expect(found.map((f) => f.materialId)).toEqual([same.id, similar.id]);
    expect(found[0]!.message).toContain('2025 年的材料“去年.jpg”完全相同');
    expect(found[1]!.message).toContain('几乎相同');
  });
});

describe('document rules', () => {
  const pdf = (facts: Partial<CheckFacts>, kind: 'document' | 'statement' = 'document') =>
    material('1.1', {
      kind,
      caption: null,
      facts: { mime: 'application/pdf', readable: true, hasText: true, ...facts },
    });
  const withDocs = criterion('1.1', { requirements: [{ kind: 'document', min: 1, text: '' }] });
  it('pdf-encrypted, pdf-unreadable, pdf-active-content', () => {
    // Such a PDF cannot score, so it does not make up the 规范文件 the criterion asks for either.
    expect(ids(checkInput([withDocs], [pdf({ encrypted: true, readable: false })])).sort()).toEqual([
      'pdf-encrypted',
      'requirement-unmet',
    ]);
    expect(ids(checkInput([withDocs], [pdf({ readable: false })])).sort()).toEqual([
      'pdf-unreadable',
      'requirement-unmet',
    ]);
    expect(ids(checkInput([withDocs], [pdf({ hasJavaScript: true })]))).toEqual(['pdf-active-content']);
    expect(ids(checkInput([withDocs], [pdf({})]))).toEqual([]);
  });
  it('scan-without-text only where a 规范文件 is required', () => {
    expect(ids(checkInput([withDocs], [pdf({ hasText: false })]))).toEqual(['scan-without-text']);
    const photosOnly = criterion('1.1', { requirements: [] });
    expect(ids(checkInput([photosOnly], [pdf({ hasText: false })]))).toEqual([]);
  });
  const statement = (text: string) => ({ ...pdf({}, 'statement'), text });
  const good =
    '为落实创建工作要求，我局制定了工作方案，建立了每月调度机制，组织开展志愿服务活动 36 场，参与师生 2,400 人次，覆盖全市 58 所学校。' +
    '通过上述措施，学生文明素养明显提升，家长满意度达到 96%。'.repeat(14);
  it('statement-too-short and statement-without-figures on a 情况说明’s text', () => {
    const withStatement = criterion('1.1', { requirements: [] });
    expect(ids(checkInput([withStatement], [statement(good)]))).toEqual([]);
    expect(ids(checkInput([withStatement], [statement('我局高度重视，认真落实，取得了良好成效。')]))).toEqual([
      'statement-too-short',
      'statement-without-figures',
    ]);
    const noFigures = '我局高度重视文明城市创建工作，认真部署，扎实推进，取得了明显成效。'.repeat(12);
    const [f] = only(checkInput([withStatement], [statement(noFigures)]), 'statement-without-figures');
    expect(f!.message).toContain('具体数据');
    expect(f!.message).not.toContain('措施');
  });
  it('unreadable-format as info for an old Office file', () => {
    const doc = material('1.1', {
      kind: 'document',
      caption: null,
      facts: { mime: 'application/msword', readable: false },
    });
    const [f] = runCheck(checkInput([criterion('1.1', { requirements: [] })], [doc])).findings;
    expect(f).toMatchObject({ ruleId: 'unreadable-format', severity: 'info', pointsAtRisk: 0 });
  });
});

describe('file rules', () => {
  it('file-type-not-accepted for a type outside the profile’s list', () => {
    const txt = material('1.1', {
      kind: 'statement',
      caption: null,
      fileName: '说明.txt',
      facts: { mime: 'text/plain' },
    });
    expect(
      only(checkInput([criterion('1.1', { requirements: [] })], [txt]), 'file-type-not-accepted')[0]!.message,
    ).toContain('.txt');
    const allowed = resolveProfile(RuleProfileFile.parse({ thresholds: { acceptedTypes: ['text/plain'] } }));
    expect(
      only(checkInput([criterion('1.1', { requirements: [] })], [txt], { profile: allowed }), 'file-type-not-accepted'),
    ).toEqual([]);
  });
  it('file-too-large: photos offer 优化图片; videos have their own limit', () => {
    const big = material('1.1', { bytes: 25 * 2 ** 20 });
    const video = material('1.1', { kind: 'video', caption: null, bytes: 150 * 2 ** 20, facts: { mime: 'video/mp4' } });
    const found = only(checkInput([criterion('1.1')], [big, video, material('1.1')]), 'file-too-large');
    expect(found.map((f) => [f.materialId, f.fix])).toEqual([[big.id, 'optimize']]);
  });
  it('name-invalid when the package path must change the title', () => {
    const bad = material('1.1', { title: '学习会议 1/2 现场.' });
    const found = only(checkInput([criterion('1.1')], [bad, material('1.1')]), 'name-invalid');
    expect(found.map((f) => f.materialId)).toEqual([bad.id]);
    expect(found[0]!.message).toContain('01_学习会议 1_2 现场.jpg');
    // A “/” in the criterion's own title is the catalog's: the export renames the folder and says nothing.
    const slashTitle = criterion('1.1', { title: '全年抽检不少于4批次/千人' });
    expect(only(checkInput([slashTitle], [material('1.1')]), 'name-invalid')).toEqual([]);
  });
});

describe('review and the profile', () => {
  it('not-reviewed, review-returned, review-stale: each criterion with materials lacking both current approvals', () => {
    const state = (status: ReviewStatus, over: Partial<ReviewState> = {}): ReviewState => ({
      status,
      comment: null,
      changes: [],
      invalid: 0,
      ...over,
    });
    const changes = ['新增材料“a”', '移除材料“b”', '修改了“c”的说明', '更换了“d”的文件'];
    const criteria = [
      criterion('1.1', { review: null }),
      criterion('1.2', { review: state('leader-approved') }),
      criterion('1.3', { review: state('returned', { comment: '照片缺少说明' }) }),
      criterion('1.4', { review: state('stale', { changes }) }),
      criterion('1.5', { review: state('approved') }),
      criterion('1.6', { review: null, declared: true }),
      criterion('1.7', { review: null }), // nothing attached: no-materials says it, not the review
    ];
    const ms = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6'].flatMap((c) => [material(c), material(c)]);
    const found = runCheck(checkInput(criteria, ms)).findings.filter(
      (f) => f.ruleId.startsWith('review') || f.ruleId === 'not-reviewed',
    );
    expect(found.map((f) => [f.criterionCode, f.ruleId, f.severity, f.pointsAtRisk])).toEqual([
      ['1.1', 'not-reviewed', 'warning', 0.2],
      ['1.2', 'not-reviewed', 'warning', 0.2],
      ['1.3', 'review-returned', 'warning', 0.2],
      ['1.4', 'review-stale', 'warning', 0.2],
    ]);
    expect(found[1]!.message).toContain('尚待主要负责同志审阅把关');
    expect(found[2]!.message).toBe('领导退回修改：照片缺少说明');
    expect(found[3]!.message).toContain('新增材料“a”；移除材料“b”；修改了“c”的说明等 4 处');
  });
  it('a disabled rule reports nothing; a changed severity and share apply', () => {
    const profile = resolveProfile(
      RuleProfileFile.parse({
        rules: { 'caption-missing': { enabled: false }, 'date-missing': { severity: 'error', fraction: 0.5 } },
      }),
    );
    const ms = [material('1.1', { caption: null, eventDate: null, facts: { exifDate: null } }), material('1.1')];
    const found = runCheck(checkInput([criterion('1.1')], ms, { profile })).findings;
    expect(found.map((f) => [f.ruleId, f.severity, f.pointsAtRisk])).toEqual([['date-missing', 'error', 1]]);
  });
});

describe('points at risk', () => {
  it('a criterion’s total is capped at its points; the summary adds the criteria', () => {
    const bad = { caption: null, facts: { sharpness: 10, width: 500, height: 400, jpegQuality: 20 } };
    const input = checkInput(
      [criterion('1.1', { points: 1 }), criterion('1.2', { points: 3 })],
      [material('1.1', bad), material('1.1', bad), material('1.1', bad), material('1.1', bad)],
    );
    const r = runCheck(input);
    expect(r.criteria['1.1']!.pointsAtRisk).toBe(1);
    expect(r.criteria['1.2']).toMatchObject({ errors: 1, pointsAtRisk: 3 });
    expect(r.summary).toMatchObject({ errors: 5, pointsAtRisk: 4 });
  });
  it('a criterion without points puts none at risk', () => {
    const r = runCheck(checkInput([criterion('1.1', { points: null })], []));
    expect(r.findings[0]!.pointsAtRisk).toBe(0);
    expect(r.summary.pointsAtRisk).toBe(0);
  });
});
