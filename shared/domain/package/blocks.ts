/**
 * A document as plain blocks: laid out by `layout.ts` (pure, measured through the fonts' advances) and drawn into a
 * PDF by core (electron/core/package/pdf.ts).
 */

/** The two faces a document draws with: Noto Sans SC for text, Noto Serif SC Bold (宋体-like) for headings. */
export type Face = 'sans' | 'serif';

/** A table cell: its text, and an optional note printed smaller below it (a caption, an original file name). */
export type Cell = string | { text: string; note?: string | undefined };

export interface Column {
  title: string;
  /** A share of the text width; a table's shares add up to 1. */
  width: number;
  align?: 'left' | 'center' | undefined;
}

/** `label：value`; an empty value leaves a line to write on by hand. */
export interface Field {
  label: string;
  value: string;
}

export type Block =
  /** The document's title: centred, in the serif heading face. */
  | { t: 'title'; text: string }
  /** A centred line under the title. */
  | { t: 'subtitle'; text: string }
  /** Rows of `label：value` fields, each row's fields side by side in equal columns; `gap` points between rows. */
  | { t: 'fields'; rows: Field[][]; gap?: number | undefined }
  /** A section heading in the serif face, kept on the page with what follows it. */
  | { t: 'heading'; text: string }
  | { t: 'para'; text: string }
  /** Smaller grey text: explanations, what the reader may ignore. */
  | { t: 'note'; text: string }
  | {
      t: 'table';
      columns: Column[];
      rows: Cell[][];
      /**
       * A column whose equal consecutive cells merge into one cell spanning their rows, as in an office's tables
       * (the criterion beside its materials). A merged cell cut by a page starts again on the next with `（续）`.
       */
      merge?: number | undefined;
      /** A row's least height in points (room to sign in). */
      minRowHeight?: number | undefined;
    };

export interface Doc {
  /** The PDF's title (its metadata). */
  title: string;
  blocks: Block[];
}

/** What the page footer and the layout add to a document's own text. */
export const LAYOUT_TEXT = '第 页 共 0123456789（续）：—';

/** Every character a document draws, per face, for subsetting the fonts (the sans also backs up the serif). */
export function docText(d: Doc): Record<Face, string> {
  const serif: string[] = [];
  const sans: string[] = [d.title, LAYOUT_TEXT];
  for (const b of d.blocks) {
    switch (b.t) {
      case 'title':
      case 'heading':
        serif.push(b.text);
        break;
      case 'table':
        serif.push(...b.columns.map((c) => c.title), '（续）');
        for (const r of b.rows) for (const c of r) sans.push(typeof c === 'string' ? c : `${c.text}${c.note ?? ''}`);
        break;
      case 'fields':
        for (const r of b.rows) for (const f of r) sans.push(f.label, f.value);
        break;
      default:
        sans.push(b.text);
    }
  }
  const serifText = serif.join('');
  return { serif: uniqueChars(serifText), sans: uniqueChars(sans.join('') + serifText) };
}

function uniqueChars(s: string): string {
  return [...new Set(s)].join('');
}
