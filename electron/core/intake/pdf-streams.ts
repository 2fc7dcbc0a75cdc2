import { constants, inflateSync } from 'node:zlib';

/**
 * Whether a PDF's Flate streams other than images — page contents, fonts, forms: what pdf.js decodes to read the
 * text — inflate to more than `cap` bytes in all. A 1 MB PDF whose page content inflates to a gigabyte of blanks
 * (a PDF "zip bomb") held pdf.js for 13 s and 2.5 GB per page, and pdf.js can neither limit nor interrupt a page's
 * decoding; a real document's content streams come to a few megabytes. Read from the raw bytes: streams are never
 * inside object streams, so every one follows a `stream` keyword. Encrypted or damaged data counts for nothing.
 */
export function streamsInflateBeyond(bytes: Buffer, cap: number): boolean {
  let total = 0;
  for (let at = bytes.indexOf('stream'); at >= 0; at = bytes.indexOf('stream', at + 6)) {
    if (bytes.subarray(Math.max(0, at - 3), at).toString('latin1') === 'end') continue; // `endstream`
    const dict = bytes.subarray(Math.max(0, at - 2048), at).toString('latin1');
    const own = dict.slice(dict.lastIndexOf(' obj') + 1); // this object's dictionary, not the one before it
    if (!/\/FlateDecode\b/u.test(own) || /\/Subtype\s*\/Image\b/u.test(own)) continue;
    let start = at + 6;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] === 0x0a) start++;
    const end = bytes.indexOf('endstream', start);
    const data = bytes.subarray(start, end < 0 ? bytes.length : end);
    try {
      total += inflateSync(data, { maxOutputLength: cap - total + 1, finishFlush: constants.Z_SYNC_FLUSH }).length;
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return true;
    }
    if (total > cap) return true;
  }
  return false;
}
