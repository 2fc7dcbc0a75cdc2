import { Button, Group, Loader, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { documentOptions, loadPdfjs, pdfBytes } from './pdfjs';

/** Pages a PDF inside the app, one page at a time, fitted to the width. */
export function PdfViewer({ base64, width }: { base64: string; width: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    let loaded: PDFDocumentProxy | null = null;
    void (async () => {
      try {
        const pdfjs = await loadPdfjs();
        loaded = await pdfjs.getDocument(documentOptions(pdfBytes(base64))).promise;
        // Closed while it loaded: the cleanup below ran before there was anything to destroy.
        if (cancelled) void loaded.destroy();
        else setDoc(loaded);
      } catch {
        if (!cancelled) setError('无法显示这个 PDF（可能已加密或损坏）。');
      }
    })();
    return () => {
      cancelled = true;
      void loaded?.destroy();
    };
  }, [base64]);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    let cancelled = false;
    let task: { cancel(): void } | null = null;
    void (async () => {
      try {
        const p = await doc.getPage(page);
        if (cancelled) return;
        const unscaled = p.getViewport({ scale: 1 });
        const viewport = p.getViewport({ scale: width / unscaled.width });
        const c = canvas.current!;
        c.width = viewport.width;
        c.height = viewport.height;
        const render = p.render({ canvas: c, viewport });
        task = render;
        await render.promise;
      } catch {
        // The viewer closed (its document destroyed: "Transport destroyed") or the page changed mid-render: nothing
        // to show any more, and not an error the page should report.
      }
    })();
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, page, width]);

  if (error) return <Text c="red">{error}</Text>;
  if (!doc) return <Loader />;
  return (
    <div data-testid="pdf-viewer">
      <Group justify="center" mb="xs">
        <Button size="xs" variant="default" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          上一页
        </Button>
        <Text size="sm" data-testid="pdf-page">
          第 {page} / {doc.numPages} 页
        </Text>
        <Button size="xs" variant="default" disabled={page >= doc.numPages} onClick={() => setPage(page + 1)}>
          下一页
        </Button>
      </Group>
      <canvas ref={canvas} style={{ display: 'block', margin: '0 auto', boxShadow: '0 0 4px #0003' }} />
    </div>
  );
}
