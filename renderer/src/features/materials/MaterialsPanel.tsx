import { Alert, Stack } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Requirement } from '@shared/domain/requirements';
import type { Finding } from '@shared/domain/rules/types';
import type { AttachResult, Material } from '@shared/ipc/types';
import { invoke, pathsOfDropped } from '../../api/client';
import { useJob } from '../../api/useJob';
import { AttachSummary } from './AttachSummary';
import { DropZone } from './DropZone';
import { MaterialGrid } from './MaterialGrid';
import { MaterialDialogs } from './MaterialDialogs';
import { findingsByMaterial, inGridOrder } from './material-order';
import { NoticeAlert } from './NoticeAlert';
import { SelectionBar } from './SelectionBar';
import { SetMonthDialog } from './SetMonthDialog';
import { useCriterionMaterials } from './useCriterionMaterials';
import { useMaterialActions, type MaterialNotice } from './useMaterialActions';

interface Props {
  code: string;
  requirements: Requirement[];
  /** Criteria a material may be moved or copied to. */
  targets: { value: string; label: string }[];
  /** The 体检's findings on this criterion: each card shows its own. */
  findings: Finding[];
  /** Height of what stays pinned above the panel while scrolling (the detail's header). */
  scrollMargin?: number;
}

/** A criterion's materials: the thumbnails grouped by kind, a drop zone that teaches, and editing. */
export function MaterialsPanel({ code, requirements, targets, findings, scrollMargin = 0 }: Props) {
  const { materials, thumbs } = useCriterionMaterials(code);
  const [busy, setBusy] = useState<number | null>(null);
  const job = useJob();
  const [results, setResults] = useState<AttachResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Material | null>(null);
  const [viewing, setViewing] = useState<Material | null>(null);
  const [over, setOver] = useState(false);
  const [notice, setNotice] = useState<MaterialNotice | null>(null);
  // Ticked cards (修改月份 for several at once); what left the criterion drops out of it.
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [settingMonth, setSettingMonth] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const byMaterial = useMemo(() => findingsByMaterial(findings), [findings]);

  useEffect(() => {
    setResults(null);
    setError(null);
    setTicked(new Set());
  }, [code]);

  // What was just added is what the officer wants to see: the summary and the thumbnails, once they are laid out.
  useEffect(() => {
    if (results) panel.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [results]);

  const attach = async (paths: string[]) => {
    if (paths.length === 0) return;
    setBusy(paths.length);
    setError(null);
    try {
      // Resolves once the cards, counters and 体检 are refreshed (api/query-client.ts).
      const r = await job.run((jobId) => invoke('materials:attach', { jobId, criterionCode: code, paths }));
      setResults(r.results); // rendered with the new cards: the effect above then brings them into view
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const pick = async () => {
    const files = await invoke('dialog:pickFiles', {});
    if (files) await attach(files);
  };
  const actions = useMaterialActions({
    after: () => setEditing(null),
    onNotice: setNotice,
    onError: setError,
  });

  const list = materials ?? [];
  const selected = list.filter((m) => ticked.has(m.id));
  const selection = useMemo(
    () => ({
      ids: ticked,
      toggle: (id: string, on: boolean) =>
        setTicked((s) => {
          const n = new Set(s);
          if (on) n.add(id);
          else n.delete(id);
          return n;
        }),
    }),
    [ticked],
  );
  const empty = materials !== null && list.length === 0;
  const dropZone = (
    <DropZone empty={empty} over={over} requirements={requirements} busy={busy} job={job} onPick={() => void pick()} />
  );
  return (
    <Stack
      gap="xs"
      ref={panel}
      data-testid="materials"
      style={{ scrollMarginTop: scrollMargin }}
      // The whole panel takes a drop: with thumbnails above it, the drop zone is only the visible hint.
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void pathsOfDropped([...e.dataTransfer.files]).then(attach);
      }}
    >
      {empty && dropZone}
      {error && <Alert color="red">{error}</Alert>}
      {results && <AttachSummary results={results} onClose={() => setResults(null)} />}
      {notice && (
        <NoticeAlert
          notice={notice}
          onUndo={(ids) => void actions.remove(ids, false)}
          onClose={() => setNotice(null)}
        />
      )}
      {list.length > 0 && (
        <SelectionBar
          total={list.length}
          selected={selected.length}
          onAll={(on) => setTicked(new Set(on ? list.map((m) => m.id) : []))}
          onSetMonth={() => setSettingMonth(true)}
        />
      )}
      <MaterialGrid
        materials={list}
        thumbs={thumbs}
        byMaterial={byMaterial}
        onOpen={setViewing}
        selection={selection}
      />
      {list.length > 0 && dropZone}
      {settingMonth && selected.length > 0 && (
        <SetMonthDialog
          ids={selected.map((m) => m.id)}
          // The month they share, if they do: the dialog opens on it.
          initial={selected.every((m) => m.month === selected[0]!.month) ? selected[0]!.month : null}
          onClose={() => setSettingMonth(false)}
          onDone={(text) => {
            setSettingMonth(false);
            setTicked(new Set());
            setNotice({ text });
          }}
        />
      )}
      <MaterialDialogs
        viewing={viewing}
        editing={editing}
        onView={setViewing}
        onEdit={setEditing}
        targets={targets}
        actions={actions}
        materials={inGridOrder(list)}
        thumbs={thumbs}
        findings={findings}
      />
    </Stack>
  );
}
