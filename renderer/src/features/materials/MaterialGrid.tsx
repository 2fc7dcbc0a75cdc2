import { Group, Stack, Text } from '@mantine/core';
import type { Finding } from '@shared/domain/rules/types';
import { MATERIAL_KINDS } from '@shared/domain/value-sets';
import type { Material } from '@shared/ipc/types';
import { MaterialCard } from './MaterialCard';
import { groupByKind } from './material-order';

const NO_FINDINGS: Finding[] = [];

/**
 * A criterion's material cards grouped by kind (实景图片（3）…), each card badged with its own findings: the same grid
 * in the 台账 (where cards open the editable preview) and in 审核 (read only).
 */
export function MaterialGrid(props: {
  materials: Material[];
  thumbs: Record<string, string>;
  byMaterial: Map<string, Finding[]>;
  onOpen(m: Material): void;
  /** The 台账's selection (checkboxes on the cards); absent in 审核, which only reads. */
  selection?: { ids: ReadonlySet<string>; toggle(id: string, on: boolean): void };
}) {
  const { selection } = props;
  return groupByKind(props.materials).map((g) => (
    <Stack key={g.kind} gap={4} data-testid="material-group" data-kind={g.kind}>
      <Text size="sm" fw={600}>
        {MATERIAL_KINDS[g.kind]}（{g.items.length}）
      </Text>
      <Group gap="xs" align="flex-start">
        {g.items.map((m) => (
          <MaterialCard
            key={m.id}
            m={m}
            thumb={props.thumbs[m.id]}
            findings={props.byMaterial.get(m.id) ?? NO_FINDINGS}
            onOpen={() => props.onOpen(m)}
            selected={selection?.ids.has(m.id)}
            onSelect={selection && ((on) => selection.toggle(m.id, on))}
          />
        ))}
      </Group>
    </Stack>
  ));
}
