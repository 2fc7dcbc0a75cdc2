/**
 * One segment of a package path (PACKAGE-FORMAT.md "Paths"): what Windows Explorer, WinRAR and WPS can all extract.
 * Lengths are UTF-16 code units, as Windows counts them for MAX_PATH (a rare character outside the BMP counts two).
 */

/** A segment's maximum length. */
export const MAX_SEGMENT = 60;
/** A whole path's maximum length: 260 minus room for the folder it is extracted into. */
export const MAX_PATH = 200;

/** What had to change in a name to make it a safe segment. */
export type NameChange = 'characters' | 'trailing' | 'reserved' | 'shortened' | 'renamed-duplicate' | 'empty';

// Windows' forbidden characters, every control character (Cc: C0, DEL and C1 such as U+0085) and every format
// character (Cf: the bidi overrides that make `报告\u202egpj.exe.txt` read as `报告txt.exe.jpg`, zero-width and
// directional marks).
const ILLEGAL = /[\\/:*?"<>|\p{Cc}\p{Cf}]/u;
const ILLEGAL_ALL = new RegExp(ILLEGAL.source, 'gu');
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/iu;
const TRAILING = /[. ]+$/u;

/**
 * Makes `name` a safe segment of at most `max` characters: NFC, `\/:*?"<>|`, control and format (bidi, zero-width)
 * characters → `_`, no trailing dot or space, Windows reserved names (`CON`, `COM1.txt`…) prefixed with `_`.
 * Returns what changed.
 * NFC normalisation alone is not reported: it changes no character a person sees.
 */
export function safeSegment(name: string, max = MAX_SEGMENT): { text: string; changes: NameChange[] } {
  const changes = new Set<NameChange>();
  let s = name.normalize('NFC');
  if (ILLEGAL.test(s)) {
    changes.add('characters');
    s = s.replace(ILLEGAL_ALL, '_');
  }
  s = trimTrailing(s, changes);
  if (s.length > max) {
    s = trimTrailing(cut(s, max), changes);
    changes.add('shortened');
  }
  if (s === '') {
    s = '_';
    changes.add('empty');
  }
  if (RESERVED.test(s)) {
    s = cut(`_${s}`, max);
    changes.add('reserved');
  }
  return { text: s, changes: [...changes] };
}

function trimTrailing(s: string, changes: Set<NameChange>): string {
  const t = s.replace(TRAILING, '');
  if (t !== s) changes.add('trailing');
  return t;
}

/** The first `max` UTF-16 units of `s`, never splitting a surrogate pair. */
export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const high = s.charCodeAt(max - 1);
  return s.slice(0, high >= 0xd800 && high <= 0xdbff ? max - 1 : max);
}
