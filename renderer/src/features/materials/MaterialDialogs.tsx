import type { Finding } from '@shared/domain/rules/types';
import type { Material } from '@shared/ipc/types';
import { EditMaterial } from './EditMaterial';
import { findingsByMaterial } from './material-order';
import { Preview } from './Preview';
import type { useMaterialActions } from './useMaterialActions';

/**
 * A material's preview, and from there its editor (kind, title, caption, dates, move or copy, delete, 优化图片),
 * wherever materials are opened: the materials panel and the 体检 view.
 */
export function MaterialDialogs(props: {
  viewing: Material | null;
  editing: Material | null;
  onView(m: Material | null): void;
  onEdit(m: Material | null): void;
  /** Criteria a material may be moved or copied to (its own is left out here). */
  targets: { value: string; label: string }[];
  actions: ReturnType<typeof useMaterialActions>;
  /** The criterion's materials in the order shown, for ← → in the preview (fetched there when absent). */
  materials?: Material[];
  /** Photo thumbnails by material id, shown while the large image loads. */
  thumbs?: Record<string, string>;
  /** The criterion's findings: the preview lists the viewed material's own. */
  findings?: Finding[];
}) {
  const { viewing, editing, actions, findings } = props;
  return (
    <>
      {viewing && (
        <Preview
          m={viewing}
          siblings={props.materials}
          findings={findings && (findingsByMaterial(findings).get(viewing.id) ?? [])}
          thumb={props.thumbs?.[viewing.id]}
          onNavigate={props.onView}
          onEdit={() => {
            props.onEdit(viewing);
            props.onView(null);
          }}
          onClose={() => props.onView(null)}
        />
      )}
      {editing && (
        <EditMaterial
          m={editing}
          targets={props.targets.filter((t) => t.value !== editing.criterionCode)}
          onSave={(v) => void actions.save(v)}
          onMove={(to, copy) => void actions.move(editing.id, to, copy)}
          onDelete={() => void actions.remove([editing.id], true)}
          onOptimize={() => void actions.optimize(editing.id)}
          onClose={() => props.onEdit(null)}
        />
      )}
    </>
  );
}
