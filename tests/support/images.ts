import fs from 'node:fs';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(data: Buffer): { width: number; height: number } {
  if (data.length < 24 || !data.subarray(0, 8).equals(PNG_SIGNATURE) || data.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG (signature or IHDR missing)');
  }
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** pngSize of a file. */
export function pngFileSize(file: string): { width: number; height: number } {
  return pngSize(fs.readFileSync(file));
}

/** The entries of a Windows .ico: the size its directory claims and the size of the PNG it holds. */
export function icoEntries(data: Buffer): { declared: number; png: { width: number; height: number } }[] {
  if (data.readUInt16LE(0) !== 0 || data.readUInt16LE(2) !== 1) throw new Error('not an .ico');
  const count = data.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const at = 6 + i * 16;
    const declared = data.readUInt8(at) || 256;
    const length = data.readUInt32LE(at + 8);
    const offset = data.readUInt32LE(at + 12);
    return { declared, png: pngSize(data.subarray(offset, offset + length)) };
  });
}

/** The entries of a macOS .icns: four-letter type and the size of the PNG it holds. */
export function icnsEntries(data: Buffer): { type: string; png: { width: number; height: number } }[] {
  if (data.toString('ascii', 0, 4) !== 'icns' || data.readUInt32BE(4) !== data.length) throw new Error('not an .icns (or a truncated one)');
  const out: { type: string; png: { width: number; height: number } }[] = [];
  for (let at = 8; at < data.length; ) {
    const type = data.toString('ascii', at, at + 4);
    const length = data.readUInt32BE(at + 4);
    out.push({ type, png: pngSize(data.subarray(at + 8, at + length)) });
    at += length;
  }
  return out;
}
