import type { Period } from '../period';
import type { Block } from './blocks';
import type { PackageContent, PackageMaterial } from './content';

/**
 * Text as a printed document shows it: control characters (a bell, an escape sequence, C1 codes) and format
 * characters (bidi overrides, zero-width marks) dropped — they draw as empty boxes or reorder what a viewer copies,
 * and most are not allowed in a spreadsheet's XML — and tabs as spaces. New lines stay.
 */
export function printable(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, (c) => (c === '\n' ? c : c === '\t' ? ' ' : ''));
}

/** `2026-05` → `2026年5月`. */
export const monthLabel = (m: string): string => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;

/** `2026-05-20` (or a timestamp starting so) → `2026年5月20日`. */
export const dateLabel = (d: string): string =>
  `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export const periodLabel = (p: Period): string => `${dateLabel(p.start)}至${dateLabel(p.end)}`;

/** A number as a document prints it: at most two decimals, no trailing zeros (`0.375` → `0.38`). */
export const num = (x: number): string => String(Math.round(x * 100) / 100);

/** `3.1.2 劳动教育与研学实践`. */
export const criterionLabel = (code: string, title: string): string => (title ? `${code} ${title}` : code);

/** The file's name inside its criterion's folder (the last segment of its path). */
export const fileNameOf = (m: Pick<PackageMaterial, 'path'>): string => m.path.slice(m.path.lastIndexOf('/') + 1);

/** The criterion's folder in the package (`材料/3.1.2_劳动教育与研学实践/`), from one of its materials' paths. */
export const folderOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);

const IMAGE = /\.(jpe?g|png|gif|webp|bmp|tiff?)$/iu;

/** 页数/张数: `4页` for a document, `1张` for an image, `—` when unknown (video, an unreadable PDF). */
export function extentOf(m: Pick<PackageMaterial, 'pages' | 'path'>): string {
  if (m.pages === null) return '—';
  return `${m.pages}${IMAGE.test(m.path) ? '张' : '页'}`;
}

/**
 * The official header every document of the package opens with, as an office's forms do: the title centred in the
 * heading face, what the package is, then 填报单位（盖章）, 报送日期, 联系人 and 联系电话 (a line to write on
 * where the settings have none).
 */
export function officialHeader(c: PackageContent, what: string): Block[] {
  const { name, phone } = c.documents.contact;
  return [
    { t: 'title', text: `${c.year}年全国文明城市网上申报材料${what}` },
    {
      t: 'subtitle',
      text: c.kind === 'monthly' ? `（${monthLabel(c.month)}月报）` : `（正式报送 · ${monthLabel(c.month)}）`,
    },
    {
      t: 'fields',
      rows: [
        [
          { label: '填报单位（盖章）', value: c.unit.name },
          { label: '报送日期', value: dateLabel(c.createdAt) },
        ],
        [
          { label: '联系人', value: name },
          { label: '联系电话', value: phone },
        ],
      ],
    },
  ];
}

/** The catalog and the period, in one sentence. */
export function catalogLine(c: PackageContent): string {
  const catalog = c.catalog.name ? `${c.catalog.name}（${c.catalog.edition}）` : `${c.catalog.edition}版`;
  return `测评体系：${catalog}；测评周期：${periodLabel(c.period)}。`;
}

/** Groups items by a key, keeping first-seen order. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}
