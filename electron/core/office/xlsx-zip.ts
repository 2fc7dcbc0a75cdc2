import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';
import { LIMITS, tooManyEntries } from './xlsx-limits';

/** An .xlsx opened from its bytes: its entries by name, from the central directory (nothing inflated yet). */
export interface XlsxZip {
  zip: yauzl.ZipFile;
  entries: Map<string, yauzl.Entry>;
}

/** Opens the zip and reads its central directory; more entries than any workbook has is refused before listing them. */
export function openXlsx(bytes: Buffer): Promise<XlsxZip> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('not a zip'));
      if (zip.entryCount > LIMITS.entries) return reject(tooManyEntries(zip.entryCount));
      const entries = new Map<string, yauzl.Entry>();
      zip.on('error', reject);
      zip.on('end', () => resolve({ zip, entries }));
      zip.on('entry', (e: yauzl.Entry) => {
        entries.set(e.fileName, e);
        zip.readEntry();
      });
      zip.readEntry();
    });
  });
}

/** A SAX handler: element names without their namespace prefix (`x:row` is `row`), attributes as written. */
export interface XmlHandler {
  open(name: string, attrs: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

const localName = (name: string): string => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

/**
 * Streams an entry's XML through saxes (the streaming parser exceljs itself uses) into `handler`. It inflates no more
 * than the entry's size in the central directory (yauzl checks it) nor than `maxBytes` (`onMaxBytes` makes the
 * error); a handler that throws stops the read at once, which is how the row limits stop a bomb early. Resolves to
 * the number of bytes inflated.
 */
export async function streamXml(
  x: XlsxZip,
  entry: yauzl.Entry,
  handler: XmlHandler,
  maxBytes: number,
  onMaxBytes: (bytes: number) => Error,
): Promise<number> {
  const stream = await new Promise<Readable>((resolve, reject) =>
    x.zip.openReadStream(entry, (err, s) => (err || !s ? reject(err ?? new Error('no stream')) : resolve(s))),
  );
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (t) => handler.open(localName(t.name), t.attributes as Record<string, string>));
  parser.on('closetag', (t) => handler.close(localName(t.name)));
  parser.on('text', (t) => handler.text(t));
  // One decoder across chunks, so a character split between two chunks is not garbled.
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > maxBytes) throw onMaxBytes(bytes);
      parser.write(decoder.decode(chunk, { stream: true }));
    }
    parser.write(decoder.decode());
    parser.close();
    return bytes;
  } finally {
    stream.destroy();
  }
}
