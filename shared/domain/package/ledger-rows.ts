import type { RequirementProgress } from '../requirement-progress';
import type { Requirement } from '../requirements';
import { RULES } from '../rules/rule-ids';
import { MATERIAL_KINDS, METHODS, type MaterialKind } from '../value-sets';
import type { CriterionSheet, PackageContent, PackageCriterion } from './content';
import { criterionLabel, dateLabel, groupBy, num } from './format';
import { reviewsByCriterion } from './documents';
import { REVIEW_DECISIONS, REVIEW_LEVELS } from '../signoff';

/** The kinds in the 台账's 材料数（按类型） columns, always all of them, so every unit's sheet has the same columns. */
export const LEDGER_KINDS = Object.keys(MATERIAL_KINDS) as MaterialKind[];

/** A level of the catalog in the 台账 (测评项目, 测评内容): `key` tells merged cells apart, `text` is printed. */
export interface LevelCell {
  key: string;
  text: string;
}

/** One row of the 台账: the 创城办's columns, then the unit's. */
export interface LedgerRow {
  /** The 台账's own 序号 (a number where it is one), so the office matches rows; the row's place where it had none. */
  seq: number | string;
  /** 测评项目 and 测评内容; null where the catalog has no such level above the criterion. */
  project: LevelCell | null;
  content: LevelCell | null;
  /** 测评标准: any deeper level above it, its code and title, its text. */
  standard: string;
  methods: string;
  requirements: string;
  leadUnit: string;
  responsibleUnits: string;
  deadline: string;
  /** 完成情况. */
  progress: string;
  /** 材料数 per kind of `LEDGER_KINDS`, then their total. */
  counts: number[];
  total: number;
  /** 存在问题: the findings by rule, with the points at risk. */
  problems: string;
  /** 审核情况: each level's latest decision in `manifest.reviews` (分管领导：通过（王分管 5月20日）), '' with none. */
  review: string;
}

const EMPTY_SHEET: CriterionSheet = {
  ancestors: [],
  label: null,
  seq: null,
  text: '',
  methods: [],
  requirements: [],
  leadUnit: null,
  responsibleUnits: [],
  deadline: null,
  counts: {},
  progress: [],
};

const levelText = (a: CriterionSheet['ancestors'][number]): string =>
  a.label ? `${a.label}${a.title}` : criterionLabel(a.code, a.title);

/** The 台账's rows: one per criterion of the package, in catalog order, counted from the package's materials. */
export function ledgerRows(c: PackageContent): LedgerRow[] {
  const materials = groupBy(c.materials, (m) => m.criterionCode);
  const findings = groupBy(c.check.findings, (f) => f.criterionCode);
  const reviews = reviewsByCriterion(c);
  return c.criteria.map((k, i) => {
    const sheet = c.documents.criteria[k.code] ?? EMPTY_SHEET;
    const [project, content, ...deeper] = sheet.ancestors;
    const counts: Partial<Record<MaterialKind, number>> = {};
    for (const m of materials.get(k.code) ?? []) counts[m.kind] = (counts[m.kind] ?? 0) + 1;
    const perKind = LEDGER_KINDS.map((kind) => counts[kind] ?? 0);
    const text = sheet.text.trim() !== '' && sheet.text !== k.title ? sheet.text : '';
    return {
      seq: sheet.seq === null ? i + 1 : /^\d+$/u.test(sheet.seq) ? Number(sheet.seq) : sheet.seq,
      project: project ? { key: project.code, text: levelText(project) } : null,
      content: content ? { key: content.code, text: levelText(content) } : null,
      standard: [...deeper.map(levelText), criterionLabel(k.code, k.title), text].filter(Boolean).join('\n'),
      methods: sheet.methods.map((m) => METHODS[m]).join('、'),
      requirements: sheet.requirements.map(requirementText).join('；'),
      leadUnit: sheet.leadUnit ?? '',
      responsibleUnits: sheet.responsibleUnits.join('、'),
      deadline: sheet.deadline ?? '',
      progress: progressText(k, sheet.progress),
      counts: perKind,
      total: perKind.reduce((a, b) => a + b, 0),
      problems: problemsText(findings.get(k.code) ?? [], c.check.criteria[k.code]?.pointsAtRisk ?? 0),
      review: (['leader', 'principal'] as const)
        .flatMap((level) => {
          const r = reviews.get(k.code)?.[level];
          return r
            ? [`${REVIEW_LEVELS[level]}：${REVIEW_DECISIONS[r.decision]}（${r.signer} ${dateLabel(r.at).slice(5)}）`]
            : [];
        })
        .join('\n'),
    };
  });
}

function requirementText(r: Requirement): string {
  return r.text.trim() !== '' ? r.text : `${MATERIAL_KINDS[r.kind]}不少于${r.min}${unitOf(r.kind)}`;
}

const unitOf = (kind: MaterialKind): string => (kind === 'photo' || kind === 'screenshot' ? '张' : '份');

/** 完成情况, in the words a unit reports with: done, under way and what is still missing, not started, declared. */
function progressText(k: PackageCriterion, progress: RequirementProgress[]): string {
  if (k.declaration) return `不属本单位职责：${k.declaration.statement}`;
  switch (k.status) {
    case 'complete':
      return '已齐全';
    case 'not-started':
      return '未开始';
    case 'not-applicable':
      return '无需网上申报材料';
    case 'in-progress': {
      const missing = progress.filter((p) => !p.met).map((p) => `${requirementText(p.requirement)}（已有 ${p.have}）`);
      return missing.length ? `推进中，尚缺：${missing.join('；')}` : '推进中';
    }
  }
}

/** 存在问题: each rule's findings counted (`缺少图片说明 3 项`), then the criterion's points at risk. */
function problemsText(fs: { ruleId: keyof typeof RULES }[], pointsAtRisk: number): string {
  if (fs.length === 0) return '无';
  const byRule = groupBy(fs, (f) => f.ruleId);
  const parts = [...byRule].map(([id, list]) => `${RULES[id as keyof typeof RULES].label} ${list.length} 项`);
  return `${parts.join('；')}${pointsAtRisk > 0 ? `（预计失分 ${num(pointsAtRisk)} 分）` : ''}`;
}
