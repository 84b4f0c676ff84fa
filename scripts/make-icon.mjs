// Draws CareDesk's app icon (resources/icon.png, 512×512): a white cross on a teal rounded square.
// No downloads and no image libraries: a few shapes, 4×4 supersampled, written as a PNG with node:zlib.
// electron-builder turns this PNG into the Windows .ico and the Linux icon set.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 512;
const SAMPLES = 4;
const TEAL = [0, 121, 107];
const WHITE = [255, 255, 255];

const inRoundedSquare = (x, y, margin, radius) => {
  const lo = margin + radius;
  const hi = SIZE - margin - radius;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return (
    x >= margin &&
    x <= SIZE - margin &&
    y >= margin &&
    y <= SIZE - margin &&
    dx * dx + dy * dy <= radius * radius
  );
};
const inCross = (x, y) => {
  const c = SIZE / 2;
  const arm = 0.3 * SIZE; // half length
  const half = 0.1 * SIZE; // half thickness
  return (
    (Math.abs(x - c) <= half && Math.abs(y - c) <= arm) || (Math.abs(y - c) <= half && Math.abs(x - c) <= arm)
  );
};

export function drawIcon() {
  const rows = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
    for (let x = 0; x < SIZE; x++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const px = x + (sx + 0.5) / SAMPLES;
          const py = y + (sy + 0.5) / SAMPLES;
          if (inRoundedSquare(px, py, 16, 96)) {
            bg++;
            if (inCross(px, py)) fg++;
          }
        }
      }
      const n = SAMPLES * SAMPLES;
      const alpha = bg / n;
      const mix = bg === 0 ? 0 : fg / bg;
      const color = TEAL.map((t, i) => Math.round(t + (WHITE[i] - t) * mix));
      row.set([...color, Math.round(alpha * 255)], 1 + x * 4);
    }
    rows.push(row);
  }
  return png(SIZE, SIZE, Buffer.concat(rows));
}

function png(width, height, raw) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'icon.png');
  writeFileSync(out, drawIcon());
  console.log(`wrote ${out}`);
}
