// Renders resources/icon.svg into every icon file electron-builder needs:
//   resources/icons/<N>x<N>.png   Linux (AppImage, deb): 16 … 1024
//   resources/icon.png            1024 px, the generic fallback and the window icon
//   resources/icon.icns           macOS (dmg): PNG-encoded entries 16 … 1024
//   resources/icon.ico            Windows (NSIS): PNG-encoded entries 16 … 256
//   node scripts/icons.mjs [--check]
// --check renders nothing and exits 1 when a file is missing or older than the SVG.
// @resvg/resvg-js ships its renderer inside npm packages: nothing is downloaded.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RESOURCES = path.join(ROOT, 'resources');
export const SOURCE = path.join(RESOURCES, 'icon.svg');
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS entry types holding PNG data, with their pixel size (Apple's "icns" format). */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
];

/** Every file this script writes, relative to the project root. */
export function outputs() {
  return [
    ...LINUX_SIZES.map((n) => `resources/icons/${n}x${n}.png`),
    'resources/icon.png',
    'resources/icon.icns',
    'resources/icon.ico',
  ];
}

/** A Windows .ico whose entries are PNG images (Vista and later read those). */
export function buildIco(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(pngs.length, 4);
  const dir = Buffer.alloc(16 * pngs.length);
  let offset = 6 + dir.length;
  pngs.forEach(({ size, data }, i) => {
    const at = i * 16;
    dir.writeUInt8(size >= 256 ? 0 : size, at); // 0 means 256
    dir.writeUInt8(size >= 256 ? 0 : size, at + 1);
    dir.writeUInt8(0, at + 2); // no palette
    dir.writeUInt8(0, at + 3);
    dir.writeUInt16LE(1, at + 4); // colour planes
    dir.writeUInt16LE(32, at + 6); // bits per pixel
    dir.writeUInt32LE(data.length, at + 8);
    dir.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([header, dir, ...pngs.map((p) => p.data)]);
}

/** A macOS .icns made of PNG entries: 'icns', total length, then type + length + data per entry. */
export function buildIcns(entries) {
  const parts = entries.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

async function render(svg, size) {
  const { Resvg } = await import('@resvg/resvg-js');
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng());
}

function isStale() {
  const since = fs.statSync(SOURCE).mtimeMs;
  return outputs().filter((rel) => {
    const file = path.join(ROOT, rel);
    return !fs.existsSync(file) || fs.statSync(file).mtimeMs < since;
  });
}

async function main() {
  if (process.argv.includes('--check')) {
    const stale = isStale();
    if (stale.length) {
      console.error(`Icons out of date (run node scripts/icons.mjs): ${stale.join(', ')}`);
      process.exit(1);
    }
    console.log('icons up to date');
    return;
  }
  const svg = fs.readFileSync(SOURCE);
  const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, n]) => n)])];
  const png = new Map();
  for (const n of sizes) png.set(n, await render(svg, n));
  fs.mkdirSync(path.join(RESOURCES, 'icons'), { recursive: true });
  for (const n of LINUX_SIZES) fs.writeFileSync(path.join(RESOURCES, 'icons', `${n}x${n}.png`), png.get(n));
  fs.writeFileSync(path.join(RESOURCES, 'icon.png'), png.get(1024));
  fs.writeFileSync(path.join(RESOURCES, 'icon.ico'), buildIco(ICO_SIZES.map((size) => ({ size, data: png.get(size) }))));
  fs.writeFileSync(path.join(RESOURCES, 'icon.icns'), buildIcns(ICNS_TYPES.map(([type, size]) => ({ type, data: png.get(size) }))));
  console.log(`wrote ${outputs().length} icon files from resources/icon.svg`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
