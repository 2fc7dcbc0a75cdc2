import { useEffect, useRef } from 'react';
import { pathsOfDropped } from '../../api/client';

/**
 * A 创城办 hand-out (.zip) dropped anywhere on the window outside a criterion's materials panel (which takes its own
 * drops first and marks them handled) opens the hand-out preview. The zip is granted through the same grant as any
 * drop (window.api.grantDropped: the preload's, or the e2e bridge's upload); nothing else is privileged.
 */
export function useHandoutDrop(onZip: (path: string) => void, onOther: () => void): void {
  const latest = useRef({ onZip, onOther });
  useEffect(() => {
    latest.current = { onZip, onOther };
  });
  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') === true;
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault(); // allows the drop (and keeps the browser from opening the file)
    };
    const drop = (e: DragEvent) => {
      if (e.defaultPrevented || !hasFiles(e)) return;
      e.preventDefault();
      const zip = [...(e.dataTransfer?.files ?? [])].find((f) => /\.zip$/iu.test(f.name));
      if (!zip) return latest.current.onOther();
      void pathsOfDropped([zip]).then(([path]) => {
        if (path) latest.current.onZip(path);
      });
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
}
