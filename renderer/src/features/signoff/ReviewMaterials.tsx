import { Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { Finding } from '@shared/domain/rules/types';
import type { Material } from '@shared/ipc/types';
import { MaterialGrid } from '../materials/MaterialGrid';
import { findingsByMaterial, inGridOrder } from '../materials/material-order';
import { Preview } from '../materials/Preview';
import { useCriterionMaterials } from '../materials/useCriterionMaterials';
import { R } from './messages';

const NO_FINDINGS: Finding[] = [];

/**
 * A criterion's materials for the leader: the same cards as the 台账 (thumbnail, title, date, their findings), and
 * the same in-app preview, read only — nothing here edits, moves or deletes.
 */
export function ReviewMaterials({ code, findings }: { code: string; findings: Finding[] }) {
  const { materials, thumbs } = useCriterionMaterials(code);
  const [viewing, setViewing] = useState<Material | null>(null);
  const byMaterial = useMemo(() => findingsByMaterial(findings), [findings]);
  if (materials === null)
    return (
      <Text size="sm" c="dimmed">
        {R.loading}
      </Text>
    );
  const ordered = inGridOrder(materials);
  return (
    <Stack gap="xs" data-testid="review-materials">
      <Text fw={600}>{R.materials(materials.length)}</Text>
      {materials.length === 0 && (
        <Text size="sm" c="dimmed">
          {R.noMaterials}
        </Text>
      )}
      <MaterialGrid materials={materials} thumbs={thumbs} byMaterial={byMaterial} onOpen={setViewing} />
      {viewing && (
        <Preview
          m={viewing}
          siblings={ordered}
          findings={byMaterial.get(viewing.id) ?? NO_FINDINGS}
          thumb={thumbs[viewing.id]}
          onNavigate={setViewing}
          onClose={() => setViewing(null)}
        />
      )}
    </Stack>
  );
}
