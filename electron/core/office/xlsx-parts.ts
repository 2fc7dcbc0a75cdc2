import { posix } from 'node:path';
import type yauzl from 'yauzl';
import { LIMITS, partTooLarge } from './xlsx-limits';
import { streamXml, type XlsxZip, type XmlHandler } from './xlsx-zip';

/** A worksheet of the workbook, in the workbook's order. */
export interface SheetRef {
  name: string;
  state: string;
  /** Its part, e.g. `xl/worksheets/sheet1.xml`. */
  part: string;
}

export interface WorkbookInfo {
  sheets: SheetRef[];
  date1904: boolean;
  sharedStringsPart: string;
  stylesPart: string;
}

/** An entry that must be there (the workbook itself), within the size limit of the parts that are not sheets. */
function part(x: XlsxZip, name: string, what: string, limit = LIMITS.partBytes): yauzl.Entry | null {
  const e = x.entries.get(name);
  if (e && e.uncompressedSize > limit) throw partTooLarge(what, name, e.uncompressedSize, limit);
  return e ?? null;
}

/** Parses a small part (sizes checked before with `part`) into `handler`. */
function parse(x: XlsxZip, e: yauzl.Entry, what: string, handler: Partial<XmlHandler>, limit = LIMITS.partBytes) {
  const full: XmlHandler = { open: () => {}, close: () => {}, text: () => {}, ...handler };
  return streamXml(x, e, full, limit, (n) => partTooLarge(what, e.fileName, n, limit));
}

/**
 * The workbook's worksheets (chart sheets and macro sheets left out) with their parts, found through the workbook's
 * relationships, and where its shared strings and styles are.
 */
export async function readWorkbookInfo(x: XlsxZip): Promise<WorkbookInfo> {
  const wbEntry = part(x, 'xl/workbook.xml', 'workbook');
  if (!wbEntry) throw new Error('no xl/workbook.xml');
  const rels = new Map<string, { type: string; target: string }>();
  const relsEntry = part(x, 'xl/_rels/workbook.xml.rels', 'workbook');
  if (relsEntry)
    await parse(x, relsEntry, 'workbook', {
      open(name, a) {
        if (name === 'Relationship' && a.Id && a.Target)
          rels.set(a.Id, { type: a.Type ?? '', target: resolveTarget(a.Target, a.TargetMode) });
      },
    });
  const sheets: SheetRef[] = [];
  let date1904 = false;
  await parse(x, wbEntry, 'workbook', {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1';
      if (name !== 'sheet') return;
      const rel = rels.get(a['r:id'] ?? '');
      if (rel && rel.type.endsWith('/worksheet'))
        sheets.push({ name: a.name ?? '', state: a.state ?? '', part: rel.target });
    },
  });
  const byType = (t: string, fallback: string) =>
    [...rels.values()].find((r) => r.type.endsWith(t))?.target ?? fallback;
  return {
    sheets,
    date1904,
    sharedStringsPart: byType('/sharedStrings', 'xl/sharedStrings.xml'),
    stylesPart: byType('/styles', 'xl/styles.xml'),
  };
}

/** A relationship's target as an entry name: relative to `xl/`, or absolute from the package root. */
function resolveTarget(target: string, mode: string | undefined): string {
  if (mode === 'External') return '';
  return target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target));
}

/**
 * Which cell styles (`s`, an index into `cellXfs`) show a number as a date, decided as exceljs did: the style's
 * number format — the file's own, or a built-in one exceljs knows — holds a date or time code outside quotes and [].
 */
export async function readDateStyles(x: XlsxZip, stylesPart: string): Promise<boolean[]> {
  const e = part(x, stylesPart, 'styles');
  if (!e) return [];
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  await parse(x, e, 'styles', {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId !== undefined && a.formatCode !== undefined)
        formats.set(parseInt(a.numFmtId, 10), a.formatCode.replace(/\\(.)/gu, '$1'));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfFormats.push(parseInt(a.numFmtId ?? '0', 10) || 0);
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return xfFormats.map((id) => id !== 0 && isDateFormat(formats.get(id) ?? BUILT_IN_FORMATS[id]));
}

/** The built-in number formats exceljs names (it leaves the locale-dependent ones, 27–36 and 50–58, unnamed). */
const BUILT_IN_FORMATS: Record<number, string> = {
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
};

function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]+/u.test(code.replace(/\[[^\]]*\]/gu, '').replace(/"[^"]*"/gu, ''));
}

/**
 * The shared strings, each as exceljs gave its text: the `<t>` texts of the item or of its rich-text runs joined,
 * phonetic runs (`<rPh>`) left out, `_xHHHH_` escapes decoded. The part's uncompressed size is checked first.
 */
export async function readSharedStrings(x: XlsxZip, sharedStringsPart: string): Promise<string[]> {
  const limit = LIMITS.sharedStringsBytes;
  const e = part(x, sharedStringsPart, 'sharedStrings', limit);
  if (!e) return [];
  const out: string[] = [];
  let item: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  await parse(
    x,
    e,
    'sharedStrings',
    {
      open(name) {
        if (name === 'si') item = [];
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && phonetic === 0) inText = true;
      },
      close(name) {
        if (name === 't') inText = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 'si' && item) {
          out.push(decodeEscapes(item.join('')));
          item = null;
        }
      },
      text(t) {
        if (inText && item) item.push(t);
      },
    },
    limit,
  );
  return out;
}

/** `_x000D_` and the like: characters XML cannot hold, as Excel escapes them in strings. */
export function decodeEscapes(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-F]{4})_/gu, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}
