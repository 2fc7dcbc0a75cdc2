import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileTypeFromFile } from 'file-type';
import type { FileFamily } from '../../../shared/domain/material-kind';
import { sniffFile } from '../office/sniff';

export type Typed =
  { ok: true; mime: string; family: FileFamily; readable: boolean } | { ok: false; reason: string; detail: string };

const IMAGE = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
  'image/avif',
  'image/tiff',
  'image/bmp',
  'image/gif',
]);
const VIDEO = /^video\//u;
const IMAGE_EXT = /\.(jpe?g|png|webp|heic|heif|bmp|gif|tiff?)$/iu;

const MIME_FAMILY: Record<string, FileFamily> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'other',
};

/**
 * What a file is by its content — magic bytes, never the extension — and whether it may become a material.
 * Refused: empty files, SVG (it can carry scripts), executables and unknown binaries, archives. Old Office and WPS
 * files are accepted unreadable (`readable: false`: the checker cannot look inside them).
 */
export async function typeOfFile(path: string, size: number): Promise<Typed> {
  if (size === 0) return { ok: false, reason: '文件是空的（0 字节）。', detail: 'empty' };
  const ft = await fileTypeFromFile(path);
  if (ft) {
    if (IMAGE.has(ft.mime)) return { ok: true, mime: ft.mime, family: 'image', readable: true };
    if (VIDEO.test(ft.mime)) return { ok: true, mime: ft.mime, family: 'video', readable: true };
    const family = MIME_FAMILY[ft.mime];
    if (family) return { ok: true, mime: ft.mime, family, readable: true };
    if (ft.ext === 'cfb') return oldOffice(path);
    if (['zip', 'rar', '7z', 'gz', 'tar', 'bz2', 'xz'].includes(ft.ext))
      return { ok: false, reason: '压缩包不能直接作为材料。请解压后添加其中的文件。', detail: `archive ${ft.mime}` };
    if (ft.mime === 'application/xml' || ft.ext === 'svg') return svg();
    return notMaterial(path, ft.mime);
  }
  const head = await readHead(path, 4096);
  if (/<svg[\s>]/iu.test(head.toString('utf8'))) return svg();
  if (looksLikeText(head)) return { ok: true, mime: 'text/plain', family: 'text', readable: true };
  return notMaterial(path, 'unknown binary');
}

async function oldOffice(path: string): Promise<Typed> {
  const kind = await sniffFile(path);
  const family: FileFamily = kind === 'xls' ? 'sheet' : kind === 'doc' ? 'word' : 'other';
  if (kind === 'ooxml-encrypted')
    return { ok: true, mime: 'application/x-encrypted-office', family: 'other', readable: false };
  return {
    ok: true,
    mime: kind === 'xls' ? 'application/vnd.ms-excel' : kind === 'doc' ? 'application/msword' : 'application/x-cfb',
    family,
    readable: false,
  };
}

function svg(): Typed {
  return { ok: false, reason: 'SVG 矢量图可能包含脚本，不能作为材料。请导出为 JPG 或 PNG 后再添加。', detail: 'svg' };
}

function notMaterial(path: string, what: string): Typed {
  const claimsImage = IMAGE_EXT.test(extname(path));
  return {
    ok: false,
    reason: claimsImage
      ? '该文件不是图片，可能是改了扩展名的其他文件。'
      : '该文件不是图片、文档、表格或视频，不能作为材料（可能是程序或改了扩展名的文件）。',
    detail: what,
  };
}

async function readHead(path: string, n: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** UTF-8 (or GB18030-ish) text: no NUL bytes and few control characters. */
function looksLikeText(buf: Buffer): boolean {
  if (buf.includes(0)) return false;
  let control = 0;
  for (const b of buf) if (b < 9 || (b > 13 && b < 32)) control++;
  return control <= buf.length / 100;
}
