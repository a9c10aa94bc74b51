// Draws RoleHop's toolbar icons (an orange tile with a white "hop" arc landing on an arrowhead) and writes
// them as PNGs into extension/icons/. The PNGs are committed; rerun this only to change the design:
//   node extension/build/icons.js
// Pure Node (zlib), no image library: each pixel is 4x4 supersampled from simple shapes.

import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const ORANGE = [255, 106, 0];
const DEEP_ORANGE = [232, 72, 0];
const WHITE = [255, 255, 255];

/**
 * Colour and coverage of the design at a point in the unit square (0..1, y down).
 * @param {number} x
 * @param {number} y
 * @returns {[number, number, number, number]} RGBA, 0..255 (alpha 0 outside the tile)
 */
function shade(x, y) {
  if (!insideRoundedSquare(x, y, 0.2)) return [0, 0, 0, 0];
  if (onHop(x, y)) return [WHITE[0], WHITE[1], WHITE[2], 255];
  const t = y; // vertical gradient
  const rgb = ORANGE.map((c, i) => Math.round(c + (DEEP_ORANGE[i] - c) * t));
  return [rgb[0], rgb[1], rgb[2], 255];
}

/** @param {number} x @param {number} y @param {number} r corner radius */
function insideRoundedSquare(x, y, r) {
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  return dx * dx + dy * dy <= r * r;
}

/** The hop: an upper half-ring from a round take-off cap on the left to an arrowhead landing on the right. */
function onHop(/** @type {number} */ x, /** @type {number} */ y) {
  const cx = 0.5, cy = 0.6, radius = 0.26, half = 0.07;
  const ring = Math.abs(Math.hypot(x - cx, y - cy) - radius) <= half && y <= cy;
  const takeOff = Math.hypot(x - (cx - radius), y - cy) <= half;
  const right = cx + radius;
  const head = inTriangle(x, y, [right - 0.16, cy - 0.02], [right + 0.16, cy - 0.02], [right, cy + 0.2]);
  return ring || takeOff || head;
}

/**
 * @param {number} x @param {number} y
 * @param {[number, number]} a @param {[number, number]} b @param {[number, number]} c
 */
function inTriangle(x, y, a, b, c) {
  const side = (/** @type {[number, number]} */ p, /** @type {[number, number]} */ q) =>
    (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const s1 = side(a, b), s2 = side(b, c), s3 = side(c, a);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
}

/** @param {number} size @returns {Buffer} RGBA rows, each prefixed with PNG filter byte 0 */
function render(size) {
  const SAMPLES = 4;
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    const row = py * (size * 4 + 1);
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const [r, g, b, a] = shade((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          acc[0] += r * a; acc[1] += g * a; acc[2] += b * a; acc[3] += a;
        }
      }
      const alpha = acc[3] / (SAMPLES * SAMPLES);
      const o = row + 1 + px * 4;
      for (let i = 0; i < 3; i++) rows[o + i] = acc[3] ? Math.round(acc[i] / acc[3]) : 0;
      rows[o + 3] = Math.round(alpha);
    }
  }
  return rows;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** @param {Buffer} bytes */
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** @param {number} size */
function png(size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(render(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  const file = new URL(`../icons/icon-${size}.png`, import.meta.url);
  writeFileSync(file, png(size));
  console.log(`wrote ${file.pathname}`);
}
