/**
 * Line breaking for the package's documents, with the rules a Chinese office expects of a printed table: never
 * inside a number (`1.5`, `2026-03-12`, `12,000`) or between a number and its unit (`2 分`, `4页`, `2026年3月12日`,
 * `第 3 页`), no closing punctuation at the start of a line and no opening one at its end (禁则), and never a file
 * extension alone on a line (`.pdf`). Chinese breaks between any two characters; Latin words break at spaces, after
 * `_ - /`, and only inside a word when nothing better fits.
 */

/** May not start a line. */
const CLOSE = new Set([...'，。、；：？！）」』》〉】〕］｝…‥·・〃々〜～,.;:!?)]}%‰’”›»°℃']);
/** May not end a line. */
const OPEN = new Set([...'（「『《〈【〔［｛“‘‹«([{']);
/** Units that stay with the number before them. */
const UNITS = new Set([
  ...'分页张份条项个次人年月日时号位场天元万亿期批家所名台套篇册本幅部届周岁户间座栋吨米秒倍组段',
]);
/** Marks inside a number when digits stand on both sides (`1.5`, `12,000`, `2026-03-12`, `10:30`, `2/3`). */
const IN_NUMBER = new Set([...'.,:/-']);
/** Breaking after these in a Latin run is as good as after a space (`学校_2026`, `writer-password`, `材料/3.1.2`). */
const SOFT_AFTER = new Set([...'_-/\\']);

const isDigit = (c: string | undefined): boolean =>
  c !== undefined && ((c >= '0' && c <= '9') || (c >= '０' && c <= '９'));
const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\u3000' || c === '\t';
/** Letters and digits of a Latin run (file names, codes), where a break is a last resort. */
const isLatin = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));

/** How good a break before each character is: 0 never, 1 only when nothing better fits, 2 fine. */
export type BreakClass = 0 | 1 | 2;

/** The break class before each of `cs` (index 0 is never a break). */
export function breakClasses(cs: readonly string[]): BreakClass[] {
  const tails = extensionTails(cs);
  return cs.map((_, i) => classOf(cs, i, tails));
}

function classOf(cs: readonly string[], i: number, tails: [number, number][]): BreakClass {
  if (i === 0) return 0;
  for (const [from, to] of tails) if (i >= from && i < to) return 0;
  return classAt(cs, i);
}

function classAt(cs: readonly string[], i: number): BreakClass {
  const a = cs[i - 1]!;
  const b = cs[i]!;
  const before = cs[i - 2];
  const after = cs[i + 1];
  if (isSpace(b) || CLOSE.has(b) || OPEN.has(a)) return 0;
  // Numbers: digits, a mark between digits, a unit after a number (with or without a space), 第 before one.
  if (isDigit(a) && isDigit(b)) return 0;
  if (isDigit(a) && IN_NUMBER.has(b) && isDigit(after)) return 0;
  if (IN_NUMBER.has(a) && isDigit(b) && isDigit(before)) return 0;
  if (isDigit(a) && UNITS.has(b)) return 0;
  if (isSpace(a) && isDigit(before) && UNITS.has(b)) return 0;
  if ((a === '年' || a === '月') && isDigit(b) && isDigit(before)) return 0; // 2026年3月12日
  if (a === '第' && isDigit(b)) return 0;
  if (isSpace(a) && before === '第' && isDigit(b)) return 0;
  if (isSpace(a)) return 2;
  if (SOFT_AFTER.has(a)) return 2;
  if ((isLatin(a) || a === '.') && (isLatin(b) || SOFT_AFTER.has(b) || b === '.')) return 1;
  return 2;
}

/**
 * The spans where no break may fall so that a file extension never stands alone on a line: for a word ending in
 * `.ext`, the extension, its dot and the two characters before them stay together (`…rd.pdf`, `…学校.jpg`).
 */
function extensionTails(cs: readonly string[]): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= cs.length; i++) {
    if (i < cs.length && !isSpace(cs[i])) continue;
    const word = cs.slice(start, i).join('');
    const m = /\.[A-Za-z][A-Za-z0-9]{0,4}$/u.exec(word);
    if (m && m.index > 0) {
      const dot = start + [...word.slice(0, m.index)].length;
      spans.push([Math.max(start + 1, dot - 1), i]);
    }
    start = i + 1;
  }
  return spans;
}

/**
 * Breaks `text` into lines no wider than `max` (as `width` measures a character), at the best break before the
 * first character that does not fit: the last fine one, else the last last-resort one, else (a run with no break
 * at all that is wider than the line) right there. A new line in the text starts a new line; spaces at the end of a
 * line hang and are dropped, and so are spaces at the start of the next.
 */
export function wrapText(text: string, max: number, width: (ch: string) => number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    const cs = [...para];
    let total = 0;
    for (const ch of cs) total += width(ch);
    if (total <= max) {
      lines.push(para.trimEnd()); // most cells: one line, no breaks to weigh
      continue;
    }
    // Classes are weighed only where a line must break, a few characters back from where it overflows.
    const tails = extensionTails(cs);
    const classOfAt = (j: number): BreakClass => classOf(cs, j, tails);
    let start = 0;
    let w = 0;
    let i = 0;
    while (i < cs.length) {
      const cw = width(cs[i]!);
      if (i > start && w + cw > max && !isSpace(cs[i])) {
        const cut = bestBreak(classOfAt, start, i);
        lines.push(cs.slice(start, cut).join('').trimEnd());
        start = cut;
        while (start < cs.length && isSpace(cs[start])) start++;
        i = Math.max(i, start);
        w = 0;
        for (let k = start; k < i; k++) w += width(cs[k]!);
        continue;
      }
      w += cw;
      i++;
    }
    lines.push(cs.slice(start).join('').trimEnd());
  }
  return lines;
}

/** The break to take for a line from `start` when the character at `at` does not fit (a position in (start, at]). */
function bestBreak(classOfAt: (j: number) => BreakClass, start: number, at: number): number {
  let fallback = -1;
  for (let j = at; j > start; j--) {
    const c = classOfAt(j);
    if (c === 2) return j;
    if (c === 1 && fallback < 0) fallback = j;
  }
  return fallback > 0 ? fallback : at;
}
