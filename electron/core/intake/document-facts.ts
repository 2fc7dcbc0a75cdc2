import { open, readFile } from 'node:fs/promises';
import { isIsoDate } from '../../../shared/domain/period';
import { countWords } from '../../../shared/domain/statement';
import { readZipEntry } from '../office/zip-entry';

/** Text kept per blob for search and the 情况说明 rules; more is not needed to judge a document. */
const MAX_TEXT = 200_000;
const TEXT_PAGES = 50;

export interface PdfFacts {
  pages: number | null;
  encrypted: boolean;
  hasJavaScript: boolean;
  hasEmbeddedFiles: boolean;
  /** Some page has a text layer (a scan without OCR has none). */
  hasText: boolean;
  pdfVersion: string | null;
  /** pdf.js could open it; a PDF it cannot parse is accepted and flagged for the checker. */
  readable: boolean;
  /** The document's CreationDate (YYYY-MM-DD), a fallback for the material's 形成日期. */
  documentDate: string | null;
}

/**
 * Reads a PDF's facts with pdf.js (no eval, no fonts) and the raw bytes: `encrypted` also when only an owner
 * password restricts it; JavaScript and embedded files are looked for both by pdf.js and in the bytes (names in
 * compressed object streams are found by pdf.js, names in broken files by the byte scan).
 */
export async function readPdf(path: string): Promise<{ facts: PdfFacts; text: string }> {
  const bytes = await readFile(path);
  const raw = bytes.toString('latin1');
  const facts: PdfFacts = {
    pages: null,
    encrypted: raw.includes('/Encrypt'),
    hasJavaScript: /\/(JavaScript|JS)\b/u.test(raw),
    hasEmbeddedFiles: raw.includes('/EmbeddedFile'),
    hasText: false,
    pdfVersion: /^%PDF-(\d\.\d)/u.exec(raw.slice(0, 1024))?.[1] ?? null,
    readable: false,
    documentDate: null,
  };
  let text = '';
  try {
    // Loaded on first use: pdf.js is large and most sessions never read a PDF.
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({
      data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
    try {
      facts.readable = true;
      facts.pages = doc.numPages;
      facts.hasJavaScript ||= (await doc.getJSActions()) !== null;
      facts.hasEmbeddedFiles ||= (await doc.getAttachments()) !== null;
      const info = (await doc.getMetadata().catch(() => null))?.info as { CreationDate?: unknown } | undefined;
      facts.documentDate = pdfDate(info?.CreationDate);
      for (let p = 1; p <= Math.min(doc.numPages, TEXT_PAGES) && text.length < MAX_TEXT; p++) {
        const content = await (await doc.getPage(p)).getTextContent();
        const pageText = content.items.map((i) => ('str' in i ? i.str : '')).join('');
        if (pageText.trim() !== '') facts.hasText = true;
        text += `${pageText}\n`;
      }
    } finally {
      await doc.destroy();
    }
  } catch (e) {
    if ((e as { name?: string }).name === 'PasswordException') facts.encrypted = true;
  }
  return { facts, text: text.slice(0, MAX_TEXT) };
}

/**
 * The plain text of a .docx (mammoth) with a word count, and its creation date from the core properties
 * (`dcterms:created`, the fallback 形成日期); null when it cannot be read.
 */
export async function readDocx(
  path: string,
): Promise<{ text: string; words: number; documentDate: string | null } | null> {
  try {
    const mammoth = (await import('mammoth')).default;
    const { value } = await mammoth.extractRawText({ path });
    const core = await readZipEntry(path, 'docProps/core.xml');
    const created = core ? /<dcterms:created[^>]*>(\d{4}-\d{2}-\d{2})/u.exec(core)?.[1] : undefined;
    return {
      text: value.slice(0, MAX_TEXT),
      words: countWords(value),
      documentDate: created && isIsoDate(created) ? created : null,
    };
  } catch {
    return null;
  }
}

/** A .txt file's text: UTF-8 when it is valid UTF-8, else GB18030 (what Notepad on Chinese Windows long saved). */
export async function readText(path: string): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(MAX_TEXT * 3);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const bytes = buf.subarray(0, bytesRead);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true }); // a cut last character is no error
    } catch {
      text = new TextDecoder('gb18030').decode(bytes);
    }
    return text.replace(/^\uFEFF/u, '').slice(0, MAX_TEXT);
  } finally {
    await fh.close();
  }
}

/** A PDF date (`D:20250512093000+08'00'`) as YYYY-MM-DD, or null. */
export function pdfDate(raw: unknown): string | null {
  const m = typeof raw === 'string' ? /^(?:D:)?(\d{4})(\d{2})(\d{2})/u.exec(raw) : null;
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return isIsoDate(iso) ? iso : null;
}
