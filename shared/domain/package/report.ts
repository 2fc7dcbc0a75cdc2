import { RULES, type RuleId } from '../rules/rule-ids';
import type { Finding, RiskCount } from '../rules/types';
import { SEVERITIES, type Severity } from '../value-sets';
import type { Block, Cell, Doc } from './blocks';
import type { PackageContent } from './content';
import { catalogLine, criterionLabel, dateLabel, folderOf, num, officialHeader } from './format';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** One criterion's findings, as both reports list them. */
interface FindingGroup {
  criterionCode: string;
  title: string;
  points: number | null;
  /** Its folder in the package, when it has materials. */
  folder: string | null;
  counts: RiskCount;
  findings: ReportFinding[];
}

/** A finding as the 创城办 reads it: the material by its path in the package, and the file's original name. */
interface ReportFinding {
  criterionCode: string;
  ruleId: RuleId;
  rule: string;
  severity: Severity;
  /** The material's path inside the package (null for a finding about the criterion itself). */
  path: string | null;
  /** The file's name as the officer added it (the office cannot see it otherwise). */
  originalName: string | null;
  message: string;
  pointsAtRisk: number;
}

/** The findings by criterion, in the package's criterion order (then any other), errors first within each. */
function findingGroups(c: PackageContent): FindingGroup[] {
  const materials = new Map(c.materials.map((m) => [m.id, m]));
  const criteria = new Map(c.criteria.map((k, i) => [k.code, { k, i }]));
  const byCode = new Map<string, Finding[]>();
  for (const f of c.check.findings) {
    const list = byCode.get(f.criterionCode);
    if (list) list.push(f);
    else byCode.set(f.criterionCode, [f]);
  }
  const folders = new Map<string, string>();
  for (const m of c.materials) if (!folders.has(m.criterionCode)) folders.set(m.criterionCode, folderOf(m.path));
  const order = (code: string): number => criteria.get(code)?.i ?? Number.MAX_SAFE_INTEGER;
  return [...byCode.entries()]
    .sort(([a], [b]) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, fs]) => {
      const k = criteria.get(code)?.k;
      const sorted = [...fs].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
      return {
        criterionCode: code,
        title: k?.title ?? '',
        points: k?.points ?? null,
        folder: folders.get(code) ?? null,
        counts: c.check.criteria[code] ?? countOf(fs),
        findings: sorted.map((f) => {
          const m = f.materialId ? materials.get(f.materialId) : undefined;
          return {
            criterionCode: code,
            ruleId: f.ruleId,
            rule: RULES[f.ruleId].label,
            severity: f.severity,
            path: m?.path ?? null,
            originalName: f.materialId ? (c.documents.originalNames[f.materialId] ?? f.file) : null,
            message: f.message,
            pointsAtRisk: f.pointsAtRisk,
          };
        }),
      };
    });
}

function countOf(fs: Finding[]): RiskCount {
  const n = (s: Severity): number => fs.filter((f) => f.severity === s).length;
  return { errors: n('error'), warnings: n('warning'), infos: n('info'), pointsAtRisk: 0 };
}

/**
 * 校验报告.json: the summary first, then each criterion with findings (its counts and its folder in the package),
 * then every finding in criterion order — each naming its material by its path inside the package and giving the
 * file's original name. `findings` stays one flat list (what `verify` reads of a final package).
 */
export function reportJson(c: PackageContent): unknown {
  const groups = findingGroups(c);
  return {
    summary: { ...c.check.summary, criteria: groups.length },
    createdAt: c.createdAt,
    ruleProfileSha256: c.ruleProfileSha256,
    unit: c.unit,
    kind: c.kind,
    month: c.month,
    criteria: groups.map((g) => ({
      criterionCode: g.criterionCode,
      title: g.title,
      folder: g.folder,
      ...g.counts,
      findings: g.findings.length,
    })),
    findings: groups.flatMap((g) => g.findings),
  };
}

/**
 * 校验报告.pdf: the official header; the summary first (counts by severity, points at risk, criteria concerned);
 * then the findings by criterion, each material named by its path inside the package with its original name.
 */
export function reportDocument(c: PackageContent): Doc {
  const s = c.check.summary;
  const groups = findingGroups(c);
  const blocks: Block[] = officialHeader(c, '校验报告');
  blocks.push(
    { t: 'heading', text: '一、总体情况' },
    {
      t: 'table',
      columns: [
        { title: '错误（会失分）', width: 0.2, align: 'center' },
        { title: '警告（可能失分）', width: 0.2, align: 'center' },
        { title: '提示', width: 0.2, align: 'center' },
        { title: '预计失分', width: 0.2, align: 'center' },
        { title: '涉及测评标准', width: 0.2, align: 'center' },
      ],
      rows: [
        [`${s.errors} 项`, `${s.warnings} 项`, `${s.infos} 项`, `${num(s.pointsAtRisk)} 分`, `${groups.length} 条`],
      ],
    },
    {
      t: 'para',
      text:
        `校验时间：${dateLabel(c.createdAt)} ${c.createdAt.slice(11, 16)}。错误会失分，正式申报包须全部处理；` +
        '警告可能失分；提示供参考。材料以申报包内的路径标明，并注明原文件名。',
    },
    { t: 'note', text: `${catalogLine(c)}规则配置指纹：${c.ruleProfileSha256.slice(0, 16)}。` },
    { t: 'heading', text: `二、问题明细（按测评标准，共 ${c.check.findings.length} 项）` },
  );
  if (groups.length === 0) blocks.push({ t: 'para', text: '未发现失分风险。' });
  let n = 0;
  for (const g of groups) {
    const k = g.counts;
    blocks.push(
      { t: 'heading', text: criterionLabel(g.criterionCode, g.title) },
      {
        t: 'note',
        text:
          (g.points === null ? '' : `分值 ${num(g.points)} 分；`) +
          `错误 ${k.errors} 项，警告 ${k.warnings} 项，提示 ${k.infos} 项；预计失分 ${num(k.pointsAtRisk)} 分。` +
          (g.folder ? `包内文件夹：${g.folder}` : ''),
      },
      {
        t: 'table',
        columns: [
          { title: '序号', width: 0.065, align: 'center' },
          { title: '级别', width: 0.07, align: 'center' },
          { title: '问题', width: 0.14 },
          { title: '材料（包内路径）', width: 0.31 },
          { title: '说明', width: 0.325 },
          { title: '预计失分', width: 0.09, align: 'center' },
        ],
        rows: g.findings.map((f) => [
          String(++n),
          SEVERITIES[f.severity],
          f.rule,
          materialCell(f),
          f.message,
          f.pointsAtRisk ? `${num(f.pointsAtRisk)} 分` : '—',
        ]),
      },
    );
  }
  return { title: `${c.unit.name}${c.year}年网上申报材料校验报告`, blocks };
}

function materialCell(f: ReportFinding): Cell {
  if (!f.path) return '（整条标准）';
  return { text: f.path, note: f.originalName ? `原文件名：${f.originalName}` : undefined };
}
