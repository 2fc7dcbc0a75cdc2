import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { Criterion } from '@shared/ipc/types';
import { R } from '../signoff/messages';
import { reviewCounts } from '../signoff/review-queue';

/** 待领导审核: how many criteria wait for the 分管领导 and for the 主要负责同志, and the way to 审核. */
export function ReviewCard(props: { criteria: Criterion[]; onOpenReview(): void }) {
  const n = useMemo(() => reviewCounts(props.criteria), [props.criteria]);
  const any = n.leader + n.principal + n.approved > 0;
  return (
    <Paper withBorder p="md" data-testid="home-review">
      <Title order={4} size="h5" mb="xs">
        {R.homeTitle}
      </Title>
      {any ? (
        <Stack gap={4}>
          <Text size="sm" c={n.leader > 0 ? 'blue.8' : undefined} data-testid="home-review-leader">
            {R.homeWaiting('leader', n.leader)}
          </Text>
          <Text size="sm" c={n.principal > 0 ? 'blue.8' : undefined} data-testid="home-review-principal">
            {R.homeWaiting('principal', n.principal)}
          </Text>
          <Text size="sm" c="green.8">
            {R.homeApproved(n.approved)}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {R.homeNone}
        </Text>
      )}
      <Group mt="sm">
        <Button size="xs" variant="default" onClick={props.onOpenReview}>
          {R.homeOpen}
        </Button>
      </Group>
    </Paper>
  );
}
