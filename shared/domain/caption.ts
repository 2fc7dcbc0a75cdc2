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

export type CaptionElement = keyof Omit<Caption, 'text'>;

/** Chinese names of the caption elements, in the order a caption gives them. */
export const CAPTION_ELEMENTS: Record<CaptionElement, string> = {
  date: '时间',
  place: '地点',
  people: '人物',
  subject: '主题',
  reason: '事由',
};

/**
 * Signals that an unlabelled caption still names an element. Officers write sentences
 * (`2025年5月12日，市教育局在市一中报告厅组织全体教师开展师德师风专题学习`), not forms; these catch the usual wording.
 */
const ELEMENT_SIGNALS: Record<CaptionElement, RegExp> = {
  date: /\d{4}\s*[年./-]\s*\d{1,2}|\d{1,2}\s*月\s*\d{1,2}\s*日/u,
  place:
    /在[^，。,；;]{2,30}?(开展|举行|举办|召开|组织|进行|参加|慰问|走访|宣讲|学习|集中)|会议室|报告厅|礼堂|广场|社区|村委|街道|学校|小学|中学|大学|幼儿园|医院|公园|中心|站|馆|大厅|现场|办公室|路口|[镇乡村]/u,
  people:
    /参加|参与|出席|带领|组织|主持|师生|学生|教师|干部|职工|党员|志愿者|群众|居民|村民|市民|代表|同志|领导|书记|局长|主任|校长|[0-9一二三四五六七八九十百余多]+\s*(人|名)/u,
  subject:
    /活动|会议|宣讲|培训|检查|讲座|学习|教育|志愿服务|主题|仪式|比赛|演出|督查|巡查|座谈|慰问|整治|宣传|演练|调研|观摩/u,
  reason: /为了|为进一步|旨在|围绕|根据|按照|落实|推动|推进|营造|提升|助力/u,
};

/** Whether a caption names an element: a labelled field, or the wording of its text. */
export function hasCaptionElement(c: Caption, element: CaptionElement): boolean {
  const field = c[element];
  return (field !== null && field !== '') || ELEMENT_SIGNALS[element].test(c.text.normalize('NFKC'));
}

/** Which elements a caption names. */
export function captionElements(c: Caption): Record<CaptionElement, boolean> {
  const out = {} as Record<CaptionElement, boolean>;
  for (const k of Object.keys(CAPTION_ELEMENTS) as CaptionElement[]) out[k] = hasCaptionElement(c, k);
  return out;
}
