import { useState } from 'react';
import type { CatalogImportResult, CatalogPreview } from '@shared/ipc/types';
import type { SheetMapping } from '@shared/schemas/sheet-mapping';
import { invoke } from '../../api/client';
import type { ImportChoices } from './choices';

/**
 * The import flow: pick a file (core shows the dialog) → preview → adjust mapping and edition (each change re-reads
 * the preview) → confirm with the officer's choices (scope, phrase kinds). Nothing is written before `confirm`.
 */
export function useCatalogImport(onImported: (r: CatalogImportResult) => void, onError: (message: string) => void) {
  const [preview, setPreview] = useState<CatalogPreview | null>(null);
  const [mapping, setMapping] = useState<SheetMapping | undefined>(undefined);
  const [edition, setEdition] = useState('');
  const [busy, setBusy] = useState(false);

  const guard = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      onError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return {
    preview,
    edition,
    busy,
    setEdition,
    start: () =>
      guard(async () => {
        const p = await invoke('catalog:preview', {});
        setMapping(undefined);
        setEdition(p?.edition ?? '');
        setPreview(p);
      }),
    remap: (m: SheetMapping) =>
      guard(async () => {
        if (!preview) return;
        setMapping(m);
        setPreview(await invoke('catalog:preview', { file: preview.file, mapping: m }));
      }),
    confirm: (choices: ImportChoices) =>
      guard(async () => {
        if (!preview) return;
        const r = await invoke('catalog:import', {
          file: preview.file,
          mapping,
          edition: edition.trim(),
          ...choices,
        });
        setPreview(null);
        if (r) onImported(r);
      }),
    cancel: () => setPreview(null),
  };
}
