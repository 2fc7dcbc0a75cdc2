import { Image } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Material } from '@shared/ipc/types';
import { FileTypeIcon } from './FileTypeIcon';
import { pdfThumb, pdfThumbNow, wantsPdfThumb } from './pdf-thumbs';

/**
 * What a card shows of a material: a photo's thumbnail (made at intake), a PDF's first page (drawn here), else its
 * file type. A PDF page is cropped from the top: the heading (a 红头文件's red title) is what identifies it.
 */
export function MaterialThumb({ m, thumb, h }: { m: Material; thumb: string | undefined; h: number }) {
  const page = usePdfThumb(m);
  if (thumb) return <Image src={thumb} h={h} fit="cover" alt={m.title} data-thumb="image" />;
  if (page)
    return <Image src={page} h={h} fit="cover" alt={m.title} data-thumb="pdf" style={{ objectPosition: 'top' }} />;
  return <FileTypeIcon m={m} h={h} />;
}

function usePdfThumb(m: Material): string | null {
  const wanted = wantsPdfThumb(m);
  const [url, setUrl] = useState<string | null>(() => (wanted ? (pdfThumbNow(m) ?? null) : null));
  useEffect(() => {
    setUrl(wanted ? (pdfThumbNow(m) ?? null) : null);
    if (!wanted) return;
    let live = true;
    void pdfThumb(m).then((u) => live && setUrl(u));
    return () => {
      live = false;
    };
    // Keyed by the file, not the object: a reloaded list gives new objects for the same files, and redrawing the
    // same thumbnail for each would flicker.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wanted, m.sha256]);
  return url;
}
