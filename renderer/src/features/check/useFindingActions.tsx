import { Alert } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { Finding, FixAction } from '@shared/domain/rules/types';
import type { Criterion, Material } from '@shared/ipc/types';
import { invoke } from '../../api/client';
import { MaterialDialogs } from '../materials/MaterialDialogs';
import { moveTargets } from '../materials/move-targets';
import { NoticeAlert } from '../materials/NoticeAlert';
import { useMaterialActions, type MaterialNotice } from '../materials/useMaterialActions';
import { DeclareDialog } from './DeclareDialog';

/**
 * What a finding's buttons do, wherever findings are listed: 查看 shows the material (or, for a finding about the
 * criterion, opens it in the 台账), 编辑 opens the material's editor, 优化图片 runs at once, 不属本单位职责 asks
 * for the statement, and 添加/更换材料 open the criterion in the 台账. A change re-runs the check by itself
 * (api/query-client.ts), so a fixed finding disappears.
 */
export function useFindingActions(opts: {
  criteria: Criterion[];
  onOpenCriterion(code: string): void;
  /** The findings listed: the preview shows the viewed material's own beside it. */
  findings?: Finding[];
}): { act(f: Finding, action: FixAction | 'open'): void; ui: ReactNode } {
  const [editing, setEditing] = useState<Material | null>(null);
  const [viewing, setViewing] = useState<Material | null>(null);
  const [declaring, setDeclaring] = useState<Criterion | null>(null);
  const [notice, setNotice] = useState<MaterialNotice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const actions = useMaterialActions({
    after: () => setEditing(null),
    onNotice: setNotice,
    onError: setError,
  });

  const materialOf = async (f: Finding): Promise<Material | undefined> => {
    const { materials } = await invoke('materials:list', { criterionCode: f.criterionCode });
    return materials.find((m) => m.id === f.materialId);
  };
  const act = (f: Finding, action: FixAction | 'open'): void => {
    setError(null);
    if (action === 'declare') setDeclaring(opts.criteria.find((c) => c.code === f.criterionCode) ?? null);
    else if (action === 'optimize' && f.materialId) void actions.optimize(f.materialId);
    else if (action === 'remove' && f.materialId) void actions.remove([f.materialId], true);
    else if ((action === 'edit' || action === 'open') && f.materialId)
      void materialOf(f).then((m) =>
        m ? (action === 'edit' ? setEditing : setViewing)(m) : opts.onOpenCriterion(f.criterionCode),
      );
    else opts.onOpenCriterion(f.criterionCode);
  };

  const ui = (
    <>
      {error && (
        <Alert color="red" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {notice && (
        <NoticeAlert
          notice={notice}
          onUndo={(ids) => void actions.remove(ids, false)}
          onClose={() => setNotice(null)}
        />
      )}
      <MaterialDialogs
        viewing={viewing}
        editing={editing}
        onView={setViewing}
        onEdit={setEditing}
        targets={moveTargets(opts.criteria)}
        actions={actions}
        findings={opts.findings}
      />
      {declaring && (
        <DeclareDialog
          code={declaring.code}
          title={declaring.title}
          onClose={() => setDeclaring(null)}
          onDone={() => setDeclaring(null)}
        />
      )}
    </>
  );
  return { act, ui };
}
