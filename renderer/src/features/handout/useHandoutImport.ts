import { useState } from 'react';
import type { ArgsIn } from '@shared/ipc/contract';
import type { HandoutImportResult, HandoutPreview } from '@shared/ipc/collection-types';
import { invoke } from '../../api/client';

type Args = ArgsIn<'handout:preview'> & { file: string };

/**
 * The hand-out import, wherever it starts (设置's button, a zip dropped on the window): verify and preview; preview
 * again when the officer chooses the unit or accepts a changed key; 确认导入 with exactly the arguments previewed.
 * Refusals before the preview opens go to `onError`; later ones stay in the preview.
 */
export function useHandoutImport(onDone: (r: HandoutImportResult) => void, onError: (message: string) => void) {
  const [preview, setPreview] = useState<HandoutPreview | null>(null);
  const [args, setArgs] = useState<Args | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = async (next: ArgsIn<'handout:preview'>, open: boolean) => {
    setBusy(true);
    try {
      const p = await invoke('handout:preview', next);
      if (!p) return; // the file dialog was cancelled
      setPreview(p);
      setArgs({ ...next, file: p.file });
      setError(null);
    } catch (e) {
      if (open) setError((e as Error).message);
      else onError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setPreview(null);
    setArgs(null);
    setError(null);
  };

  return {
    preview,
    busy,
    error,
    accepted: args?.acceptNewKey === true,
    /** Absent `file`: core asks with a file dialog. */
    start: (file?: string) => {
      close();
      void load({ file, acceptNewKey: false }, false);
    },
    chooseUnit: (unitId: string) => args && void load({ ...args, unitId }, true),
    acceptKey: (accept: boolean) => {
      if (!args) return;
      setArgs({ ...args, acceptNewKey: accept }); // the box shows the officer's tick at once, not after the preview
      void load({ ...args, acceptNewKey: accept }, true);
    },
    confirm: async () => {
      if (!args) return;
      setBusy(true);
      try {
        const r = await invoke('handout:import', args);
        if (r) {
          close();
          onDone(r);
        }
      } catch (e) {
        setError((e as Error).message);
      } finally {
        setBusy(false);
      }
    },
    cancel: close,
  };
}
