/**
 * Splits a cell such as `（一）学校德育`, `1.党委理论学习`, `Ⅲ—3 文明交通`, `一、理想信念教育` into the numbering as
 * printed and the rest. Full-width digits and `Ⅲ` are allowed in the numbering; the title keeps its own characters.
 */
const NUMBERING = new RegExp(
  '^\\s*(' +
    [
      '[一二三四五六七八九十]+[、.．]', // 一、
      '[（(][一二三四五六七八九十0-9０-９]+[)）]', // （一） (1)
      '[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩIVX]+\\s*[—–\\-－]\\s*[0-9０-９]+(?:[.．][0-9０-９]+)*', // Ⅲ—3
      // 1.2.3 — two segments only when a space or mark follows, so 2.5万人 stays content
      '[0-9０-９]+(?:[.．][0-9０-９]+){2,}[.．、]?',
      '[0-9０-９]+[.．][0-9０-９]+(?=\\s|[、.．])[.．、]?',
      '[0-9０-９]+[.．、)）](?![0-9０-９])', // 1.  1、 1)
      '[①-⑳]', // ①
      '[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+[、.．]?', // Ⅲ
    ].join('|') +
    ')\\s*',
  'u',
);

export function splitLabel(cell: string): { label: string | undefined; rest: string } {
  const m = NUMBERING.exec(cell);
  if (!m) return { label: undefined, rest: cell.trim() };
  return { label: m[1]!.trim(), rest: cell.slice(m[0].length).trim() };
}

/** A title for a long 测评标准 cell: its first sentence, at most 60 characters; the whole text is kept as `text`. */
export function titleOf(text: string): string {
  const first = text.split(/[。；;\n]/u)[0]!.trim();
  return first.length <= 60 ? first : `${first.slice(0, 59)}…`;
}
