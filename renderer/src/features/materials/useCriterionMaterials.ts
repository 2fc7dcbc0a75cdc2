import { useCallback, useEffect, useRef, useState } from 'react';
import type { Material } from '@shared/ipc/types';
import { invoke } from '../../api/client';

/** A criterion's materials and their photo thumbnails (made at intake), reloaded by `load` after any change. */
export function useCriterionMaterials(code: string) {
  const [materials, setMaterials] = useState<Material[] | null>(null);
  const [thumbs, setThumbs] = useState<Record<string, string>>({});
  const thumbCache = useRef(new Map<string, string>());

  const load = useCallback(async () => {
    const { materials: list } = await invoke('materials:list', { criterionCode: code });
    setMaterials(list);
    // Thumbnails are cached by file (sha256): after an edit only new files are fetched, and an optimised photo
    // (same material, new file) gets its new thumbnail.
    const missing = list.filter((m) => String(m.facts.mime).startsWith('image/') && !thumbCache.current.has(m.sha256));
    if (missing.length > 0) {
      const byId = await invoke('materials:thumbs', { ids: missing.slice(0, 500).map((m) => m.id) });
      for (const m of missing) if (byId[m.id]) thumbCache.current.set(m.sha256, byId[m.id]!);
    }
    setThumbs(
      Object.fromEntries(
        list.flatMap((m) => (thumbCache.current.has(m.sha256) ? [[m.id, thumbCache.current.get(m.sha256)!]] : [])),
      ),
    );
  }, [code]);

  useEffect(() => {
    void load();
  }, [load]);

  return { materials, thumbs, load };
}
