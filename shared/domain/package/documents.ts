import { CRITERION_STATUSES, MATERIAL_KINDS, SEVERITIES } from '../value-sets';
import { RULES } from '../rules/rule-ids';
import type { Block, Doc } from './blocks';
import { KIND_LABEL, type PackageContent } from './content';

const monthLabel = (m: string): string => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;
const points = (p: number | null): string => (p === null ? '—' : `${p} 分`);

function header(c: PackageContent, what: string): Block[] {
  return [
    { t: 'title', text: `${c.unit.name} ${c.year}年网上申报材料${what}` },
    {
      t: 'meta',
      text:
        `${KIND_LABEL[c.kind]} · ${monthLabel(c.month)} · 测评周期 ${c.period.start} 至 ${c.period.end} · ` +
        `测评体系 ${c.catalog.name ?? c.catalog.edition} · 生成于 ${c.createdAt.slice(0, 16).replace('T', ' ')}`,
    },
  ];
}

/**
 * 目录.pdf: per criterion its status and points, its declaration if any, and its materials with their file name
 * in the package, kind, date, pages and caption — what the 创城办 will see when it opens the folders.
 */
export function indexDocument(c: PackageContent): Doc {
  const blocks = header(c, '目录');
  blocks.push({
    t: 'para',
    text: `共 ${c.criteria.length} 条测评标准，${c.materials.length} 份材料。材料按“一项一档”放在“材料”文件夹中，文件夹以标准编号开头。`,
  });
  for (const k of c.criteria) {
    const ms = c.materials.filter((m) => m.criterionCode === k.code);
    blocks.push({ t: 'heading', text: `${k.code} ${k.title}（${points(k.points)}，${CRITERION_STATUSES[k.status]}）` });
    if (k.declaration) blocks.push({ t: 'para', text: `不属本单位职责：${k.declaration.statement}` });
    if (ms.length === 0) {
      if (!k.declaration) blocks.push({ t: 'para', text: '（无材料）' });
      continue;
    }
    blocks.push({
      t: 'table',
      columns: [
        { title: '文件', width: 0.3 },
        { title: '类型', width: 0.1 },
        { title: '日期', width: 0.13 },
        { title: '页数', width: 0.07 },
        { title: '图片说明', width: 0.4 },
      ],
      rows: ms.map((m) => [
        m.path.split('/').pop()!,
        MATERIAL_KINDS[m.kind],
        m.eventDate ?? '—',
        m.pages === null ? '—' : String(m.pages),
        m.caption?.text ?? '',
      ]),
    });
  }
  return { title: `${c.unit.name}网上申报材料目录`, blocks };
}

/** 签批单.pdf: who approved what and when; an empty table to sign by hand until sign-off exists in the app. */
export function signOffDocument(c: PackageContent): Doc {
  const blocks = header(c, '签批单');
  blocks.push({
    t: 'para',
    text: '分管领导审改、主要负责同志审阅把关后签字。软件内的签批功能启用前，请打印本表手工签字，随纸质材料存档。',
  });
  blocks.push({
    t: 'table',
    columns: [
      { title: '标准', width: 0.36 },
      { title: '材料', width: 0.08 },
      { title: '分管领导审改', width: 0.2 },
      { title: '主要负责同志审阅把关', width: 0.22 },
      { title: '日期', width: 0.14 },
    ],
    rows: c.criteria.map((k) => [
      `${k.code} ${k.title}`,
      String(c.materials.filter((m) => m.criterionCode === k.code).length),
      '',
      '',
      '',
    ]),
  });
  return { title: `${c.unit.name}网上申报材料签批单`, blocks };
}

/** 校验报告.pdf: the check at export time — the summary, then every finding by criterion. */
export function reportDocument(c: PackageContent): Doc {
  const s = c.check.summary;
  const blocks = header(c, '校验报告');
  blocks.push({
    t: 'para',
    text: `错误 ${s.errors} 项，警告 ${s.warnings} 项，提示 ${s.infos} 项；预计失分 ${s.pointsAtRisk} 分。规则指纹 ${c.ruleProfileSha256.slice(0, 16)}。`,
  });
  if (c.check.findings.length === 0) blocks.push({ t: 'para', text: '未发现失分风险。' });
  else
    blocks.push({
      t: 'table',
      columns: [
        { title: '标准', width: 0.09 },
        { title: '级别', width: 0.07 },
        { title: '问题', width: 0.16 },
        { title: '文件', width: 0.18 },
        { title: '说明', width: 0.42 },
        { title: '预计失分', width: 0.08 },
      ],
      rows: c.check.findings.map((f) => [
        f.criterionCode,
        SEVERITIES[f.severity],
        RULES[f.ruleId].label,
        f.file ?? '',
        f.message,
        f.pointsAtRisk ? String(f.pointsAtRisk) : '',
      ]),
    });
  return { title: `${c.unit.name}网上申报材料校验报告`, blocks };
}
