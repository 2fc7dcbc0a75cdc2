import type { PackageContent, PackageCriterion, PackageMaterial } from '@shared/domain/package/content';
import { RULES, type RuleId } from '@shared/domain/rules/rule-ids';
import type { Finding } from '@shared/domain/rules/types';
import { MATERIAL_KINDS, type MaterialKind } from '@shared/domain/value-sets';
import { progressFromCounts } from '@shared/domain/requirement-progress';
import type { Requirement } from '@shared/domain/requirements';

const KINDS = Object.keys(MATERIAL_KINDS) as MaterialKind[];
const RULE_IDS = Object.keys(RULES) as RuleId[];

/**
 * A package's content as `planPackage` makes it, built without a workspace: `criteria` leaves under 10 项目 and
 * 30 内容, `materials` spread over them (long titles, captions, months before and after the package's), and
 * `findings` over both. Deterministic.
 */
export function syntheticContent(criteria: number, materials: number, findings: number): PackageContent {
  const ks: PackageCriterion[] = [];
  const sheets: PackageContent['documents']['criteria'] = {};
  for (let i = 0; i < criteria; i++) {
    const code = `${(i % 10) + 1}.${(Math.floor(i / 10) % 3) + 1}.${Math.floor(i / 30) + 1}`;
    ks.push({
      code,
      title: i % 7 === 0 ? `新时代文明实践中心（所、站）建设与常态化运行管理第${i}项` : `测评标准${i}`,
      points: (i % 4) + 0.5,
      status: i % 5 === 0 ? 'not-started' : 'in-progress',
      declaration:
        i % 50 === 3
          ? {
              statement: '本项由市公安局牵头负责，本单位仅配合，不单独报送材料。',
              declaredAt: '2026-04-01T10:00:00+08:00',
            }
          : null,
    });
    const requirements: Requirement[] = [
      { kind: 'document', min: 1, text: '活动方案' },
      { kind: 'photo', min: 4, text: '实景图片不少于4张' },
    ];
    sheets[code] = {
      ancestors: [
        { code: String((i % 10) + 1), label: `${'一二三四五六七八九十'[i % 10]}、`, title: `测评项目${i % 10}` },
        { code: `${(i % 10) + 1}.${(Math.floor(i / 10) % 3) + 1}`, label: '（一）', title: `测评内容${i % 30}` },
      ],
      label: `${i + 1}.`,
      seq: i % 9 === 0 ? null : String(i + 1),
      text: '组织开展主题活动，每季度不少于2次，有方案、有记录、有总结、有图片。',
      methods: ['online', 'field'],
      requirements,
      leadUnit: '市文明办',
      responsibleUnits: ['市教育局', '团市委'],
      deadline: '每季度末',
      counts: {},
      progress: progressFromCounts(requirements, {}),
    };
  }
  ks.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  const ms: PackageMaterial[] = [];
  const originalNames: Record<string, string> = {};
  for (let i = 0; i < materials; i++) {
    const k = ks[i % criteria]!;
    const kind = KINDS[i % 3 === 0 ? 0 : 2]!;
    const ext = kind === 'photo' ? 'jpg' : 'pdf';
    const id = `m${String(i).padStart(5, '0')}`;
    const title = i % 9 === 0 ? `关于开展${'文明校园创建'.repeat(3)}活动的通知_final-version` : `现场照片${i}`;
    ms.push({
      id,
      criterionCode: k.code,
      kind,
      title,
      caption:
        kind === 'photo'
          ? {
              text: `时间：2026年3月12日；地点：市一中报告厅；人物：全体教师；主题：专题学习${i}`,
              date: '2026-03-12',
              place: '市一中报告厅',
              people: '全体教师',
              subject: '专题学习',
              reason: null,
            }
          : null,
      eventDate: i % 11 === 0 ? null : '2026-03-12',
      month: ['2026-03', '2026-04', '2026-05', '2026-06'][i % 4]!,
      path: `材料/${k.code}_${k.title.slice(0, 20)}/${String(Math.floor(i / criteria) + 1).padStart(2, '0')}_${title}.${ext}`,
      sha256: 'ab'.repeat(32),
      bytes: 1000 + i,
      pages: ext === 'jpg' ? 1 : (i % 30) + 1,
    });
    originalNames[id] = `IMG_${20260312 + i}.${ext}`;
  }
  ms.sort((a, b) => ks.findIndex((k) => k.code === a.criterionCode) - ks.findIndex((k) => k.code === b.criterionCode));
  const fs: Finding[] = [];
  for (let i = 0; i < findings; i++) {
    const m = ms[(i * 7) % ms.length]!;
    const ruleId = RULE_IDS[i % RULE_IDS.length]!;
    fs.push({
      ruleId,
      severity: RULES[ruleId].severity,
      criterionCode: m.criterionCode,
      materialId: i % 5 === 0 ? null : m.id,
      file: i % 5 === 0 ? null : originalNames[m.id]!,
      message:
        '日期和照片拍摄时间 2008-05-30 不在测评周期（2025-11-01 至 2026-10-31）内，这份材料不会被计分。请换用周期内的材料。',
      fix: null,
      pointsAtRisk: i % 3 === 0 ? 0.38 : 0,
    });
  }
  const sum = (sev: string) => fs.filter((f) => f.severity === sev).length;
  const byCriterion: PackageContent['check']['criteria'] = {};
  for (const f of fs) {
    const r = (byCriterion[f.criterionCode] ??= { errors: 0, warnings: 0, infos: 0, pointsAtRisk: 0 });
    if (f.severity === 'error') r.errors++;
    else if (f.severity === 'warning') r.warnings++;
    else r.infos++;
    r.pointsAtRisk += f.pointsAtRisk;
  }
  return {
    kind: 'monthly',
    month: '2026-05',
    createdAt: '2026-05-20T10:00:00+08:00',
    app: { name: 'wangbao', version: 'test' },
    unit: { id: 'u1', name: '市教育局' },
    year: 2026,
    period: { start: '2025-11-01', end: '2026-10-31' },
    catalog: { id: 'c', edition: '2025', name: '示例市全国文明城市测评体系', sha256: 'cd'.repeat(32) },
    ruleProfileSha256: 'ef'.repeat(32),
    criteria: ks,
    materials: ms,
    check: {
      summary: { errors: sum('error'), warnings: sum('warning'), infos: sum('info'), pointsAtRisk: 12.5 },
      findings: fs,
      criteria: byCriterion,
    },
    signoff: { signers: [], reviews: [], audit: { rows: 0, headSha256: '0'.repeat(64) } },
    documents: { contact: { name: '王小明', phone: '0591-87654321' }, criteria: sheets, originalNames },
  };
}
