import yauzl from 'yauzl';

/** What a zip-based Office file holds, read from its central directory (nothing is inflated). */
export interface OfficeZip {
  /** The Office family its parts name, or null for a zip that is no Office file. */
  family: 'word' | 'sheet' | 'presentation' | null;
  /** It carries VBA macros (`vbaProject.bin`: .docm, .xlsm, .pptm — whatever the file is called). */
  macros: boolean;
  /** Why it is a "zip bomb", in Chinese for the refusal (a part inflating beyond any real document's, too many parts). */
  bomb: string | null;
}

/** A part over this size that also inflates over `BOMB_RATIO` times: a 1000-page document's XML is far smaller. */
const BOMB_BYTES = 64 * 2 ** 20;
const BOMB_RATIO = 100;
/** More parts than this are no document (a Word file has dozens, with images a few hundred). */
const MAX_PARTS = 20_000;

const FAMILY_PARTS: Record<string, NonNullable<OfficeZip['family']>> = {
  'word/document.xml': 'word',
  'xl/workbook.xml': 'sheet',
  'ppt/presentation.xml': 'presentation',
};

/**
 * Reads a zip's central directory for what intake must know before a reader inflates anything: which Office file
 * it is, whether it carries macros, whether a part is a decompression bomb (a 420 KB .docx whose document.xml
 * inflates to 400 MB held mammoth for 8 s and 2 GB). Names are read raw, so an entry named `../x` is no error
 * here. null when the file is no readable zip (a truncated one, say).
 */
export function inspectOfficeZip(path: string): Promise<OfficeZip | null> {
  return new Promise((resolve) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true, decodeStrings: false }, (err, zip) => {
      if (err || !zip) return resolve(null);
      const out: OfficeZip = { family: null, macros: false, bomb: null };
      let parts = 0;
      const done = (v: OfficeZip | null): void => {
        zip.close();
        resolve(v);
      };
      zip.on('error', () => done(null));
      zip.on('end', () => done(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = (entry.fileName as unknown as Buffer).toString('utf8');
        out.family ??= FAMILY_PARTS[name] ?? null;
        if (/(^|\/)vbaProject\.bin$/iu.test(name)) out.macros = true;
        const size = entry.uncompressedSize;
        if (size > BOMB_BYTES && size > BOMB_RATIO * entry.compressedSize)
          out.bomb ??= `其中“${name}”解压后有 ${Math.round(size / 2 ** 20)} MB`;
        if (++parts > MAX_PARTS) {
          out.bomb ??= `有超过 ${MAX_PARTS} 个部件`;
          return done(out);
        }
        zip.readEntry();
      });
      zip.readEntry();
    });
  });
}
