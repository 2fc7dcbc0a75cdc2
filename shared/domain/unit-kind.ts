/**
 * What kind of unit a workspace (or, in the 创城办's mode, a listed unit) is, and which collective 责任单位 reach it.
 * The 台账 often names no unit but a collective (各成员单位, 各市直单位, 各街道): a unit answers for those by its kind.
 * One table here serves the unit's scope and the 创城办's assignment alike.
 */

export const UNIT_KINDS = ['city', 'district', 'township', 'school', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  city: '市直单位',
  district: '区县',
  township: '街道乡镇',
  school: '学校',
  other: '其他',
};

/** A unit name as compared: NFKC, without spaces or brackets (`市教育局（市教体局）` ~ `市教育局市教体局`). */
export const canonUnit = (s: string): string => s.normalize('NFKC').replace(/[\s（）()]/gu, '');

/**
 * A kind guessed from a unit's name, for the officer to confirm: 学校 first (市第一中学 is a school, not a bureau),
 * then 街道乡镇 (…街道办事处 ends in 办 but is a street office), 区县, then 市直单位 (市… or …委/局/办/中心). A
 * 区/县's own bureau (…区教育局) is none of the kinds the collectives name: 其他.
 */
export function guessUnitKind(name: string): UnitKind {
  const n = canonUnit(name);
  if (/(学校|中学|小学|幼儿园|学院|大学|职中|完小)$/u.test(n)) return 'school';
  if (/街道|(镇|乡)(人民政府)?$/u.test(n)) return 'township';
  if (/(区|县)(人民政府)?$/u.test(n)) return 'district';
  const stem = n.replace(/^.{1,6}?(省|自治州|州|市)/u, '');
  if (/[区县]/u.test(stem) && !n.startsWith('市')) return 'other';
  if (/^市|(委员会|委|局|办|办公室|中心)$/u.test(n)) return 'city';
  return 'other';
}

/**
 * The collective terms of the 台账 and the kinds they reach (`all`: every unit). Matched on the whole listed name
 * after NFKC, without spaces, brackets or 、, and without a trailing 人民政府/党工委 (the collective's organ).
 */
const COLLECTIVES: [string[], UnitKind[] | 'all'][] = [
  [['各成员单位', '各有关单位', '各部门', '全市各单位', '各单位', '各相关单位', '各责任单位'], 'all'],
  [['各市直单位', '市直各单位', '各市直部门', '市直各部门'], ['city']],
  [['各区', '各区县', '各县区', '各县市区', '各县'], ['district']],
  [['各街道', '各乡镇', '各乡镇街道', '各街道乡镇', '各镇街', '各乡镇(街道)', '各街道(乡镇)'], ['township']],
  [['各中小学', '各学校', '各中小学校', '各幼儿园', '各中小学幼儿园', '各级各类学校'], ['school']],
];

/** A collective as looked up: `各县（市、区）` → `各县市区`, `各区人民政府` → `各区`, `各街道党工委` → `各街道`. */
const collectiveKey = (s: string): string =>
  canonUnit(s)
    .replace(/、/gu, '')
    .replace(/(人民政府|政府|党委|党工委|管委会)$/u, '');

const REACH = new Map(COLLECTIVES.flatMap(([terms, kinds]) => terms.map((t) => [collectiveKey(t), kinds] as const)));

/** How a listed 牵头/责任单位 reaches units: a named unit, a collective of kinds, or a collective we cannot place. */
export type Reach = { type: 'named' } | { type: 'collective'; kinds: UnitKind[] | 'all' } | { type: 'unplaced' };

export function reachOf(listed: string): Reach {
  const c = collectiveKey(listed);
  const kinds = REACH.get(c);
  if (kinds) return { type: 'collective', kinds };
  // 各执法部门, 各窗口单位…: a collective we cannot place by kind; the officer decides.
  if (c.startsWith('各') && c.length >= 2) return { type: 'unplaced' };
  return { type: 'named' };
}

/** Whether a collective term reaches a unit of this kind. */
export function collectiveReaches(listed: string, kind: UnitKind): boolean {
  const r = reachOf(listed);
  return r.type === 'collective' && (r.kinds === 'all' || r.kinds.includes(kind));
}

/** Reads a kind given as id or label (`city`, `市直单位`); undefined when it is neither. */
export function parseUnitKind(input: string): UnitKind | undefined {
  const s = input.trim();
  return UNIT_KINDS.find((k) => k === s || UNIT_KIND_LABELS[k] === s);
}
