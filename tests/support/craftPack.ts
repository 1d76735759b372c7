import crypto from 'node:crypto';
import zlib from 'node:zlib';

/**
 * Packs written byte by byte, for tests of what the sync does with packs a
 * hostile or broken server sends (git itself never writes these): sizes
 * that lie, delta bombs, deltas with bad bases, truncated and mutated packs.
 */
export type CraftEntry =
  | { type: 'commit' | 'tree' | 'blob' | 'tag'; content: Buffer; declaredSize?: number }
  /** An offset delta whose base is entry number `base` of this pack. */
  | { ofsDelta: number; delta: Buffer; declaredSize?: number }
  /** A ref delta naming its base by id. */
  | { refDelta: string; delta: Buffer; declaredSize?: number };

const TYPE_NUMBERS = { commit: 1, tree: 2, blob: 3, tag: 4 } as const;

/** git's varint (deltas' sizes): 7 bits at a time, low first. */
export function varint(n: number): Buffer {
  const out: number[] = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Buffer.from(out);
}

function entryHeader(type: number, size: number): Buffer {
  const bytes: number[] = [];
  let byte = (type << 4) | (size % 16);
  let rest = Math.floor(size / 16);
  while (rest > 0) {
    bytes.push(byte | 0x80);
    byte = rest % 128;
    rest = Math.floor(rest / 128);
  }
  bytes.push(byte);
  return Buffer.from(bytes);
}

/** An offset delta's distance back to its base, as pack entries write it. */
function ofsBytes(back: number): Buffer {
  const bytes = [back & 0x7f];
  back = Math.floor(back / 128);
  while (back > 0) {
    back -= 1;
    bytes.unshift(0x80 | (back & 0x7f));
    back = Math.floor(back / 128);
  }
  return Buffer.from(bytes);
}

export function objectId(type: string, content: Buffer): string {
  return crypto.createHash('sha1').update(`${type} ${content.length}\0`).update(content).digest('hex');
}

/** A version 2 pack of the entries, with a correct checksum (unless `count` says another number of objects). */
export function craftPack(entries: readonly CraftEntry[], options: { count?: number } = {}): Buffer {
  return craftPackAt(entries, options).pack;
}

/** craftPack, with the offset of each entry (to write an index a hostile writer might). */
export function craftPackAt(entries: readonly CraftEntry[], options: { count?: number } = {}): { pack: Buffer; offsets: number[] } {
  const header = Buffer.alloc(12);
  header.write('PACK', 0, 'latin1');
  header.writeUInt32BE(2, 4);
  header.writeUInt32BE(options.count ?? entries.length, 8);
  const parts: Buffer[] = [header];
  const offsets: number[] = [];
  let offset = 12;
  for (const e of entries) {
    offsets.push(offset);
    let head: Buffer;
    let data: Buffer;
    if ('type' in e) {
      data = e.content;
      head = entryHeader(TYPE_NUMBERS[e.type], e.declaredSize ?? data.length);
    } else if ('ofsDelta' in e) {
      data = e.delta;
      head = Buffer.concat([entryHeader(6, e.declaredSize ?? data.length), ofsBytes(offset - offsets[e.ofsDelta]!)]);
    } else {
      data = e.delta;
      head = Buffer.concat([entryHeader(7, e.declaredSize ?? data.length), Buffer.from(e.refDelta, 'hex')]);
    }
    const body = zlib.deflateSync(data, { level: 1 });
    parts.push(head, body);
    offset += head.length + body.length;
  }
  return { pack: withChecksum(Buffer.concat(parts)), offsets };
}

/** The pack body with a fresh SHA-1 trailer (so a mutation reaches the parsers behind the checksum). */
export function withChecksum(body: Buffer): Buffer {
  return Buffer.concat([body, crypto.createHash('sha1').update(body).digest()]);
}

/** A delta turning `base` into `result`: copies the common prefix, inserts the rest. */
export function deltaOf(base: Buffer, result: Buffer): Buffer {
  let same = 0;
  while (same < base.length && same < result.length && same < 0xffffff && base[same] === result[same]) same++;
  const parts: Buffer[] = [varint(base.length), varint(result.length)];
  if (same > 0) {
    // Copy from offset 0: no offset bytes, three size bytes.
    parts.push(Buffer.from([0x80 | 0x10 | 0x20 | 0x40, same & 0xff, (same >> 8) & 0xff, (same >> 16) & 0xff]));
  }
  for (let at = same; at < result.length; at += 127) {
    const piece = result.subarray(at, Math.min(at + 127, result.length));
    parts.push(Buffer.from([piece.length]), piece);
  }
  return Buffer.concat(parts);
}

/**
 * A delta bomb: `resultSize` bytes made of 64 KiB copies of a base of
 * `baseSize` bytes (one instruction byte per 64 KiB: a 1 GiB result is a
 * 16 KB delta that deflates to a few dozen bytes).
 */
export function bombDelta(baseSize: number, resultSize: number): Buffer {
  const copies = Math.floor(resultSize / 0x10000);
  return Buffer.concat([varint(baseSize), varint(resultSize), Buffer.alloc(copies, 0x80)]);
}
