import { Button, Group, Loader, Modal, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Result } from '../../../../shared/ipc/contract';
import type { Material } from '../../../../shared/ipc/types';
import { invoke } from '../../api/client';
import { PdfViewer } from './PdfViewer';

/** The large view of a material: photos upright at ~1600 px, PDFs paged with pdf.js. */
export function Preview({ m, onEdit, onClose }: { m: Material; onEdit(): void; onClose(): void }) {
  const [content, setContent] = useState<Result<'materials:preview'> | null>(null);
  useEffect(() => {
    void invoke('materials:preview', { id: m.id }).then(setContent, (e: Error) =>
      setContent({ type: 'none', reason: e.message }),
    );
  }, [m.id]);
  return (
    <Modal opened onClose={onClose} title={m.title} size="xl" data-testid="preview">
      {!content && <Loader />}
      {content?.type === 'image' && (
        <img
          src={content.dataUrl}
          alt={m.title}
          style={{ maxWidth: '100%', maxHeight: '70vh', display: 'block', margin: '0 auto' }}
        />
      )}
      {content?.type === 'pdf' && <PdfViewer base64={content.base64} width={760} />}
      {content?.type === 'none' && <Text c="dimmed">{content.reason}</Text>}
      {m.caption && (
        <Text size="sm" mt="sm">
          {m.caption.text}
        </Text>
      )}
      <Group justify="flex-end" mt="md">
        <Button onClick={onEdit}>编辑</Button>
      </Group>
    </Modal>
  );
}
