import { Badge, Group, Tooltip } from '@mantine/core';
import { progressFromCounts } from '../../../../shared/domain/requirement-progress';
import type { Requirement } from '../../../../shared/domain/requirements';
import type { KindCounts } from '../../../../shared/domain/status';
import { C } from '../check/messages';
import { M, requirementColor } from './messages';

/**
 * "实景图片 2/3" per requirement (the ledger's one count), coloured by `requirementColor`; the phrase on hover. A
 * criterion declared 不属本单位职责 needs nothing: its counters turn grey (kept, so the officer still sees what
 * withdrawing the declaration would ask for) rather than red for what is not missing.
 */
export function RequirementCounters({
  requirements,
  counts = {},
  declared = false,
}: {
  requirements: Requirement[];
  counts?: KindCounts;
  /** The criterion carries a declaration (`criterion.declaration !== null`). */
  declared?: boolean;
}) {
  return (
    <Group gap={4} wrap="nowrap" data-testid="requirement-counters" data-declared={declared || undefined}>
      {progressFromCounts(requirements, counts).map((p, i) => (
        <Tooltip
          key={i}
          label={declared ? C.declare.counters : p.requirement.text || M.kindLabel(p.requirement.kind)}
          withinPortal
        >
          <Badge size="xs" variant="outline" color={declared ? 'gray' : requirementColor(p.have, p.need)} radius="sm">
            {M.requirementLabel(p.requirement)} {p.have}/{p.need}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}
