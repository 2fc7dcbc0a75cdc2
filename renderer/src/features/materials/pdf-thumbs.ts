import type { Material } from '@shared/ipc/types';
import { invoke } from '../../api/client';
import { documentOptions, loadPdfjs, pdfBytes } from './pdfjs';

/** Twice the card's width: sharp on a high-density screen, still a small JPEG (~20 KB). */
const THUMB_WIDTH = 340;
/** Beyond this a PDF's bytes are not fetched just for a thumbnail: the card shows its type and page count. */
const MAX_THUMB_PDF = 20 * 2 ** 20;
/** Thumbnails kept for the session; the oldest go first beyond this. */
const MAX_CACHED = 300;

/**
 * First-page thumbnails of PDFs, drawn in the renderer with pdf.js (core has no canvas), kept in memory per file
 * (sha256) so switching criteria does not draw them again. One PDF is drawn at a time: a criterion with 40 PDFs
 * must not load 40 documents at once on an office PC.
 */
const cache = new Map<string, Promise<string | null>>();
const drawn = new Map<string, string | null>();
let queue: Promise<unknown> = Promise.resolve();

/** Whether a material gets a drawn first page (a readable PDF of reasonable size). */
export function wantsPdfThumb(m: Material): boolean {
  return m.facts.mime === 'application/pdf' && m.facts.readable !== false && m.bytes <= MAX_THUMB_PDF;
}

/** The thumbnail if it is already drawn (undefined: not yet; null: it cannot be). */
export function pdfThumbNow(m: Material): string | null | undefined {
  return drawn.get(m.sha256);
}

/** The first page of a PDF as a JPEG data URL, or null when it cannot be drawn (encrypted, damaged). */
export function pdfThumb(m: Material): Promise<string | null> {
  const known = cache.get(m.sha256);
  if (known) return known;
  const next = queue.then(() => draw(m.id)).catch(() => null);
  queue = next;
  cache.set(m.sha256, next);
  void next.then((url) => {
    if (cache.get(m.sha256) === next) drawn.set(m.sha256, url);
  });
  if (cache.size > MAX_CACHED) {
    const oldest = cache.keys().next().value!;
    cache.delete(oldest);
    drawn.delete(oldest);
  }
  return next;
}

async function draw(id: string): Promise<string | null> {
  const content = await invoke('materials:preview', { id });
  if (content.type !== 'pdf') return null;
  const pdfjs = await loadPdfjs();
  const doc = await pdfjs.getDocument(documentOptions(pdfBytes(content.base64))).promise;
  try {
    const page = await doc.getPage(1);
    const viewport = page.getViewport({ scale: THUMB_WIDTH / page.getViewport({ scale: 1 }).width });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    await page.render({ canvas, viewport }).promise;
    return canvas.toDataURL('image/jpeg', 0.8);
  } finally {
    await doc.destroy();
  }
}
