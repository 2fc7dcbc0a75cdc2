import { Anchor, Badge, Group, ScrollArea, Stack, Text } from '@mantine/core';
import type { Finding } from '@shared/domain/rules/types';
import type { Criterion } from '@shared/ipc/types';
import { FindingLine } from '../check/FindingLine';
import { groupFindings } from '../check/group-findings';
import { useFindingActions } from '../check/useFindingActions';
import { X } from './messages';

const ERRORS = new Set(['error'] as const);

/**
 * What blocks a final package: every error finding, by criterion, in a scrolling box (there may be hundreds), each
 * fixable where it stands as in 体检; the text links to 体检 for the whole picture.
 */
export function BlockingList(props: {
  blocking: Finding[];
  criteria: Criterion[];
  onOpenCriterion(code: string): void;
  onOpenCheck(): void;
}) {
  const { act, ui } = useFindingActions(props);
  const titles = new Map(props.criteria.map((c) => [c.code, c.title]));
  const groups = groupFindings(props.blocking, 'criterion', ERRORS);
  return (
    <Stack gap={6} mt="md" data-testid="export-blocking">
      <Text c="red" fw={600} size="sm">
        {X.blocking(props.blocking.length, groups.length)}
        {X.blockingGo[0]}
        <Anchor component="button" type="button" inherit c="blue.8" underline="always" onClick={props.onOpenCheck}>
          {X.blockingGo[1]}
        </Anchor>
        {X.blockingGo[2]}
      </Text>
      {ui}
      <ScrollArea.Autosize mah={280} type="auto" offsetScrollbars data-testid="blocking-scroll">
        <Stack gap="sm">
          {groups.map((g) => (
            <Stack key={g.key} gap={4} data-testid="blocking-group" data-key={g.key}>
              <Group gap="xs" wrap="nowrap">
                <Text fw={600} size="sm" truncate>
                  {g.key} {titles.get(g.key) ?? ''}
                </Text>
                <Badge color="red" variant="light" style={{ flex: 'none' }}>
                  {X.errorCount(g.errors)}
                </Badge>
              </Group>
              {g.findings.map((f, i) => (
                <FindingLine key={`${f.ruleId}:${f.materialId ?? ''}:${i}`} f={f} onAct={act} />
              ))}
            </Stack>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}
