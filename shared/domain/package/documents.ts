import { displayFingerprint, REVIEW_DECISIONS } from '../signoff';
import { MATERIAL_KINDS } from '../value-sets';
import type { Block, Cell, Doc } from './blocks';
import type { PackageContent, PackageMaterial } from './content';
import {
  catalogLine,
  criterionLabel,
  dateLabel,
  extentOf,
  fileNameOf,
  groupBy,
  monthLabel,
  officialHeader,
} from './format';

export { reportDocument, reportJson } from './report';

/** The 目录's table of materials: what an office's 材料目录 has, in its order. */
const INDEX_COLUMNS = [
  { title: '序号', width: 0.065, align: 'center' },
  { title: '测评标准', width: 0.19 },
  { title: '材料名称', width: 0.28 },
  { title: '类型', width: 0.09, align: 'center' },
  { title: '形成日期', width: 0.125, align: 'center' },
  { title: '页数/\n张数', width: 0.075, align: 'center' },
  { title: '备注', width: 0.175 },
] as const;

/**
 * 目录.pdf, laid out as an office's 材料目录: the official header; how many materials the table lists (the count
 * is the table's rows), how many are new this month; one row per material — its criterion (merged over the
 * criterion's rows), its name in the package with its caption, type, date, pages; the month it counts for marked
 * in 备注 when it is not this package's month (a monthly package is cumulative), as is a date outside the period.
 * Then the criteria without materials, with a unit's 不属本单位职责 statement. No internal status is printed.
 */
export function indexDocument(c: PackageContent): Doc {
  const blocks = officialHeader(c, '目录');
  const titles = new Map(c.criteria.map((k) => [k.code, k.title]));
  const byCriterion = groupBy(c.materials, (m) => m.criterionCode);
  const fresh = c.materials.filter((m) => m.month === c.month).length;
  const month = monthLabel(c.month);
  blocks.push(
    {
      t: 'para',
      text:
        `本目录共列材料 ${c.materials.length} 份，涉及测评标准 ${byCriterion.size} 条；其中${month}新增 ${fresh} 份，` +
        `其余 ${c.materials.length - fresh} 份为往月材料，备注栏注明其计入月份。` +
        '材料按“一项一档”存放在申报包的“材料”文件夹中，每条测评标准一个文件夹，“材料名称”即文件名。',
    },
    { t: 'note', text: catalogLine(c) },
    { t: 'heading', text: `一、材料目录（共 ${c.materials.length} 份）` },
  );
  if (c.materials.length === 0) blocks.push({ t: 'para', text: '本次尚未报送材料。' });
  else
    blocks.push({
      t: 'table',
      columns: [...INDEX_COLUMNS],
      merge: 1,
      rows: c.materials.map((m, i) => [
        String(i + 1),
        // The code on a line of its own: the title then breaks less often in the narrow column.
        `${m.criterionCode}\n${titles.get(m.criterionCode) ?? ''}`.trim(),
        materialCell(m),
        MATERIAL_KINDS[m.kind],
        m.eventDate ?? '—',
        extentOf(m),
        remarks(c, m).join('\n'),
      ]),
    });
  const without = c.criteria.filter((k) => !byCriterion.has(k.code));
  if (without.length > 0)
    blocks.push(
      { t: 'heading', text: `二、尚无材料的测评标准（共 ${without.length} 条）` },
      {
        t: 'table',
        columns: [
          { title: '序号', width: 0.065, align: 'center' },
          { title: '测评标准', width: 0.45 },
          { title: '备注', width: 0.485 },
        ],
        rows: without.map((k, i) => [
          String(i + 1),
          criterionLabel(k.code, k.title),
          k.declaration ? `不属本单位职责：${k.declaration.statement}` : '',
        ]),
      },
    );
  return { title: `${c.unit.name}${c.year}年网上申报材料目录`, blocks };
}

/** 材料名称: the file's name in the package, its caption (图片说明) below it. */
function materialCell(m: PackageMaterial): Cell {
  return { text: fileNameOf(m), note: m.caption?.text ? `说明：${m.caption.text}` : undefined };
}

