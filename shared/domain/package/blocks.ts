/** A document as plain blocks: laid out and drawn into a PDF by core (electron/core/package/pdf.ts). */
export type Block =
  | { t: 'title'; text: string }
  | { t: 'meta'; text: string }
  | { t: 'heading'; text: string }
  | { t: 'para'; text: string }
  | { t: 'table'; columns: { title: string; width: number }[]; rows: string[][] };

export interface Doc {
  title: string;
  blocks: Block[];
}

/** Every character a document draws (its blocks and the page footer), for subsetting the font. */
export function docText(d: Doc): string {
  const parts: string[] = [d.title, '第 页，共 0123456789'];
  for (const b of d.blocks) {
    if (b.t === 'table') parts.push(...b.columns.map((c) => c.title), ...b.rows.flat());
    else parts.push(b.text);
  }
  return parts.join('');
}
