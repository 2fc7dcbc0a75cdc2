import { Badge, Box, Button, Checkbox, Group, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import type { ReviewLevel } from '@shared/domain/signoff';
import type { Criterion } from '@shared/ipc/types';
import { SELECTED_ROW_BG } from '../../theme';
import { R } from './messages';
import { ReviewBadge } from './ReviewBadge';
import { ReviewStateNotes } from './ReviewSummary';

/**
 * The criteria waiting for this leader, each with its review state (a return's comment, what changed): one is
 * opened beside the list, several are ticked to be approved at once.
 */
export function ReviewQueue(props: {
  level: ReviewLevel;
  queue: Criterion[];
  selected: string | null;
  checked: Set<string>;
  onSelect(code: string): void;
  onCheck(checked: Set<string>): void;
  onApproveChecked(): void;
}) {
  const { queue, checked } = props;
  const all = queue.length > 0 && queue.every((c) => checked.has(c.code));
  const some = queue.some((c) => checked.has(c.code));
  const toggle = (code: string, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(code);
    else next.delete(code);
    props.onCheck(next);
  };
  return (
    <Stack gap="xs" h="100%" data-testid="review-queue">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600}>
          {R.queueTitle(props.level)}
          <Badge ml="xs" color="gray" variant="light" data-testid="review-queue-count">
            {R.queueCount(queue.length)}
          </Badge>
        </Text>
      </Group>
      {queue.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="review-queue-empty">
          {R.queueEmpty(props.level)}
        </Text>
      ) : (
        <>
          <Group justify="space-between" wrap="nowrap">
            <Checkbox
              label={R.selectAll}
              checked={all}
              indeterminate={some && !all}
              onChange={(e) => props.onCheck(e.currentTarget.checked ? new Set(queue.map((c) => c.code)) : new Set())}
            />
            <Button size="xs" color="green" disabled={!some} onClick={props.onApproveChecked}>
              {R.approveSelected(queue.filter((c) => checked.has(c.code)).length)}
            </Button>
          </Group>
          <ScrollArea style={{ flex: 1 }} type="auto" offsetScrollbars>
            <Stack gap={4}>
              {queue.map((c) => (
                <Group
                  key={c.code}
                  gap="xs"
                  wrap="nowrap"
                  align="flex-start"
                  p={6}
                  bg={c.code === props.selected ? SELECTED_ROW_BG : undefined}
                  style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}
                  data-testid="review-row"
                  data-code={c.code}
                >
                  <Checkbox
                    mt={2}
                    checked={checked.has(c.code)}
                    onChange={(e) => toggle(c.code, e.currentTarget.checked)}
                    aria-label={`${c.code} ${c.title}`}
                  />
                  <UnstyledButton
                    onClick={() => props.onSelect(c.code)}
                    style={{ flex: 1, minWidth: 0 }}
                    aria-current={c.code === props.selected ? 'true' : undefined}
                  >
                    <Group gap="xs" wrap="nowrap" justify="space-between">
                      <Text size="sm" fw={600} truncate>
                        {c.code} {c.title}
                      </Text>
                      <Box style={{ flex: 'none' }}>
                        <ReviewBadge status={c.reviewState!.status} size="sm" />
                      </Box>
                    </Group>
                    <ReviewStateNotes state={c.reviewState!} compact />
                  </UnstyledButton>
                </Group>
              ))}
            </Stack>
          </ScrollArea>
        </>
      )}
    </Stack>
  );
}
