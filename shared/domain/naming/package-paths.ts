import { cut, MAX_PATH, MAX_SEGMENT, safeSegment, type NameChange } from './segment';

/** The folder every material sits under in a package (一项一档). */
export const MATERIALS_ROOT = '材料';

export interface PathInput {
  id: string;
  criterionCode: string;
  criterionTitle: string;
  /** The material's title as the officer gave it. */
  title: string;
  /** Without the dot, lower case (`extensionOf`). */
  ext: string;
}

export interface PlannedPath {
  path: string;
  /**
   * What changed in the officer's own name for the file (its title). The criterion folder's name comes from the
   * catalog, which the officer cannot edit: the export makes it safe silently. Empty when the title goes in as given.
   */
  changes: NameChange[];
}

/**
 * Plans every material's path in a package: `材料/{code}_{short title}/{seq:02}_{title}.{ext}`, `seq` counting the
 * materials of a criterion in the order given. Every segment is safe (`safeSegment`), the whole path stays within
 * `MAX_PATH`, and paths are unique after case folding (a clash gets `~2`, `~3`…).
 */
export function planPackagePaths(items: PathInput[]): Map<string, PlannedPath> {
  const out = new Map<string, PlannedPath>();
  const folders = new Map<string, { name: string }>();
  const taken = new Set<string>();
  const seqs = new Map<string, number>();
  for (const item of items) {
    let folder = folders.get(item.criterionCode);
    if (!folder) {
      const code = safeSegment(item.criterionCode, MAX_SEGMENT);
      folder = { name: unique(safeSegment(`${code.text}_${item.criterionTitle}`).text, taken, MAX_SEGMENT) };
      folders.set(item.criterionCode, folder);
    }
    const seq = (seqs.get(item.criterionCode) ?? 0) + 1;
    seqs.set(item.criterionCode, seq);
    const prefix = `${String(seq).padStart(2, '0')}_`;
    const ext = item.ext === '' ? '' : `.${item.ext}`;
    const room = Math.min(MAX_SEGMENT, MAX_PATH - MATERIALS_ROOT.length - folder.name.length - 2) - prefix.length;
    const title = safeSegment(item.title, room - ext.length);
    const file = `${prefix}${title.text}${ext}`;
    // Unique without a check: the folder is unique and `seq` numbers the files inside it.
    const path = `${MATERIALS_ROOT}/${folder.name}/${file}`;
    out.set(item.id, { path, changes: title.changes });
  }
  return out;
}

/** `name`, or `name~2`, `name~3`… — the first not yet taken after case folding (a folder name here). */
function unique(name: string, taken: Set<string>, max: number): string {
  let candidate = name;
  for (let n = 2; taken.has(`${MATERIALS_ROOT}/${candidate}/`.toLowerCase()); n++)
    candidate = `${cut(name, max - String(n).length - 1)}~${n}`;
  taken.add(`${MATERIALS_ROOT}/${candidate}/`.toLowerCase());
  return candidate;
}

const MIME_EXT: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/bmp': 'bmp',
  'image/tiff': 'tif',
  'image/heic': 'heic',
  'image/heif': 'heif',
  'application/pdf': 'pdf',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'video/mp4': 'mp4',
  'text/plain': 'txt',
};

/**
 * The extension a material's file gets in a package: from its content type where known (a HEIC converted to JPEG
 * is `.jpg`), else the original file's extension, lower case; '' when there is none.
 */
export function extensionOf(fileName: string, mime: string): string {
  const known = MIME_EXT[mime];
  if (known) return known;
  const m = /\.([A-Za-z0-9]{1,8})$/u.exec(fileName);
  return m ? m[1]!.toLowerCase() : '';
}
