import { Badge, Group, Tooltip } from '@mantine/core';
import { progressFromCounts } from '../../../../shared/domain/requirement-progress';
import type { Requirement } from '../../../../shared/domain/requirements';
import type { KindCounts } from '../../../../shared/domain/status';
import { M, requirementColor } from './messages';

/** "实景图片 2/3" per requirement (the ledger's one count), coloured by `requirementColor`; the phrase on hover. */
export function RequirementCounters({
  requirements,
  counts = {},
}: {
  requirements: Requirement[];
  counts?: KindCounts;
}) {
  return (
    <Group gap={4} wrap="nowrap">
      {progressFromCounts(requirements, counts).map((p, i) => (
        <Tooltip key={i} label={p.requirement.text || M.kindLabel(p.requirement.kind)} withinPortal>
          <Badge size="xs" variant="outline" color={requirementColor(p.have, p.need)} radius="sm">
            {M.requirementLabel(p.requirement)} {p.have}/{p.need}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}
