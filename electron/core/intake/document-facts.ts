import { open, readFile } from 'node:fs/promises';
import { isIsoDate } from '@shared/domain/period';
import { countWords } from '@shared/domain/statement';
import { readZipEntry } from '../office/zip-entry';
import { streamsInflateBeyond } from './pdf-streams';

/** Text kept per blob for search and the 情况说明 rules; more is not needed to judge a document. */
const MAX_TEXT = 200_000;
const TEXT_PAGES = 50;
/** How long reading a PDF's text may take: a real document's first 50 pages take well under a second. */
const TEXT_BUDGET_MS = 5_000;
/** Beyond this much inflated content (fonts and page contents) a PDF is a bomb and its text is not read. */
const MAX_INFLATED = 256 * 2 ** 20;

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
 * compressed object streams are found by pdf.js, names in broken files by the byte scan). The text is not read from
 * a PDF whose content inflates beyond reason (a "zip bomb": `streamsInflateBeyond`), and otherwise within a time
 * budget. A PDF that cannot be read into memory at all is accepted unreadable.
 */
export async function readPdf(path: string): Promise<{ facts: PdfFacts; text: string }> {
  const facts: PdfFacts = {
    pages: null,
    encrypted: false,
    hasJavaScript: false,
    hasEmbeddedFiles: false,
    hasText: false,
    pdfVersion: null,
    readable: false,
    documentDate: null,
  };
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return { facts, text: '' }; // over the 2 GB a buffer can hold
  }
  // Scanned as bytes: a latin1 string of the whole file fails beyond V8's 512 MB string limit.
  facts.encrypted = bytes.includes('/Encrypt');
  facts.hasJavaScript = hasName(bytes, '/JavaScript') || hasName(bytes, '/JS');
  facts.hasEmbeddedFiles = bytes.includes('/EmbeddedFile');
  facts.pdfVersion = /^%PDF-(\d\.\d)/u.exec(bytes.subarray(0, 1024).toString('latin1'))?.[1] ?? null;
  const bomb = streamsInflateBeyond(bytes, MAX_INFLATED); // before pdf.js, which takes (detaches) the buffer
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
      const deadline = Date.now() + TEXT_BUDGET_MS;
      const pages = bomb ? 0 : Math.min(doc.numPages, TEXT_PAGES);
      for (let p = 1; p <= pages && text.length < MAX_TEXT; p++) {
        const pageText = await pageTextUntil(await doc.getPage(p), deadline, MAX_TEXT - text.length);
        if (pageText === null) break; // out of time: the text read so far is kept
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

/** A PDF name in the bytes, not as the start of a longer one (`/JS` but not `/JSON`). */
function hasName(bytes: Buffer, name: string): boolean {
  for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) {
    const next = bytes[at + name.length];
    if (next === undefined || !/[A-Za-z0-9]/u.test(String.fromCharCode(next))) return true;
  }
  return false;
}

/**
 * A page's text, streamed, up to `max` characters; null when `deadline` passes first. The stream is left as it is
 * (cancelling it races pdf.js's own close and throws uncaught): the caller stops reading and destroys the document,
 * which ends pdf.js's work on it.
 */
async function pageTextUntil(
  page: { streamTextContent(): ReadableStream },
  deadline: number,
  max: number,
): Promise<string | null> {
  const reader = page.streamTextContent().getReader() as ReadableStreamDefaultReader<{ items: unknown[] }>;
  let text = '';
  let done = false;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), Math.max(0, deadline - Date.now()));
  });
  try {
    while (text.length < max) {
      const chunk = await Promise.race([reader.read(), expired]);
      if (chunk === 'expired') break;
      if (chunk.done) {
        done = true;
        break;
      }
      for (const item of chunk.value.items)
        if (item && typeof item === 'object' && 'str' in item) text += String(item.str);
    }
  } finally {
    clearTimeout(timer);
  }
  return done || text.length >= max ? text : null;
}

/**
 * The plain text of a .docx (mammoth) with a word count, its creation date from the core properties
 * (`dcterms:created`, the fallback 形成日期) and its page count as Word last laid it out (`<Pages>` of the extended
 * properties: what the 目录's 页数 column and the material card show; null when Word did not save it); null when
 * it cannot be read.
 */
export async function readDocx(
  path: string,
): Promise<{ text: string; words: number; documentDate: string | null; pages: number | null } | null> {
  try {
    const mammoth = (await import('mammoth')).default;
    const { value } = await mammoth.extractRawText({ path });
    const core = await readZipEntry(path, 'docProps/core.xml');
    const created = core ? /<dcterms:created[^>]*>(\d{4}-\d{2}-\d{2})/u.exec(core)?.[1] : undefined;
    const app = await readZipEntry(path, 'docProps/app.xml');
    const pages = Number(app ? /<Pages>(\d{1,5})<\/Pages>/u.exec(app)?.[1] : undefined);
    return {
      text: value.slice(0, MAX_TEXT),
      words: countWords(value),
      documentDate: created && isIsoDate(created) ? created : null,
      pages: Number.isInteger(pages) && pages > 0 ? pages : null,
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
