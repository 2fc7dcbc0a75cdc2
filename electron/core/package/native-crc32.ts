import { createRequire } from 'node:module';
import { crc32 } from 'node:zlib';

/**
 * yazl computes every entry's CRC-32 with `buffer-crc32`, a table-driven JavaScript loop: on 2 GB of photos it took
 * 6 of the 11 seconds an export spent writing. Node's own `zlib.crc32` (native, Node ≥ 20.15; Electron 45 has Node
 * 22) gives the same numbers many times faster, so the `unsigned` function of the very module yazl loads (resolved
 * from yazl's folder, as its own `require` does) is pointed at it. Same inputs, same outputs: the round-trip tests
 * check the CRCs with Python's zipfile and `unzip -t`.
 */
export function useNativeCrc32(): void {
  const fromYazl = createRequire(createRequire(import.meta.url).resolve('yazl'));
  const bufferCrc32 = fromYazl('buffer-crc32') as { unsigned(buf: Buffer | string, previous?: number): number };
  bufferCrc32.unsigned = (buf, previous) => crc32(buf, previous ?? 0);
}
