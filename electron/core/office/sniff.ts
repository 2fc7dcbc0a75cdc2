import { open } from 'node:fs/promises';

/** What a file really is, by its bytes (never by its extension alone). */
export type FileKind =
  'xlsx' | 'docx' | 'pptx' | 'zip' | 'ooxml-encrypted' | 'xls' | 'doc' | 'ole' | 'json' | 'text' | 'binary' | 'empty';

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const utf16 = (s: string) => Buffer.from(s, 'utf16le');

/**
 * Sniffs a file from its head and tail: a zip's central directory names its parts (`xl/workbook.xml` → xlsx); an OLE
 * compound file names its streams in UTF-16 (`EncryptionInfo` → a password-protected Office file, `Workbook` → an
 * old .xls or WPS .et, `WordDocument` → .doc).
 */
export async function sniffFile(path: string): Promise<FileKind> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    if (size === 0) return 'empty';
    const headLen = Math.min(size, 1 << 20);
    const head = Buffer.alloc(headLen);
    await fh.read(head, 0, headLen, 0);
    const tailLen = Math.min(size, 1 << 20);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    if (head.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) {
      if (tail.includes('xl/workbook.xml') || head.includes('xl/workbook.xml')) return 'xlsx';
      if (tail.includes('word/document.xml') || head.includes('word/')) return 'docx';
      if (tail.includes('ppt/presentation.xml')) return 'pptx';
      return 'zip';
    }
    if (head.subarray(0, 8).equals(OLE)) {
      const all = size <= 8 << 20 ? Buffer.concat([head, tail]) : head;
      if (all.includes(utf16('EncryptionInfo')) || all.includes(utf16('EncryptedPackage'))) return 'ooxml-encrypted';
      if (all.includes(utf16('Workbook')) || all.includes(utf16('Book'))) return 'xls';
      if (all.includes(utf16('WordDocument'))) return 'doc';
      return 'ole';
    }
    const text = textOf(head)
      .replace(/^\uFEFF/u, '')
      .trimStart();
    if (text.startsWith('{') || text.startsWith('[')) return 'json';
    return head.includes(0) && !isUtf16(head) ? 'binary' : 'text';
  } finally {
    await fh.close();
  }
}

/** UTF-16 with its byte-order mark, as Notepad saves “Unicode” text: its NUL bytes do not make it binary. */
function isUtf16(head: Buffer): boolean {
  return (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
}

function textOf(head: Buffer): string {
  if (!isUtf16(head)) return head.toString('utf8');
  return new TextDecoder(head[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(head.subarray(2));
}
