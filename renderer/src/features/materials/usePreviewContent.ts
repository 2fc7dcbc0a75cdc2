import { useEffect, useState } from 'react';
import type { Result } from '@shared/ipc/contract';
import type { Material } from '@shared/ipc/types';
import { invoke } from '../../api/client';
import { inGridOrder } from './material-order';

/** What the preview shows of a material (a large photo, a PDF's bytes, or why neither); null while it loads. */
export function usePreviewContent(id: string): Result<'materials:preview'> | null {
  const [content, setContent] = useState<{ id: string; value: Result<'materials:preview'> } | null>(null);
  useEffect(() => {
    let live = true;
    void invoke('materials:preview', { id }).then(
      (value) => live && setContent({ id, value }),
      (e: Error) => live && setContent({ id, value: { type: 'none', reason: e.message } }),
    );
    // Stepping quickly with ← →: a slow answer for a material left behind must not replace the current one.
    return () => {
      live = false;
    };
  }, [id]);
  return content?.id === id ? content.value : null;
}

/**
 * The materials ← → step through: the caller's (the grid, in its order) or, where it has none (the 体检 view
 * opens one material), the criterion's, fetched once.
 */
export function useSiblings(m: Material, given: Material[] | undefined): Material[] {
  const [fetched, setFetched] = useState<{ code: string; list: Material[] } | null>(null);
  useEffect(() => {
    if (given) return;
    let live = true;
    void invoke('materials:list', { criterionCode: m.criterionCode }).then(
      ({ materials }) => live && setFetched({ code: m.criterionCode, list: inGridOrder(materials) }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [given, m.criterionCode]);
  if (given) return given;
  return fetched?.code === m.criterionCode ? fetched.list : [m];
}
