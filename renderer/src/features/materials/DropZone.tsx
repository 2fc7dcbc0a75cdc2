import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { Requirement } from '@shared/domain/requirements';
import { MATERIAL_KINDS } from '@shared/domain/value-sets';
import type { useJob } from '../../api/useJob';
import { JobProgress } from '../../components/JobProgress';
import { M } from './messages';

/**
 * Where files go: large and teaching (the criterion's requirements) while there are none, one line under the
 * thumbnails once there are some. The drop itself is caught by the whole materials panel; `over` lights this up.
 */
export function DropZone(props: {
  empty: boolean;
  over: boolean;
  requirements: Requirement[];
  /** Files being added (null when idle), and the job's progress. */
  busy: number | null;
  job: ReturnType<typeof useJob>;
  onPick(): void;
}) {
  const { job, busy } = props;
  return (
    <Paper
      withBorder
      p={props.empty ? 'md' : 'xs'}
      data-testid="dropzone"
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        // Blue: something in progress (UI.md); the brand red is kept for the brand and the primary action.
        background: props.over ? 'var(--mantine-color-blue-0)' : undefined,
        borderColor: props.over ? 'var(--mantine-color-blue-5)' : undefined,
      }}
    >
      {busy !== null ? (
        <JobProgress
          job={job}
          label={job.progress ? M.progress(job.progress) : M.adding(busy)}
          testId="attach-progress"
        />
      ) : (
        <Group justify="space-between" wrap="nowrap">
          {props.empty ? (
            <Stack gap={2}>
              <Text fw={600}>{M.dropHere}</Text>
              <Text size="xs" c="dimmed">
                {props.requirements.length > 0 &&
                  `${M.needs}${props.requirements.map((r) => r.text || `${MATERIAL_KINDS[r.kind]} ≥ ${r.min}`).join('；')}。`}
                {M.dropHint}
              </Text>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {M.addMore}
            </Text>
          )}
          <Button variant="default" size={props.empty ? 'sm' : 'xs'} onClick={props.onPick} style={{ flex: 'none' }}>
            {M.pick}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
