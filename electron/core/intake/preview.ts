import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import type { Workspace } from '../workspace/workspace';
import { writeAtomically } from '../store/atomic-write';
import { PIXEL_LIMIT } from './image-facts';

const PREVIEW_EDGE = 1600;

/** Where a blob's large preview lives: `previews/ab/<sha256>.jpg` (derived data, safe to delete). */
export function previewPath(ws: Workspace, sha256: string): string {
  return join(ws.dir, 'previews', sha256.slice(0, 2), `${sha256}.jpg`);
}

/** The ~1600 px upright preview of an image, made on first view and cached. */
export async function ensurePreview(ws: Workspace, sha256: string): Promise<string> {
  const out = previewPath(ws, sha256);
  if (
    await stat(out).then(
      () => true,
      () => false,
    )
  )
    return out;
  await writeAtomically(out, (tmp) => uprightJpeg(ws.store.path(sha256)).toFile(tmp));
  return out;
}

/** An image as the viewer shows it: upright, within `edge` px, JPEG (a 送审包's images are read from the zip). */
export function uprightJpeg(input: string | Buffer, edge = PREVIEW_EDGE): Sharp {
  return sharp(input, { limitInputPixels: PIXEL_LIMIT, failOn: 'none' })
    .rotate()
    .resize(edge, edge, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 85 });
}