/** 备注: the month a material counts for when it is not this package's, and a date outside the period. */
function remarks(c: PackageContent, m: PackageMaterial): string[] {
  const out = [m.month === c.month ? '本月新增' : `计入${monthLabel(m.month)}`];
  if (m.eventDate && (m.eventDate < c.period.start || m.eventDate > c.period.end)) out.push('日期超出测评周期');
  return out;
}

/** A date to fill in by hand. */
const SIGNING_DATE = '\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日';

/**
 * 签批单.pdf: the official header, one row per criterion with its number of materials, what each leader decided in
 * the app (the decision, who, when, their key's short fingerprint, a return's comment; empty where no one has yet),
 * an empty 签字 column, and the signature and date lines offices still file on paper.
 */
export function signOffDocument(c: PackageContent): Doc {
  const blocks: Block[] = officialHeader(c, '签批单');
  const counts = groupBy(c.materials, (m) => m.criterionCode);
  const reviews = reviewsByCriterion(c);
  blocks.push(
    {
      t: 'para',
      text:
        `本次报送测评标准 ${c.criteria.length} 条、材料 ${c.materials.length} 份（详见《目录》）。` +
        '分管领导审改、主要负责同志审阅把关的意见由网报通按签批记录填入（指纹为签批密钥的前 16 位）。',
    },
    {
      t: 'table',
      columns: [
        { title: '序号', width: 0.06, align: 'center' },
        { title: '测评标准', width: 0.27 },
        { title: '材料数', width: 0.07, align: 'center' },
        { title: '分管领导\n审改意见', width: 0.23 },
        { title: '主要负责同志\n审阅把关意见', width: 0.23 },
        { title: '签字', width: 0.14 },
      ],
      minRowHeight: 30,
      rows: c.criteria.map((k, i) => [
        String(i + 1),
        criterionLabel(k.code, k.title) + (k.declaration ? '\n（不属本单位职责）' : ''),
        `${counts.get(k.code)?.length ?? 0} 份`,
        reviewCell(reviews.get(k.code)?.leader),
        reviewCell(reviews.get(k.code)?.principal),
        '',
      ]),
    },
    {
      t: 'fields',
      gap: 14,
      rows: [
        [
          { label: '分管领导（签字）', value: '' },
          { label: '日期', value: SIGNING_DATE },
        ],
        [
          { label: '主要负责同志（签字）', value: '' },
          { label: '日期', value: SIGNING_DATE },
        ],
      ],
    },
    {
      t: 'note',
      text:
        '本表的审核意见与申报包清单中的签批记录一致，可用网报通“校验申报包”核对签名。' +
        '请打印本表，由分管领导、主要负责同志签字后随纸质材料存档。',
    },
  );
  return { title: `${c.unit.name}${c.year}年网上申报材料签批单`, blocks };
}

type PackageReview = PackageContent['signoff']['reviews'][number];

/** Each criterion's latest review at each level, as the manifest carries them. */
export function reviewsByCriterion(
  c: PackageContent,
): Map<string, { leader?: PackageReview; principal?: PackageReview }> {
  const out = new Map<string, { leader?: PackageReview; principal?: PackageReview }>();
  for (const r of c.signoff.reviews) out.set(r.criterionCode, { ...out.get(r.criterionCode), [r.level]: r });
  return out;
}

/** `通过\n王分管 2026年5月20日 10:00\n指纹 3f2a 9c01 77de 0b45` (a return adds its comment); '' when none. */
function reviewCell(r: PackageReview | undefined): string {
  if (!r) return '';
  const lines = [REVIEW_DECISIONS[r.decision], `${r.signer} ${dateLabel(r.at)} ${r.at.slice(11, 16)}`];
  if (r.decision === 'return') lines.push(`意见：${r.comment}`);
  lines.push(`指纹 ${displayFingerprint(r.fingerprint)}`);
  return lines.join('\n');
}
