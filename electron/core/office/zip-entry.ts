import yauzl from 'yauzl';

/**
 * Reads one entry of a zip (an OOXML part such as `docProps/core.xml`) as text, at most `maxBytes`; null when the
 * entry is absent, too large or the zip unreadable. yauzl reads the central directory first and never extracts.
 */
export function readZipEntry(path: string, name: string, maxBytes = 1 << 20): Promise<string | null> {
  return new Promise((resolve) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (err, zip) => {
      if (err || !zip) return resolve(null);
      const done = (v: string | null): void => {
        zip.close();
        resolve(v);
      };
      zip.on('error', () => done(null));
      zip.on('end', () => done(null));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        if (entry.uncompressedSize > maxBytes) return done(null);
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return done(null);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
          stream.on('error', () => done(null));
        });
      });
      zip.readEntry();
    });
  });
}
