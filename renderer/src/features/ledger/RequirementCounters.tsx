import { Badge, Group } from '@mantine/core';
import type { Requirement } from '../../../../shared/domain/requirements';
import type { KindCounts } from '../../../../shared/domain/status';
import { M } from './messages';

/** "实景图片 2/3" per requirement: green when met, red when nothing yet, blue in between. */
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
        const color = n >= r.min ? 'green' : n === 0 ? 'red' : 'blue';
        return (
          <Badge key={r.kind} size="xs" variant="outline" color={color} radius="sm">
            {M.kindLabel(r.kind)} {n}/{r.min}
          </Badge>
        );
      })}
    </Group>
  );
}
