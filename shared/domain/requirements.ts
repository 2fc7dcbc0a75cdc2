import { MATERIAL_KINDS, parseValue, type MaterialKind } from './value-sets';

/** One evidence requirement of a criterion: at least `min` materials of `kind`; `text` is the wording as given. */
export interface Requirement {
  kind: MaterialKind;
  min: number;
  text: string;
}

/** Words that name a kind in free-text 材料要求, most specific first. */
const KIND_WORDS: [RegExp, MaterialKind][] = [
  [/情况说明|工作说明|说明材料/u, 'statement'],
  [/统计表|数据表|汇总表|表格/u, 'table'],
  [/台账|台帐/u, 'ledger'],
  [/视频|影像/u, 'video'],
  [/截图|截屏|媒体报道|网页/u, 'screenshot'],
  [/图片|照片|实景|影像资料/u, 'photo'],
  [/文件|方案|制度|通知|规划|计划|总结|纪要|办法|意见/u, 'document'],
];

const NO_REQUIREMENT = /^(?:[（(]?无需网报[)）]?|[—–-]+|无|\/)$/u;

/**
 * Parses free-text 材料要求 (`实景图片不少于10张；相关文件`) into requirements, one per kind named, with the
 * minimum count where a number follows (`不少于10张`, `≥3`, `3张以上`). `（无需网报）` and `——` mean none.
 */
export function parseRequirementsText(text: string): Requirement[] {
  const s = text.normalize('NFKC').trim();
  if (s === '' || NO_REQUIREMENT.test(s)) return [];
  const found = new Map<MaterialKind, Requirement>();
  for (const part of s.split(/[;；。\n]+/u)) {
    const clause = part.trim();
    if (clause === '') continue;
    const kind = KIND_WORDS.find(([re]) => re.test(clause))?.[1];
    if (kind === undefined) continue;
    const n = /(?:不少于|至少|不低于|≥|>=)\s*(\d+)|(\d+)\s*(?:张|份|个|篇|条|段)(?:以上|及以上)?/u.exec(clause);
    const min = n ? Number(n[1] ?? n[2]) : 1;
    const prev = found.get(kind);
    if (!prev || prev.min < min) found.set(kind, { kind, min: Math.max(min, 1), text: clause });
  }
  return [...found.values()];
}

/** Reads a kind given as id, label or alias (`photo`, `实景图片`, `图片`). */
export function parseKind(input: string): MaterialKind | undefined {
  return parseValue(MATERIAL_KINDS, input);
}
