import { isIsoDate } from './period';

/** A photo caption (图片说明): `text` is the sentence shown; the other fields are what the checker reads. */
export interface Caption {
  text: string;
  date: string | null;
  place: string | null;
  people: string | null;
  subject: string | null;
  reason: string | null;
}

const LABELS: [keyof Omit<Caption, 'text'>, RegExp][] = [
  ['date', /^(时间|日期)$/u],
  ['place', /^(地点|场所|位置)$/u],
  ['people', /^(人物|参加人员|参与人员|人员)$/u],
  ['subject', /^(主题|活动|名称)$/u],
  ['reason', /^(事由|内容|说明)$/u],
];

/**
 * Reads a caption typed by a user. The text is kept as typed; labelled parts (`时间：2025年5月12日；地点：…`) fill the
 * fields; a date anywhere in the text fills `date` when no 时间 is labelled.
 */
export function parseCaption(text: string): Caption {
  const c: Caption = { text: text.trim(), date: null, place: null, people: null, subject: null, reason: null };
  for (const part of text.split(/[；;\n]+/u)) {
    const m = /^\s*([^：:]{1,6})[：:]\s*(.+?)\s*[，,。]?\s*$/u.exec(part);
    if (!m) continue;
    const field = LABELS.find(([, re]) => re.test(m[1]!.trim()))?.[0];
    if (field === 'date') c.date = readDate(m[2]!);
    else if (field) c[field] = m[2]!;
  }
  c.date ??= readDate(text);
  return c;
}

/** The first date in a text (`2025年5月12日`, `2025-05-12`, `2025.5.12`) as YYYY-MM-DD, or null. */
export function readDate(text: string): string | null {
  const m = /(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})/u.exec(text.normalize('NFKC'));
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
