import { Badge, Group, Tooltip } from '@mantine/core';
import type { RequirementProgress } from '@shared/domain/requirement-progress';
import { C } from '../check/messages';
import { M, requirementColor } from './messages';

/**
 * "实景图片 2/3" per requirement — the criterion's `progress`, counted as the 体检 counts — coloured by `requirementColor`; the phrase on hover. A
 * criterion declared 不属本单位职责 needs nothing: its counters turn grey (kept, so the officer still sees what
 * withdrawing the declaration would ask for) rather than red for what is not missing.
 */
export function RequirementCounters({
  progress,
  declared = false,
}: {
  progress: RequirementProgress[];
  /** The criterion carries a declaration (`criterion.declaration !== null`). */
  declared?: boolean;
}) {
  return (
    <Group gap={4} wrap="nowrap" data-testid="requirement-counters" data-declared={declared || undefined}>
      {progress.map((p, i) => (
        <Tooltip
          key={i}
          label={
            declared
              ? C.declare.counters
              : `${p.requirement.text || M.kindLabel(p.requirement.kind)}${p.notScoring > 0 ? `。${M.notScoringHint(p.notScoring)}` : ''}`
          }
          withinPortal
        >
          <Badge size="xs" variant="outline" color={declared ? 'gray' : requirementColor(p.have, p.need)} radius="sm">
            {M.requirementLabel(p.requirement)} {p.have}/{p.need}
            {p.notScoring > 0 && M.notScoring(p.notScoring)}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}
