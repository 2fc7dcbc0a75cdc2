import { MATERIAL_KINDS, parseValue, type MaterialKind } from './value-sets';

/** What a count repeats over: 每场/每次 (each event), 每月, 每季度. */
export type RequirementPer = 'event' | 'month' | 'quarter';
/** How a repetition is said: 每场活动至少 3 份. */
export const PER_LABELS: Record<RequirementPer, string> = { event: '每场活动', month: '每月', quarter: '每季度' };

/**
 * One evidence requirement of a criterion, one per phrase of the 材料要求: at least `min` of `kind` — per event,
 * month or quarter when `per` says so, and in groups of `groupSize` files when counted in 组 (a before/after pair:
 * 2) — with `text` the phrase exactly as the 创城办 wrote it (full-width punctuation kept).
 */
export interface Requirement {
  kind: MaterialKind;
  min: number;
  text: string;
  per?: RequirementPer;
  groupSize?: number;
}

/** The files a requirement needs for one unit of its repetition: `min` groups of `groupSize`. */
export function filesNeeded(r: Requirement): number {
  return r.min * (r.groupSize ?? 1);
}

/**
 * Words that name a kind in free-text 材料要求, most specific first. A phrase naming none is still a requirement,
 * of kind `other`, for the officer to type.
 */
const KIND_WORDS: [RegExp, MaterialKind][] = [
  [/情况说明|工作说明|说明材料|书面说明/u, 'statement'],
  [/统计表|数据表|汇总表|一览表|登记表|花名册|课程表|报表|表格/u, 'table'],
  [/台账|台帐/u, 'ledger'],
  [/视频|录像|影像(?!资料)/u, 'video'],
  [/截图|截屏|媒体报道|新闻报道|宣传报道|报道|网页|公众号/u, 'screenshot'],
  [/图片|照片|实景|影像资料|图像/u, 'photo'],
  [
    /文件|方案|制度|通知|规划|计划|总结|纪要|办法|意见|记录|名单|责任书|签到|简报|讲话|报告|汇报|协议|细则|规定|公告|章程|清单|决定|证书|说明/u,
    'document',
  ],
];

const NO_REQUIREMENT = /^(?:[（(]?无需网报[)）]?|[—–-]+|无|\/)$/u;
/** Where one phrase ends: `；`, `。`, a new line (the original text, full- or half-width). */
const PHRASES = /[;；。\n]+/u;
/** Inside a phrase, a list of kinds (`工作方案、活动总结及现场图片`): split only when every part names a kind. */
const LIST = /[、，,]|及|以及|和/u;
const UNITS = '张|份|个|篇|条|段|组|次|期|场|项|幅|套';
const NUMBER = '[0-9]+|[一二两三四五六七八九十]+';
const COUNT = new RegExp(
  `(?:不少于|至少|不低于|不得少于|≥|>=)\\s*(${NUMBER})\\s*(${UNITS})?|(${NUMBER})\\s*(?:[-–~～至到]\\s*(?:${NUMBER})\\s*)?(${UNITS})(?:以上|及以上)?`,
  'gu',
);
/** Units that count events (活动每月不少于2次), not files: a count of files in the same phrase wins over them. */
const EVENT_UNITS = new Set(['次', '场', '期', '项']);
/**
 * A part of a list that qualifies what came before rather than asking for more files (实景图片不少于3张，每张图片须配文字
 * 说明): the phrase is then one requirement, not a list.
 */
const QUALIFIER = /^(?:每张|每份|每幅|每个|每篇|须|需|要求|并|且|均)/u;
const PER: [RegExp, RequirementPer][] = [
  [/每场|每次|每项活动|每期/u, 'event'],
  [/每月|每个月/u, 'month'],
  [/每季度|每季|每个季度/u, 'quarter'],
];

