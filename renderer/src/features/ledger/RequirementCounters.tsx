import { Badge, Group } from '@mantine/core';
import type { Requirement } from '../../../../shared/domain/requirements';
import type { KindCounts } from '../../../../shared/domain/status';
import { M, requirementColor } from './messages';

/** "实景图片 2/3" per requirement, coloured by `requirementColor`. */
export function RequirementCounters({
  requirements,
  counts = {},
}: {
  requirements: Requirement[];
  counts?: KindCounts;
}) {
  return (
    <Group gap={4} wrap="nowrap">
      {requirements.map((r) => {
        const n = counts[r.kind] ?? 0;
        const color = requirementColor(n, r.min);
        return (
          <Badge key={r.kind} size="xs" variant="outline" color={color} radius="sm">
            {M.kindLabel(r.kind)} {n}/{r.min}
          </Badge>
        );
      })}
    </Group>
  );
}
