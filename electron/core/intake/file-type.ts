import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileTypeFromFile } from 'file-type';
import type { FileFamily } from '@shared/domain/material-kind';
import { sniffFile } from '../office/sniff';
import { inspectOfficeZip, type OfficeZip } from './office-zip';

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

const ARCHIVES = ['zip', 'rar', '7z', 'gz', 'tar', 'bz2', 'xz'];
/** Zip-based Office types file-type names (macro-enabled ones included). */
const OFFICE_ZIP = /openxmlformats-officedocument|macroenabled/iu;
/** A web page (or a script in any markup): the head of the file, case-insensitive. */
const HTML = /^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])|<script[\s>]/iu;
/** Names that promise an image, a PDF, an Office file or a video: text under them is a renamed file. */
const CLAIMS_MEDIA = /\.(jpe?g|png|webp|heic|heif|bmp|gif|tiff?|pdf|docx?|xlsx?|pptx?|wps|et|mp4|mov|avi)$/iu;
const OOXML: Record<NonNullable<OfficeZip['family']>, { mime: string; family: FileFamily }> = {
  word: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', family: 'word' },
  sheet: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', family: 'sheet' },
  presentation: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', family: 'other' },
};

const MIME_FAMILY: Record<string, FileFamily> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'other',
};

/**
 * What a file is by its content — magic bytes, never the extension — and whether it may become a material.
 * Refused: empty files, SVG and web pages (they can carry scripts), executables and unknown binaries, archives,
 * Office files with macros or that inflate like a bomb, text under an image's or document's name. Old Office and
 * WPS files are accepted unreadable (`readable: false`: the checker cannot look inside them).
 */
export async function typeOfFile(path: string, size: number): Promise<Typed> {
  if (size === 0) return { ok: false, reason: '文件是空的（0 字节）。', detail: 'empty' };
  const ft = await fileTypeFromFile(path);
  if (ft) {
    if (IMAGE.has(ft.mime)) return { ok: true, mime: ft.mime, family: 'image', readable: true };
    if (VIDEO.test(ft.mime)) return { ok: true, mime: ft.mime, family: 'video', readable: true };
    if (ft.ext === 'zip' || OFFICE_ZIP.test(ft.mime)) return officeFile(path, ft.mime);
    const family = MIME_FAMILY[ft.mime];
    if (family) return { ok: true, mime: ft.mime, family, readable: true };
    if (ft.ext === 'cfb') return oldOffice(path);
    if (ARCHIVES.includes(ft.ext)) return archive(ft.mime);
    if (ft.mime !== 'application/xml' && ft.ext !== 'svg') return notMaterial(path, ft.mime);
  }
  const raw = await readHead(path, 4096);
  const head = raw.toString('utf8');
  if (/<svg[\s>]/iu.test(head)) return svg();
  if (HTML.test(head)) return html();
  if (ft) return notMaterial(path, ft.mime); // XML that is neither SVG nor a web page: data, not evidence
  // Text under an image's or a document's name (a script renamed `活动照片.jpg`) is not what it claims to be.
  if (looksLikeText(raw) && !CLAIMS_MEDIA.test(extname(path)))
    return { ok: true, mime: 'text/plain', family: 'text', readable: true };
  return notMaterial(path, 'unknown binary');
}

/**
 * A zip-based file: an Office file by the parts it holds (whatever file-type guessed from its first entry), refused
 * when it carries macros or would inflate like a bomb; a zip that is no Office file is an archive.
 */
async function officeFile(path: string, mime: string): Promise<Typed> {
  const claimed = MIME_FAMILY[mime];
  const z = await inspectOfficeZip(path);
  if (!z) return claimed ? { ok: true, mime, family: claimed, readable: false } : archive(mime);
  if (z.family === null && !claimed) return archive(mime);
  if (z.macros)
    return {
      ok: false,
      reason:
        '这是含宏的 Office 文件（如 .docm、.xlsm），宏是可以运行的程序代码，不能作为材料。请在 Word、Excel 或 WPS 中另存为 .docx 或 .xlsx 后再添加。',
      detail: `macros (${mime})`,
    };
  if (z.bomb)
    return {
      ok: false,
      reason: `这个文件${z.bomb}，远超正常文档，可能是异常文件（“压缩炸弹”），不能作为材料。`,
      detail: `zip bomb: ${z.bomb}`,
    };
  if (z.family === null) return { ok: true, mime, family: claimed!, readable: true };
  const ooxml = OOXML[z.family];
  return { ok: true, mime: ooxml.mime, family: ooxml.family, readable: true };
}

function archive(mime: string): Typed {
  return { ok: false, reason: '压缩包不能直接作为材料。请解压后添加其中的文件。', detail: `archive ${mime}` };
}

function html(): Typed {
  return {
    ok: false,
    reason: '网页文件（HTML）可能包含脚本，不能作为材料。请在浏览器中打印为 PDF，或截图后再添加。',
    detail: 'html',
  };
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
