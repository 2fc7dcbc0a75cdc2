import { closeSync, openSync, writeSync } from 'node:fs';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { editPart, readZip, writeZip, type ZipItem } from '../helpers/zips';
import { fixture, fixtureBytes } from './bytes';
import { zerosZlib } from './images';

/** The corpus's one-page PDF (with a text layer and a CreationDate). */
export const minimalPdf = (): Buffer => fixtureBytes('pdfs', 'minimal-document.pdf');
export const DOCX = fixture('office', 'doc-coreprops.docx');

const saved = async (doc: PDFDocument): Promise<Buffer> => Buffer.from(await doc.save());

/** The one page copied 10,000 times (pdf-lib shares its content): 17 KB of PDF, 10,000 pages to count. */
export async function pdfOfPages(pages: number): Promise<Buffer> {
  const src = await PDFDocument.load(minimalPdf());
  const doc = await PDFDocument.create();
  const [page] = await doc.copyPages(src, [0]);
  for (let i = 0; i < pages; i++) doc.addPage(page!);
  return saved(doc);
}

/** The PDF with an OpenAction running JavaScript (in an object stream, where a byte scan cannot see it). */
export async function pdfWithJavaScript(): Promise<Buffer> {
  const doc = await PDFDocument.load(minimalPdf());
  doc.catalog.set(
    PDFName.of('OpenAction'),
    doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.launchURL("http://evil.invalid")') }),
  );
  return Buffer.from(await doc.save({ useObjectStreams: true }));
}

/** The PDF carrying an executable as an attached file. */
export async function pdfWithAttachment(): Promise<Buffer> {
  const doc = await PDFDocument.load(minimalPdf());
  await doc.attach(Buffer.from('MZ: not really a program'), '通知.exe', { mimeType: 'application/octet-stream' });
  return saved(doc);
}

/** The PDF whose `startxref` points nowhere (pdf.js must rebuild the cross-reference table). */
export function pdfBrokenXref(): Buffer {
  const s = minimalPdf().toString('latin1');
  return Buffer.from(`${s.slice(0, s.lastIndexOf('startxref'))}startxref\n999999999\n%%EOF\n`, 'latin1');
}

/** Objects and a trailer whose page tree's `Kids` is the tree itself. */
export const pdfPageTreeCycle = (): Buffer =>
  Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[2 0 R]/Count 1>>endobj\n' +
      'trailer<</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  );

/** A catalog holding 100,000 nested arrays (a parser that recurses overflows its stack). */
export const pdfDeepArrays = (): Buffer =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R/X ${'['.repeat(100_000)}${']'.repeat(100_000)}>>endobj\n` +
      '2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  );

/** The PDF with three more pages whose one content stream inflates from 1 MB to `mb` MB of NUL bytes. */
export async function pdfStreamBomb(mb: number): Promise<Buffer> {
  const doc = await PDFDocument.load(minimalPdf());
  const bomb = zerosZlib(mb * 2 ** 20);
  const ref = doc.context.register(doc.context.stream(bomb, { Filter: 'FlateDecode', Length: bomb.length }));
  for (let i = 0; i < 3; i++) doc.addPage().node.set(PDFName.of('Contents'), ref);
  return saved(doc);
}

/**
 * A `bytes`-long PDF at `path` written sparse: the minimal PDF, a hole of zeros, then its tail again (so its
 * `startxref` is at the end, pointing into the real objects at the start). Costs no disk until copied.
 */
export function sparsePdf(path: string, bytes: number): string {
  const pdf = minimalPdf();
  const tail = pdf.subarray(pdf.length - 2048);
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, pdf, 0, pdf.length, 0);
    writeSync(fd, tail, 0, tail.length, bytes - tail.length);
  } finally {
    closeSync(fd);
  }
  return path;
}

/** The corpus's Word file with its parts changed by `edit` (written again with yazl). */
export async function docxEdited(out: string, edit: (items: ZipItem[]) => ZipItem[]): Promise<string> {
  await writeZip(out, edit((await readZip(DOCX)).filter((i) => !i.name.endsWith('/'))));
  return out;
}

/** `word/document.xml` replaced by `xml`. */
export const withDocument = (items: ZipItem[], xml: Buffer | string): ZipItem[] =>
  items.map((i) => (i.name === 'word/document.xml' ? { ...i, bytes: Buffer.from(xml), compress: true } : i));

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A document.xml declaring the "billion laughs" entity (10⁹ `lol`s if an XML parser expanded it). */
export const billionLaughs = (): string =>
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('') +
  `]><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`;

/** A document.xml whose body is `mb` MB of spaces: 80 KB deflated. */
export const documentOfSpaces = (mb: number): Buffer =>
  Buffer.concat([
    Buffer.from(`<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>`),
    Buffer.alloc(mb * 2 ** 20, 0x20),
    Buffer.from('<w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>'),
  ]);

/** A VBA project part and the content type that makes an Office file macro-enabled (.docm/.xlsm). */
export function withMacros(items: ZipItem[], part: 'word' | 'xl'): ZipItem[] {
  const main = part === 'word' ? 'ms-word.document.macroEnabled.main+xml' : 'ms-excel.sheet.macroEnabled.main+xml';
  return [
    ...editPart(items, '[Content_Types].xml', (xml) =>
      xml.replace(/openxmlformats-officedocument\.(wordprocessingml\.document|spreadsheetml\.sheet)\.main\+xml/u, main),
    ),
    {
      name: `${part}/vbaProject.bin`,
      bytes: Buffer.from('Attribute VB_Name = "ThisDocument"\nSub AutoOpen()\nEnd Sub'),
    },
  ];
}