/**
 * Parses free-text 材料要求 (`实景图片不少于10张；会议纪要`) into requirements: every phrase becomes one — of the
 * kind its words name, else `other`, never nothing — with its count (`不少于10张`, `≥3`, `3张以上`, `不少于三张`),
 * what the count repeats over (`每月`, `每场`, `每季度`) and its group size (`5组` of before/after photos → 2 each).
 * `（无需网报）` and `——` mean none.
 */
export function parseRequirementsText(text: string): Requirement[] {
  if (NO_REQUIREMENT.test(text.normalize('NFKC').trim())) return [];
  const out: Requirement[] = [];
  for (const raw of text.split(PHRASES)) {
    const phrase = raw.trim();
    if (phrase === '' || NO_REQUIREMENT.test(phrase.normalize('NFKC'))) continue;
    const parts = phrase.split(LIST).map((p) => p.trim());
    const list =
      parts.length > 1 && parts.every((p) => p !== '' && kindOf(p) !== 'other' && !QUALIFIER.test(p.normalize('NFKC')));
    for (const part of list ? parts : [phrase]) out.push(requirementOf(part, phrase));
  }
  return out;
}

function requirementOf(part: string, phrase: string): Requirement {
  const s = part.normalize('NFKC');
  const r: Requirement = { kind: kindOf(s), min: 1, text: part === phrase ? phrase : part };
  // The count of files, when the phrase also counts events (每月不少于2次，每场照片不少于3张 asks for 3 photos per
  // event); a range (3-5张) asks for its lower bound.
  const counts = [...s.matchAll(COUNT)].map((m) => ({ n: m[1] ?? m[3] ?? '1', unit: m[2] ?? m[4] }));
  const n = counts.find((c) => c.unit !== undefined && !EVENT_UNITS.has(c.unit)) ?? counts[0];
  if (n) {
    r.min = Math.max(1, numberOf(n.n));
    if (n.unit === '组') r.groupSize = 2;
  }
  const per = PER.find(([re]) => re.test(s))?.[1];
  if (per) r.per = per;
  return r;
}

function kindOf(s: string): MaterialKind {
  return KIND_WORDS.find(([re]) => re.test(s.normalize('NFKC')))?.[1] ?? 'other';
}

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `12`, `三`, `十二`, `二十`, `二十五` → the number (Chinese numerals up to 99). */
function numberOf(s: string): number {
  if (/^[0-9]+$/u.test(s)) return Number(s);
  const [tens, ones] = s.includes('十') ? s.split('十') : ['', s];
  const t = s.includes('十') ? (tens === '' ? 1 : (DIGITS[tens!] ?? 0)) : 0;
  return t * 10 + (DIGITS[ones ?? ''] ?? 0);
}

/** Reads a kind given as id, label or alias (`photo`, `实景图片`, `图片`). */
export function parseKind(input: string): MaterialKind | undefined {
  return parseValue(MATERIAL_KINDS, input);
}

/** The officer's kind for one phrase of one criterion's 材料要求 (set in the import preview). */
export interface RequirementKindChoice {
  code: string;
  text: string;
  kind: MaterialKind;
}

/**
 * The nodes with the officer's kinds put on the phrases they name (matched by criterion code and the phrase as
 * written); a choice whose phrase is no longer there does nothing. The nodes given are not changed.
 */
export function withRequirementKinds<N extends { code: string; requirements: Requirement[] }>(
  nodes: N[],
  choices: RequirementKindChoice[],
): N[] {
  if (choices.length === 0) return nodes;
  const chosen = new Map(choices.map((c) => [`${c.code}\u0000${c.text}`, c.kind]));
  return nodes.map((n) =>
    n.requirements.some((r) => chosen.has(`${n.code}\u0000${r.text}`))
      ? {
          ...n,
          requirements: n.requirements.map((r) => ({ ...r, kind: chosen.get(`${n.code}\u0000${r.text}`) ?? r.kind })),
        }
      : n,
  );
}
