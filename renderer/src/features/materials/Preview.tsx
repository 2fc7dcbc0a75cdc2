import { Box, Button, Group, Loader, Modal, ScrollArea, SegmentedControl, Stack, Text } from '@mantine/core';
import { useElementSize, useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import type { Finding } from '@shared/domain/rules/types';
import type { Material } from '@shared/ipc/types';
import { FileTypeIcon } from './FileTypeIcon';
import { M } from './messages';
import { PdfViewer } from './PdfViewer';
import { PreviewFacts } from './PreviewFacts';
import { usePreviewContent, useSiblings } from './usePreviewContent';
import { ZoomableImage, type Zoom } from './ZoomableImage';

const P = M.preview;
/** The stage takes the window's height less the dialog's title, footer and margins (fits 1366×768). */
const STAGE_H = 'calc(100dvh - 210px)';
const FACTS_W = 300;

/**
 * The large view of a material: the photo fitted to the dialog (or at 100%), a PDF paged with pdf.js; beside it
 * the caption, dates, size, kind and its findings; ← → (keys and buttons) through the criterion's materials, and
 * 编辑 opens the editor.
 */
export function Preview(props: {
  m: Material;
  /** The criterion's materials in the grid's order; fetched when not given. */
  siblings: Material[] | undefined;
  /** Its own findings; undefined where the caller has none to give. */
  findings: Finding[] | undefined;
  /** The small thumbnail, shown until the large image arrives. */
  thumb: string | undefined;
  onNavigate(m: Material): void;
  /** Absent: read only (审核), no 编辑 button. */
  onEdit?: (() => void) | undefined;
  onClose(): void;
}) {
  const { m } = props;
  const content = usePreviewContent(m.id);
  const list = useSiblings(m, props.siblings);
  const [zoom, setZoom] = useState<Zoom>('fit');
  const stage = useElementSize();
  const at = list.findIndex((x) => x.id === m.id);
  const previous = at > 0 ? list[at - 1] : undefined;
  const next = at >= 0 ? list[at + 1] : undefined;
  useHotkeys([
    ['ArrowLeft', () => previous && props.onNavigate(previous)],
    ['ArrowRight', () => next && props.onNavigate(next)],
  ]);
  const image = content?.type === 'image' ? content.dataUrl : !content ? props.thumb : undefined;
  const toggle = () => setZoom(zoom === 'fit' ? 'actual' : 'fit');

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={<span data-testid="preview-title">{m.title}</span>}
      size="clamp(640px, calc(100vw - 64px), 1600px)"
      yOffset="3dvh"
      data-testid="preview"
    >
      <Group align="flex-start" wrap="nowrap" gap="md">
        <Box ref={stage.ref} style={{ flex: 1, minWidth: 0 }}>
          {image ? (
            <ZoomableImage src={image} alt={m.title} zoom={zoom} h={STAGE_H} onToggle={toggle} />
          ) : content?.type === 'pdf' ? (
            <ScrollArea h={STAGE_H} bg="gray.1" type="auto">
              <Box py="xs">
                <PdfViewer base64={content.base64} width={Math.max(300, stage.width - 40)} />
              </Box>
            </ScrollArea>
          ) : (
            <Box h={STAGE_H} bg="gray.1" style={{ display: 'grid', placeItems: 'center' }}>
              {content?.type === 'none' ? (
                // Word, Excel, video: what it is and how long, and why it is not shown here.
                <Stack gap="xs" align="center" w={240}>
                  <FileTypeIcon m={m} h={120} />
                  <Text c="dimmed" size="sm" ta="center">
                    {content.reason}
                  </Text>
                </Stack>
              ) : (
                <Loader />
              )}
            </Box>
          )}
        </Box>
        <ScrollArea h={STAGE_H} w={FACTS_W} style={{ flex: 'none' }} type="auto">
          <PreviewFacts m={m} findings={props.findings} />
        </ScrollArea>
      </Group>
      <Group justify="space-between" mt="sm" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Button
            variant="default"
            size="xs"
            disabled={!previous}
            onClick={() => previous && props.onNavigate(previous)}
          >
            ← {P.previous}
          </Button>
          <Text size="sm" data-testid="preview-position">
            {P.position(at + 1, list.length)}
          </Text>
          <Button variant="default" size="xs" disabled={!next} onClick={() => next && props.onNavigate(next)}>
            {P.next} →
          </Button>
        </Group>
        {content?.type === 'image' && (
          <SegmentedControl
            size="xs"
            value={zoom}
            onChange={(v) => setZoom(v as Zoom)}
            data={[
              { value: 'fit', label: P.fit },
              { value: 'actual', label: P.actual },
            ]}
            aria-label={P.zoom}
            title={P.zoomHint}
          />
        )}
        {props.onEdit && <Button onClick={props.onEdit}>{P.edit}</Button>}
      </Group>
    </Modal>
  );
}
