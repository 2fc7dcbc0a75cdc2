import { Box } from '@mantine/core';

export type Zoom = 'fit' | 'actual';

/**
 * A photo in the preview: fitted to the stage (small photos are scaled up: the officer judges the scene, and a
 * photo that looks coarse this way looks coarse to the 创城办 too), or at 100% of the preview image (≤ 1600 px),
 * scrolled. A click toggles the two.
 */
export function ZoomableImage(props: { src: string; alt: string; zoom: Zoom; h: string; onToggle(): void }) {
  const fit = props.zoom === 'fit';
  return (
    <Box
      h={props.h}
      bg="gray.1"
      data-testid="preview-stage"
      data-zoom={props.zoom}
      // A flex box with the image at margin auto: centred while smaller than the stage, scrollable from its
      // top-left corner once larger.
      style={{ display: 'flex', overflow: fit ? 'hidden' : 'auto' }}
    >
      <img
        src={props.src}
        alt={props.alt}
        onClick={props.onToggle}
        style={
          fit
            ? { width: '100%', height: '100%', objectFit: 'contain', cursor: 'zoom-in' }
            : { margin: 'auto', flex: 'none', maxWidth: 'none', cursor: 'zoom-out' }
        }
      />
    </Box>
  );
}
