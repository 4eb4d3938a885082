// Writes the 128x128 extension icon (PNG, RGBA) without any image library: a Django-green rounded
// square with a shield and a check mark, drawn by 4x4 supersampling of simple shapes.
// usage: node scripts/make-icon.mjs images/icon.png
import fs from 'fs';
import path from 'path';
import zlib from 'zlib';

const SIZE = 128;
const SS = 4;
const out = process.argv[2] ?? 'images/icon.png';

const BG = [12, 75, 51];        // Django dark green #0C4B33
const SHIELD = [68, 183, 139];  // #44B78B
const CHECK = [255, 255, 255];

function insideRoundedSquare(x, y) {
  const r = 22, m = 2;
  const cx = Math.min(Math.max(x, m + r), SIZE - m - r);
  const cy = Math.min(Math.max(y, m + r), SIZE - m - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function insideShield(x, y) {
  // Flat top with rounded shoulders, straight sides, then a curved point at the bottom.
  const left = 30, right = 98, top = 20, waist = 64, bottom = 112, cx = 64;
  if (y < top || y > bottom) return false;
  if (y <= waist) {
    const dip = 6 * Math.sin(((x - left) / (right - left)) * Math.PI); // top edge dips slightly in the middle
    return x >= left && x <= right && y >= top + dip * 0.5;
  }
  const t = (y - waist) / (bottom - waist);            // 0 at the waist, 1 at the point
  const half = ((right - left) / 2) * Math.cos(t * Math.PI / 2);
  return Math.abs(x - cx) <= half;
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideCheck(x, y) {
  const w = 6.5;
  return distToSegment(x, y, 46, 64, 58, 78) <= w || distToSegment(x, y, 58, 78, 84, 46) <= w;
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const px = x + (sx + 0.5) / SS, py = y + (sy + 0.5) / SS;
        if (!insideRoundedSquare(px, py)) continue;
        const c = insideCheck(px, py) && insideShield(px, py) ? CHECK : insideShield(px, py) ? SHIELD : BG;
        r += c[0]; g += c[1]; b += c[2]; a += 255;
      }
    }
    const n = SS * SS, covered = a / 255;
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    raw[o] = covered ? Math.round(r / covered) : 0;
    raw[o + 1] = covered ? Math.round(g / covered) : 0;
    raw[o + 2] = covered ? Math.round(b / covered) : 0;
    raw[o + 3] = Math.round(a / n);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0); ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0; // 8-bit RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes, ${SIZE}x${SIZE})`);
