import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Requirement } from '../../../../shared/domain/requirements';
import { MATERIAL_KINDS, type MaterialKind } from '../../../../shared/domain/value-sets';
import type { AttachResult, Material } from '../../../../shared/ipc/types';
import { invoke, pathsOfDropped } from '../../api/client';
import { useJob } from '../../api/useJob';
import { JobProgress } from '../../components/JobProgress';
import { MaterialCard } from './MaterialCard';
import { MaterialDialogs } from './MaterialDialogs';
import { NoticeAlert } from './NoticeAlert';
import { useMaterialActions, type MaterialNotice } from './useMaterialActions';
import { M } from './messages';

interface Props {
  code: string;
  requirements: Requirement[];
  /** Criteria a material may be moved or copied to. */
  targets: { value: string; label: string }[];
  /** Called after materials changed, so counters and status refresh. */
  onChanged(): void;
}

/** A criterion's materials: a drop zone that teaches, the thumbnails grouped by kind, and editing. */
export function MaterialsPanel({ code, requirements, targets, onChanged }: Props) {
  const [materials, setMaterials] = useState<Material[] | null>(null);
  const [thumbs, setThumbs] = useState<Record<string, string>>({});
  const thumbCache = useRef(new Map<string, string>());
  const [busy, setBusy] = useState<number | null>(null);
  const job = useJob();
  const [results, setResults] = useState<AttachResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Material | null>(null);
  const [viewing, setViewing] = useState<Material | null>(null);
  const [over, setOver] = useState(false);
  const [notice, setNotice] = useState<MaterialNotice | null>(null);

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
    setResults(null);
    setError(null);
    void load();
  }, [load]);

  const attach = async (paths: string[]) => {
    if (paths.length === 0) return;
    setBusy(paths.length);
    setError(null);
    try {
      const r = await job.run((jobId) => invoke('materials:attach', { jobId, criterionCode: code, paths }));
      setResults(r.results);
      await load();
      onChanged();
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
    after: async () => {
      setEditing(null);
      await load();
      onChanged();
    },
    onNotice: setNotice,
    onError: setError,
  });

  const groups = (Object.keys(MATERIAL_KINDS) as MaterialKind[])
    .map((k) => ({ kind: k, items: (materials ?? []).filter((m) => m.kind === k) }))
    .filter((g) => g.items.length > 0);

  return (
    <Stack gap="xs" data-testid="materials">
      <Paper
        withBorder
        p="md"
        data-testid="dropzone"
        style={{ borderStyle: 'dashed', borderWidth: 2, background: over ? 'var(--mantine-color-red-0)' : undefined }}
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
        {busy !== null ? (
          <JobProgress
            job={job}
            label={job.progress ? M.progress(job.progress) : M.adding(busy)}
            testId="attach-progress"
          />
        ) : (
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={2}>
              <Text fw={600}>{M.dropHere}</Text>
              <Text size="xs" c="dimmed">
                {requirements.length > 0 &&
                  `${M.needs}${requirements.map((r) => r.text || `${MATERIAL_KINDS[r.kind]} ≥ ${r.min}`).join('；')}。`}
                {M.dropHint}
              </Text>
            </Stack>
            <Button variant="default" onClick={() => void pick()} style={{ flex: 'none' }}>
              {M.pick}
            </Button>
          </Group>
        )}
      </Paper>
      {error && <Alert color="red">{error}</Alert>}
      {results && (
        <Alert
          color={results.some((r) => r.status === 'refused') ? 'orange' : 'green'}
          withCloseButton
          onClose={() => setResults(null)}
          data-testid="attach-summary"
        >
          <Text size="sm">{M.summary(results)}</Text>
          {results
            .filter((r) => r.status === 'refused' || r.alsoOn.length > 0)
            .map((r) => (
              <Text size="xs" key={r.file}>
                {r.file.split(/[\\/]/u).pop()}：{r.reason ?? `也在 ${r.alsoOn.join('、')}`}
              </Text>
            ))}
        </Alert>
      )}
      {notice && (
        <NoticeAlert
          notice={notice}
          onUndo={(ids) => void actions.remove(ids, false)}
          onClose={() => setNotice(null)}
        />
      )}
      {materials?.length === 0 && (
        <Text size="sm" c="dimmed">
          {M.none}
        </Text>
      )}
      {groups.map((g) => (
        <Stack key={g.kind} gap={4}>
          <Text size="sm" fw={600}>
            {MATERIAL_KINDS[g.kind]}（{g.items.length}）
          </Text>
          <Group gap="xs">
            {g.items.map((m) => (
              <MaterialCard key={m.id} m={m} thumb={thumbs[m.id]} onOpen={() => setViewing(m)} />
            ))}
          </Group>
        </Stack>
      ))}
      <MaterialDialogs
        viewing={viewing}
        editing={editing}
        onView={setViewing}
        onEdit={setEditing}
        targets={targets}
        actions={actions}
      />
    </Stack>
  );
}
