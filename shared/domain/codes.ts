/**
 * Criterion codes. A code is unique in a catalog and always normalised the same way, whether it comes from a
 * catalog file, a spreadsheet or a command line: NFKC (full-width digits → ASCII, `Ⅲ` → `III`), every dash unified
 * to `-`, white space removed, trailing `、` / `.` removed.
 */

const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D\u30FC]/g;
const TRAILING_PUNCT = /[、.。，,:：]+$/u;

/** Normalises a code or a printed label (see the module comment). */
export function normalizeCode(input: string): string {
  return input.normalize('NFKC').replace(DASHES, '-').replace(/\s+/gu, '').replace(TRAILING_PUNCT, '');
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Reads a Chinese numeral up to 99 (`十二`, `二十`, `三十五`); `undefined` when it is not one. */
export function parseChineseNumeral(s: string): number | undefined {
  if (!/^[零〇一二两三四五六七八九十]+$/u.test(s)) return undefined;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? CN_DIGITS[s] : undefined;
  if (s.indexOf('十', ten + 1) >= 0) return undefined;
  const tens = ten === 0 ? 1 : CN_DIGITS[s.slice(0, ten)];
  const rest = s.slice(ten + 1);
  const ones = rest === '' ? 0 : CN_DIGITS[rest];
  if (tens === undefined || ones === undefined || rest.length > 1) return undefined;
  return tens * 10 + ones;
}

/** A label that is already a full path (`1.2.3`, `III-3`, `A-1-2`): used as the code as it is. */
export function isFullPathCode(code: string): boolean {
  return /^[0-9A-Za-z]+(?:[.-][0-9A-Za-z]+)+$/u.test(code);
}

/**
 * The local number of a label whose numbering restarts under each parent — `一、`, `（一）`, `1)`, `(2)`, `3.`, `①` —
 * as the segment to join to the parent's code; `undefined` when the label carries no usable number.
 */
export function localSegment(label: string): string | undefined {
  let s = normalizeCode(label);
  const wrapped = /^\((.+)\)$/u.exec(s) ?? /^(.+)\)$/u.exec(s);
  if (wrapped) s = wrapped[1]!;
  if (s === '') return undefined;
  if (/^\d+$/u.test(s)) return String(Number(s));
  const cn = parseChineseNumeral(s);
  if (cn !== undefined) return String(cn);
  if (/^[A-Za-z]+$/u.test(s)) return s;
  return undefined;
}

/**
 * The code of a catalog node, by the rules of the foundation issue: an explicit code wins; a label that is already a
 * full path is used as is; a local number is joined to the parent's code; else the position among its siblings.
 * @param position 1-based position among the siblings, used when nothing else gives a number.
 */
export function deriveCode(opts: {
  code?: string | undefined;
  label?: string | undefined;
  parentCode: string | null;
  position: number;
}): string {
  if (opts.code !== undefined && normalizeCode(opts.code) !== '') return normalizeCode(opts.code);
  const join = (segment: string): string => (opts.parentCode === null ? segment : `${opts.parentCode}.${segment}`);
  if (opts.label !== undefined) {
    const printed = normalizeCode(opts.label);
    if (isFullPathCode(printed)) return printed;
    const local = localSegment(opts.label);
    if (local !== undefined) return join(local);
  }
  return join(String(opts.position));
}
