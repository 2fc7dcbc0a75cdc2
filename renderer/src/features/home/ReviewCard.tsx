import { Badge, Group, Paper, Text, Title } from '@mantine/core';
import { HM } from './messages';

/**
 * 待领导审核: a place kept for the leaders' queue. Sign-off does not exist yet, so this says what will appear here
 * instead of showing a list that would mean nothing.
 */
export function ReviewCard() {
  return (
    <Paper withBorder p="md" data-testid="home-review">
      <Group gap="xs" mb="xs">
        <Title order={4} size="h5">
          {HM.review}
        </Title>
        <Badge color="gray" variant="light">
          {HM.reviewSoon}
        </Badge>
      </Group>
      <Text size="sm">{HM.reviewText}</Text>
      <Text size="sm" c="dimmed" mt={4}>
        {HM.reviewNow}
      </Text>
    </Paper>
  );
}
