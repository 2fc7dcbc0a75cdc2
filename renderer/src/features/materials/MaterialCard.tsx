import { Badge, Card, Group, Image, Text } from '@mantine/core';
import type { Material } from '../../../../shared/ipc/types';
import { M } from './messages';

/** One material in the grid: its thumbnail (or its file type), title, date and the facts worth a glance. */
export function MaterialCard({ m, thumb, onOpen }: { m: Material; thumb: string | undefined; onOpen(): void }) {
  const ext = m.fileName.split('.').pop()?.toUpperCase() ?? '';
  const pages = typeof m.facts.pages === 'number' ? m.facts.pages : null;
  return (
    <Card
      withBorder
      padding={6}
      w={150}
      onClick={onOpen}
      style={{ cursor: 'pointer' }}
      data-testid="material-card"
      data-id={m.id}
    >
      <Card.Section>
        {thumb ? (
          <Image src={thumb} h={100} fit="cover" alt={m.title} />
        ) : (
          <Text h={100} ta="center" pt={36} fw={700} c="dimmed" bg="gray.1">
            {ext}
          </Text>
        )}
      </Card.Section>
      <Text size="xs" fw={600} truncate="end" mt={4} title={m.title}>
        {m.title}
      </Text>
      <Group gap={4} wrap="nowrap">
        <Text size="xs" c="dimmed">
          {m.eventDate ?? m.month}
        </Text>
        {pages !== null && (
          <Text size="xs" c="dimmed">
            {M.pages(pages)}
          </Text>
        )}
      </Group>
      <Group gap={2}>
        {m.facts.encrypted === true && (
          <Badge size="xs" color="orange">
            {M.encrypted}
          </Badge>
        )}
        {m.facts.readable === false && (
          <Badge size="xs" color="gray">
            {M.unreadable}
          </Badge>
        )}
        {m.kind === 'photo' && !m.caption && (
          <Badge size="xs" color="orange" variant="light">
            {M.noCaption}
          </Badge>
        )}
      </Group>
    </Card>
  );
}
