#!/usr/bin/env node
/**
 * `node scripts/make-icons.ts`: writes the site's icons and default OGP image into public/ from one drawing
 * (a white cross on the site's blue), with sharp. Run it after changing the drawing; the outputs are committed,
 * so a build needs nothing of this. The OGP image's title is set in Noto Sans CJK (apt fonts-noto-cjk).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const out = path.resolve(import.meta.dirname, '../public');
const BLUE = '#0b5cad';

/** The mark: a rounded square and a cross, on a 64-unit grid. */
const mark = (x: number, y: number, size: number) => {
  const u = size / 64;
  return `<rect x="${x}" y="${y}" width="${size}" height="${size}" rx="${12 * u}" fill="${BLUE}"/>
  <path d="M${x + 26 * u} ${y + 12 * u}h${12 * u}v${14 * u}h${14 * u}v${12 * u}h${-14 * u}v${14 * u}h${-12 * u}v${-14 * u}h${-14 * u}v${-12 * u}h${14 * u}z" fill="#fff"/>`;
};
const svg = (w: number, h: number, body: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${body}</svg>`;

const icon = svg(64, 64, mark(0, 0, 64));
writeFileSync(path.join(out, 'favicon.svg'), `${icon}\n`);
const png = (size: number) => sharp(Buffer.from(icon)).resize(size, size).png().toBuffer();
for (const [file, size] of [
  ['apple-touch-icon.png', 180],
  ['icon-192.png', 192],
  ['icon-512.png', 512],
] as const)
  writeFileSync(path.join(out, file), await png(size));

// favicon.ico: one 32×32 PNG in an ICO container (ICONDIR + one ICONDIRENTRY), which every browser reads.
const ico32 = await png(32);
const head = Buffer.alloc(22);
head.writeUInt16LE(0, 0); // reserved
head.writeUInt16LE(1, 2); // type: icon
head.writeUInt16LE(1, 4); // one image
head.writeUInt8(32, 6); // width
head.writeUInt8(32, 7); // height
head.writeUInt16LE(1, 10); // colour planes
head.writeUInt16LE(32, 12); // bits per pixel
head.writeUInt32LE(ico32.length, 14); // image size
head.writeUInt32LE(22, 18); // image offset
writeFileSync(path.join(out, 'favicon.ico'), Buffer.concat([head, ico32]));

const og = svg(
  1200,
  630,
  `<rect width="1200" height="630" fill="#eef4fb"/>${mark(96, 215, 200)}
  <text x="350" y="300" font-family="Noto Sans CJK JP" font-size="64" font-weight="700" fill="#1b1b1b">中野区診療所データベース</text>
  <text x="352" y="380" font-family="Noto Sans CJK JP" font-size="36" fill="#555">診療科・地域・駅から探す 中野区の病院・診療所</text>
  <text x="352" y="440" font-family="Noto Sans CJK JP" font-size="30" fill="#555">Nakano Clinic Database</text>`,
);
writeFileSync(path.join(out, 'og.png'), await sharp(Buffer.from(og)).png().toBuffer());
console.log(`public/: favicon.svg, favicon.ico, apple-touch-icon.png, icon-192.png, icon-512.png, og.png`);
