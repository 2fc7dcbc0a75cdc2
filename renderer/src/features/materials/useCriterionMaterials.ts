import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import type { Material } from '@shared/ipc/types';
import { invoke } from '../../api/client';

interface Loaded {
  materials: Material[];
  /** Photo thumbnails (made at intake) by material id. */
  thumbs: Record<string, string>;
}

/** A criterion's materials and their photo thumbnails, read again after any change to materials. */
export function useCriterionMaterials(code: string): { materials: Material[] | null; thumbs: Record<string, string> } {
  // Thumbnails are cached by file (sha256): after an edit only new files are fetched, and an optimised photo (same
  // material, new file) gets its new thumbnail.
  const thumbCache = useRef(new Map<string, string>());
  const { data } = useQuery({
    queryKey: ['materials', 'criterion', code],
    queryFn: async (): Promise<Loaded> => {
      const cache = thumbCache.current;
      const { materials } = await invoke('materials:list', { criterionCode: code });
      const missing = materials.filter((m) => String(m.facts.mime).startsWith('image/') && !cache.has(m.sha256));
      if (missing.length > 0) {
        const byId = await invoke('materials:thumbs', { ids: missing.slice(0, 500).map((m) => m.id) });
        for (const m of missing) if (byId[m.id]) cache.set(m.sha256, byId[m.id]!);
      }
      const thumbs = Object.fromEntries(
        materials.flatMap((m) => (cache.has(m.sha256) ? [[m.id, cache.get(m.sha256)!]] : [])),
      );
      return { materials, thumbs };
    },
  });
  return { materials: data?.materials ?? null, thumbs: data?.thumbs ?? NO_THUMBS };
}

const NO_THUMBS: Record<string, string> = {};
