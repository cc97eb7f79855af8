#!/usr/bin/env node
// Draws the KPI Tracker icons (assets/icon-<size>.png) without any image
// library: shapes are described in a unit square, each pixel is supersampled
// for smooth edges, and the PNG is written with node's zlib.
//
//   node scripts/make-icons.mjs            writes every size
//   node scripts/make-icons.mjs --check    exits 1 if a committed icon differs

import { deflateSync } from 'node:zlib';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZES = [16, 32, 64, 80, 128];
const ASSETS = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');

const TEAL = [0x0b, 0x5e, 0x63]; // dark teal background
const WHITE = [0xff, 0xff, 0xff];

// ---- geometry (unit square, y grows downwards) ------------------------------

function insideRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distanceToSegment(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** The motif: three rising bars, and (where there is room for it) a tick. */
function shapesFor(size) {
  const bars =
    size <= 16
      ? [
          [0.2, 0.56, 0.36, 0.8],
          [0.42, 0.4, 0.58, 0.8],
          [0.64, 0.22, 0.8, 0.8],
        ]
      : [
          [0.22, 0.6, 0.35, 0.8],
          [0.435, 0.48, 0.565, 0.8],
          [0.65, 0.3, 0.78, 0.8],
        ];
  const tick =
    size <= 16
      ? null
      : {
          points: [
            [0.2, 0.36],
            [0.29, 0.45],
            [0.47, 0.22],
          ],
          width: 0.07,
        };
  return { bars, tick };
}

function colourAt(x, y, shapes) {
  if (!insideRoundedRect(x, y, 0.03, 0.03, 0.97, 0.97, 0.2)) return null;
  for (const [x0, y0, x1, y1] of shapes.bars) {
    if (insideRoundedRect(x, y, x0, y0, x1, y1, 0.025)) return WHITE;
  }
  if (shapes.tick) {
    const [a, b, c] = shapes.tick.points;
    const half = shapes.tick.width / 2;
    if (distanceToSegment(x, y, a[0], a[1], b[0], b[1]) <= half || distanceToSegment(x, y, b[0], b[1], c[0], c[1]) <= half) {
      return WHITE;
    }
  }
  return TEAL;
}

function render(size) {
  const samples = 8; // 8 x 8 samples per pixel
  const shapes = shapesFor(size);
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, shapes);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const i = (py * size + px) * 4;
      if (covered > 0) {
        rgba[i] = Math.round(r / covered);
        rgba[i + 1] = Math.round(g / covered);
        rgba[i + 2] = Math.round(b / covered);
        rgba[i + 3] = Math.round((255 * covered) / (samples * samples));
      }
    }
  }
  return rgba;
}

// ---- PNG encoding -----------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- main -------------------------------------------------------------------

const check = process.argv.includes('--check');
let stale = 0;
mkdirSync(ASSETS, { recursive: true });
for (const size of SIZES) {
  const file = join(ASSETS, `icon-${size}.png`);
  const png = encodePng(size, size, render(size));
  if (check) {
    let current = null;
    try {
      current = readFileSync(file);
    } catch {
      // missing counts as stale
    }
    if (!current || !current.equals(png)) {
      console.error(`${file} is out of date; run node scripts/make-icons.mjs`);
      stale++;
    }
  } else {
    writeFileSync(file, png);
    console.log(`wrote ${file} (${png.length} bytes)`);
  }
}
if (stale > 0) process.exit(1);
