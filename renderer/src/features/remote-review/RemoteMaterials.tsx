import { Box, Card, Group, Image, Loader, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Result } from '@shared/ipc/contract';
import type { RequestMaterial } from '@shared/schemas/review-exchange';
import { MATERIAL_KINDS, type MaterialKind } from '@shared/domain/value-sets';
import { invoke } from '../../api/client';
import { CARD_WIDTH } from '../materials/MaterialCard';
import { PdfViewer } from '../materials/PdfViewer';
import { V } from './messages';

/**
 * A criterion's materials as the 送审包 carries them: cards with thumbnails made from the zip's own bytes (checked
 * against their SHA-256 by core), and a large preview (photo or PDF) on click. Nothing here can change anything.
 */
export function RemoteMaterials({ materials }: { materials: RequestMaterial[] }) {
  const [thumbs, setThumbs] = useState<Record<string, string>>({});
  const [viewing, setViewing] = useState<RequestMaterial | null>(null);
  useEffect(() => {
    let live = true;
    void invoke('remote:thumbs', { ids: materials.map((m) => m.id) }).then((t) => live && setThumbs(t));
    return () => {
      live = false;
    };
  }, [materials]);
  return (
    <Stack gap="xs" data-testid="remote-materials">
      <Text fw={600}>{V.materials(materials.length)}</Text>
      {materials.length === 0 && (
        <Text size="sm" c="dimmed">
          {V.noMaterials}
        </Text>
      )}
      <Group gap="xs" align="flex-start">
        {materials.map((m) => (
          <Card
            key={m.id}
            withBorder
            padding={6}
            w={CARD_WIDTH}
            onClick={() => setViewing(m)}
            style={{ cursor: 'pointer' }}
            data-testid="remote-material"
            data-id={m.id}
          >
            <Card.Section>
              <Box h={128} bg="gray.1" style={{ display: 'grid', placeItems: 'center' }}>
                {thumbs[m.id] ? (
                  <Image src={thumbs[m.id]} h={128} fit="cover" alt={m.title} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {m.path.split('.').pop()?.toUpperCase()}
                  </Text>
                )}
              </Box>
            </Card.Section>
            <Text size="sm" fw={600} mt={4} lineClamp={2} title={m.title}>
              {m.title}
            </Text>
            <Text size="xs" c="dimmed">
              {kindLabel(m.kind)}
              {m.eventDate ? ` · ${m.eventDate}` : ''}
            </Text>
          </Card>
        ))}
      </Group>
      {viewing && <RemotePreview m={viewing} onClose={() => setViewing(null)} />}
    </Stack>
  );
}

const kindLabel = (kind: string): string => MATERIAL_KINDS[kind as MaterialKind] ?? kind;

function RemotePreview({ m, onClose }: { m: RequestMaterial; onClose(): void }) {
  const [content, setContent] = useState<Result<'remote:preview'> | null>(null);
  useEffect(() => {
    let live = true;
    void invoke('remote:preview', { id: m.id }).then(
      (c) => live && setContent(c),
      (e: Error) => live && setContent({ type: 'none', reason: e.message }),
    );
    return () => {
      live = false;
    };
  }, [m.id]);
  return (
    <Modal
      opened
      onClose={onClose}
      title={m.title}
      size="clamp(640px, calc(100vw - 64px), 1400px)"
      data-testid="preview"
    >
      <Group align="flex-start" wrap="nowrap" gap="md">
        <Box style={{ flex: 1, minWidth: 0 }} h="70dvh" bg="gray.1">
          {content === null ? (
            <Box h="100%" style={{ display: 'grid', placeItems: 'center' }}>
              <Loader />
            </Box>
          ) : content.type === 'image' ? (
            <Image src={content.dataUrl} alt={m.title} h="70dvh" fit="contain" />
          ) : content.type === 'pdf' ? (
            <ScrollArea h="70dvh" type="auto">
              <PdfViewer base64={content.base64} width={760} />
            </ScrollArea>
          ) : (
            <Box h="100%" style={{ display: 'grid', placeItems: 'center' }}>
              <Text c="dimmed">{content.reason}</Text>
            </Box>
          )}
        </Box>
        <Stack w={260} gap="xs" style={{ flex: 'none' }}>
          <Text size="sm">
            <b>{V.caption}：</b>
            {m.caption?.text ?? '—'}
          </Text>
          <Text size="sm">
            <b>{V.date}：</b>
            {m.eventDate ?? '—'}
          </Text>
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {m.path}
          </Text>
        </Stack>
      </Group>
    </Modal>
  );
}
