import type { DocumentInitParameters } from 'pdfjs-dist/types/src/display/api';

/** pdf.js, loaded on first use (a separate chunk: the ledger's first paint does not pay for it). */
export async function loadPdfjs() {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url).href;
  return pdfjs;
}

/**
 * How every PDF is opened. Government PDFs often name a font they do not embed (STSong-Light, SimSun) with a
 * predefined CMap (UniGB-UCS2-H, GBK-EUC-H): without the CMaps pdf.js cannot tell which characters the bytes are and
 * draws nothing. Symbol and ZapfDingbats need pdf.js's standard-font data. Both folders are shipped beside the page
 * (the `pdfjsAssets` plugin in electron.vite.config.ts), so they come from our own origin, which the CSP allows
 * (connect-src 'self'). On app://wangbao/ pdf.js requests them from the page with XMLHttpRequest: it lets its worker
 * fetch only over http(s).
 */
export function documentOptions(data: Uint8Array): DocumentInitParameters {
  return {
    data,
    isEvalSupported: false,
    cMapUrl: new URL('pdfjs/cmaps/', document.baseURI).href,
    cMapPacked: true,
    standardFontDataUrl: new URL('pdfjs/standard_fonts/', document.baseURI).href,
  };
}

/** The bytes of a PDF sent as base64 over IPC (`materials:preview`). */
export function pdfBytes(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}
