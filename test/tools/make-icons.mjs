// `node test/tools/make-icons.mjs`: renders the app icon's SVG sources (resources/icons/icon.svg, and icon-small.svg
// for 16–24 px, where the full drawing's text lines would only blur) into what electron-builder takes:
//   resources/icons/png/<N>x<N>.png  the Linux set (deb: /usr/share/icons/hicolor/<N>x<N>/apps/; AppImage)
//   resources/icons/icon.ico          Windows: the exe, the shortcuts, the installer and the uninstaller
// The generated files are committed; run this again after changing an SVG. sharp (librsvg) renders each size from
// the vector directly rather than scaling one bitmap down, so small sizes stay sharp.
//
// The .ico is written here rather than by a package: the container is a 6-byte header, a 16-byte entry per image
// and the images (https://learn.microsoft.com/en-us/previous-versions/ms997538(v=msdn.10)). 256 px is stored as
// PNG (Vista and later); the smaller ones as 32-bit BGRA DIBs with their AND mask, the classic form every
// consumer reads (NSIS's icon code, resource editors).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';

const ICONS = resolve(import.meta.dirname, '..', '..', 'resources', 'icons');
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
export const ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 256];
const SMALL_UP_TO = 24;

const sources = {
  full: readFileSync(join(ICONS, 'icon.svg')),
  small: readFileSync(join(ICONS, 'icon-small.svg')),
};

/** The icon at `size` px as RGBA PNG bytes (the SVGs are drawn on a 256 × 256 canvas). */
async function render(size) {
  const svg = size <= SMALL_UP_TO ? sources.small : sources.full;
  return sharp(svg, { density: (72 * size) / 256 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** A 32-bit DIB as an .ico stores it: BITMAPINFOHEADER (height doubled for the mask), BGRA rows bottom-up, AND mask. */
async function dib(png, size) {
  const rgba = await sharp(png).ensureAlpha().raw().toBuffer();
  const maskStride = Math.ceil(size / 32) * 4;
  const out = Buffer.alloc(40 + size * size * 4 + maskStride * size);
  out.writeUInt32LE(40, 0);
  out.writeInt32LE(size, 4);
  out.writeInt32LE(size * 2, 8);
  out.writeUInt16LE(1, 12); // planes
  out.writeUInt16LE(32, 14); // bits per pixel; compression 0 (BI_RGB) and the rest stay 0
  out.writeUInt32LE(size * size * 4 + maskStride * size, 20);
  const mask = 40 + size * size * 4;
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y; // bottom-up
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const o = 40 + (row * size + x) * 4;
      out[o] = rgba[i + 2];
      out[o + 1] = rgba[i + 1];
      out[o + 2] = rgba[i];
      out[o + 3] = rgba[i + 3];
      if (rgba[i + 3] === 0) out[mask + row * maskStride + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return out;
}

/** An .ico holding one image per size: PNG for 256 px, DIB below. */
async function ico(sizes) {
  const images = [];
  for (const size of sizes) {
    const png = await render(size);
    images.push({ size, data: size >= 256 ? png : await dib(png, size) });
  }
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, n) => {
    const e = 6 + 16 * n;
    header[e] = size >= 256 ? 0 : size; // 0 means 256
    header[e + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, e + 4); // planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(data.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}

mkdirSync(join(ICONS, 'png'), { recursive: true });
for (const size of LINUX_SIZES) writeFileSync(join(ICONS, 'png', `${size}x${size}.png`), await render(size));
writeFileSync(join(ICONS, 'icon.ico'), await ico(ICO_SIZES));
console.log(`resources/icons: png/ (${LINUX_SIZES.join(', ')} px) and icon.ico (${ICO_SIZES.join(', ')} px)`);
