import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { FIXTURES } from './ctx';

export const NOKIA = join(FIXTURES, 'photos', 'HMD_Nokia_8.3_5G.jpg');
/** A caption naming 时间、地点、人物、主题 (the default profile's required elements). */
export const FULL_CAPTION = '时间：2026年3月12日；地点：市一中报告厅；人物：全体教师；主题：师德师风专题学习';

/**
 * Writes a sharp 3000-px camera photo dated 2026-03-12 (inside the 2026 period): the corpus's Nokia photo
 * re-encoded with that EXIF date, after `edit` (blur it, mirror it…). Returns its path.
 */
export async function periodPhoto(out: string, edit: (s: Sharp) => Sharp = (s) => s): Promise<string> {
  await edit(sharp(NOKIA).resize(3000))
    .withExif({
      IFD0: { Make: 'HMD Global', Model: 'Nokia 8.3 5G' },
      IFD2: { DateTimeOriginal: '2026:03:12 09:30:00' },
    })
    .jpeg({ quality: 90 })
    .toFile(out);
  return out;
}
