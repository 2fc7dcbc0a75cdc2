/** pdf.js, loaded on first use (a separate chunk: the ledger's first paint does not pay for it). */
export async function loadPdfjs() {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url).href;
  return pdfjs;
}

/** The bytes of a PDF sent as base64 over IPC (`materials:preview`). */
export function pdfBytes(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}
