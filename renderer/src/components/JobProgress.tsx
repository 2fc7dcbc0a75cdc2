import { Button, Group, Loader, Progress, Stack, Text } from '@mantine/core';
import type { useJob } from '../api/useJob';

/** A running job: what it is doing (count, rate, time left), a bar, and 取消. */
export function JobProgress(props: { job: ReturnType<typeof useJob>; label: string; testId: string }) {
  const { job } = props;
  return (
    <Stack gap={4} data-testid={props.testId}>
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Loader size="sm" />
          <Text size="sm">{props.label}</Text>
        </Group>
        <Button size="compact-sm" variant="default" onClick={job.cancel}>
          取消
        </Button>
      </Group>
      <Progress value={job.progress ? (100 * job.progress.done) / job.progress.total : 0} />
    </Stack>
  );
}
