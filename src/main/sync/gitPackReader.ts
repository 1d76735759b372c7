import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { TreeItem } from './gitObjects';

/**
 * Reads a loose object with Node's own zlib (isomorphic-git inflates in
 * JavaScript, several times slower). Null when the object is not loose (it
 * may be in a pack: the caller asks a PackReader, then isomorphic-git).
 */
export function readLooseObject(gitdir: string, oid: string): { type: string; content: Buffer } | null {
  let raw: Buffer;
  try {
    raw = fs.readFileSync(path.join(gitdir, 'objects', oid.slice(0, 2), oid.slice(2)));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const data = zlib.inflateSync(raw);
  const nul = data.indexOf(0);
  const [type, size] = data.subarray(0, nul).toString('latin1').split(' ');
  const content = data.subarray(nul + 1);
  if (!type || Number(size) !== content.length) throw new Error(`corrupt loose object ${oid}`);
  return { type, content };
}

/** A tree object's entries as isomorphic-git's readTree gives them (folders as mode '040000'). */
export function parseTree(content: Buffer): TreeItem[] {
  const out: TreeItem[] = [];
  let at = 0;
  while (at < content.length) {
    const space = content.indexOf(0x20, at);
    const nul = content.indexOf(0, space);
    const mode = content.subarray(at, space).toString('latin1').padStart(6, '0');
    const name = content.subarray(space + 1, nul).toString('utf8');
    const oid = content.subarray(nul + 1, nul + 21).toString('hex');
    out.push({ mode, path: name, oid, type: mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob' });
    at = nul + 21;
  }
  return out;
}

/** Applies a git delta (copy and insert instructions) to its base. */
export function applyDelta(base: Buffer, delta: Buffer): Buffer {
  let at = 0;
  const varint = (): number => {
    let n = 0;
    let shift = 0;
    let b: number;
    do {
      b = delta[at++]!;
      n += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return n;
  };
  if (varint() !== base.length) throw new Error('delta base size mismatch');
  const out = Buffer.allocUnsafe(varint());
  let o = 0;
  while (at < delta.length) {
    const cmd = delta[at++]!;
    if (cmd & 0x80) {
      let offset = 0;
      let size = 0;
      for (let i = 0; i < 4; i++) if (cmd & (1 << i)) offset += delta[at++]! * 2 ** (8 * i);
      for (let i = 0; i < 3; i++) if (cmd & (0x10 << i)) size += delta[at++]! * 2 ** (8 * i);
      if (size === 0) size = 0x10000;
      o += base.copy(out, o, offset, offset + size);
    } else if (cmd) {
      o += delta.copy(out, o, at, at + cmd);
      at += cmd;
    } else throw new Error('invalid delta instruction');
  }
  if (o !== out.length) throw new Error('delta result size mismatch');
  return out;
}

/** Pack object types (gitformat-pack): the four object kinds; 6 and 7 are deltas. */
export const PACK_TYPES: Record<number, string> = { 1: 'commit', 2: 'tree', 3: 'blob', 4: 'tag' };
const OFS_DELTA = 6;
const REF_DELTA = 7;

/** The header of a pack entry at `at`: its type, inflated size, delta base (an offset or an id) and where its data starts. */
export interface PackEntryHeader {
  type: number;
  size: number;
  /** An offset delta's base offset, a ref delta's base id, or null. */
  base: number | string | null;
  dataStart: number;
}

/** Reads a pack entry's header from `buf`, whose byte 0 is at pack offset `offset`; throws on an unknown type. */
export function readPackEntryHeader(buf: Buffer, at: number, offset: number): PackEntryHeader {
  let b = buf[at++]!;
  const type = (b >> 4) & 7;
  let size = b & 0x0f;
  let shift = 4;
  while (b & 0x80) {
    b = buf[at++]!;
    size += (b & 0x7f) * 2 ** shift;
    shift += 7;
  }
  let base: PackEntryHeader['base'] = null;
  if (type === OFS_DELTA) {
    b = buf[at++]!;
    let back = b & 0x7f;
    while (b & 0x80) {
      b = buf[at++]!;
      back = (back + 1) * 128 + (b & 0x7f);
    }
    base = offset - back;
  } else if (type === REF_DELTA) {
    base = buf.toString('hex', at, at + 20);
    at += 20;
  } else if (!PACK_TYPES[type]) throw new Error(`unknown pack object type ${type}`);
  return { type, size, base, dataStart: at };
}

interface PackIndex {
  pack: string;
  count: number;
  fanout: Uint32Array;
  /** The sorted object ids, 20 bytes each. */
  ids: Buffer;
  offsets: Buffer;
  largeOffsets: Buffer;
}

/** Reads a version 2 pack index; null for anything else (the caller falls back to isomorphic-git). */
function readIndex(file: string): PackIndex | null {
  const data = fs.readFileSync(file);
  if (data.length < 8 + 1024 || data.readUInt32BE(0) !== 0xff744f63 || data.readUInt32BE(4) !== 2) return null;
  const fanout = new Uint32Array(256);
  for (let i = 0; i < 256; i++) fanout[i] = data.readUInt32BE(8 + i * 4);
  const count = fanout[255]!;
  const idsAt = 8 + 1024;
  const offsetsAt = idsAt + count * 20 + count * 4;
  return {
    pack: file.replace(/\.idx$/, '.pack'),
    count,
    fanout,
    ids: data.subarray(idsAt, idsAt + count * 20),
    offsets: data.subarray(offsetsAt, offsetsAt + count * 4),
    largeOffsets: data.subarray(offsetsAt + count * 4, data.length - 40),
  };
}

function offsetIn(idx: PackIndex, oid: Buffer): number | null {
  const first = oid[0]!;
  let lo = first === 0 ? 0 : idx.fanout[first - 1]!;
  let hi = idx.fanout[first]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = idx.ids.compare(oid, 0, 20, mid * 20, mid * 20 + 20);
    if (c === 0) {
      const small = idx.offsets.readUInt32BE(mid * 4);
      return small & 0x80000000 ? Number(idx.largeOffsets.readBigUInt64BE((small & 0x7fffffff) * 8)) : small;
    }
    if (c > 0) hi = mid;
    else lo = mid + 1;
  }
  return null;
}

/**
 * Reads objects from the repository's packs with Node's zlib, reading only
 * the bytes of the object asked for (isomorphic-git loads the whole pack
 * into memory and inflates in JavaScript: 2 ms per document file of a
 * fetched pack, docs/performance.md). Handles both kinds of delta. One
 * reader per sync: it remembers the indexes it read.
 */
export class PackReader {
  private indexes: PackIndex[] | null = null;

  constructor(private readonly gitdir: string) {}

  private list(): PackIndex[] {
    if (!this.indexes) {
      const dir = path.join(this.gitdir, 'objects', 'pack');
      const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.idx')) : [];
      this.indexes = files.map((f) => readIndex(path.join(dir, f))).filter((i): i is PackIndex => i !== null);
    }
    return this.indexes;
  }

  /** The object, or null when no pack holds it (or a pack this reader does not understand does). */
  read(oid: string): { type: string; content: Buffer } | null {
    const id = Buffer.from(oid, 'hex');
    for (const idx of this.list()) {
      const offset = offsetIn(idx, id);
      if (offset === null) continue;
      const fd = fs.openSync(idx.pack, 'r');
      try {
        return this.readAt(fd, idx, offset, 0);
      } finally {
        fs.closeSync(fd);
      }
    }
    return null;
  }

  private readAt(fd: number, idx: PackIndex, offset: number, depth: number): { type: string; content: Buffer } {
    if (depth > 64) throw new Error('delta chain too long');
    const head = Buffer.alloc(32);
    const got = fs.readSync(fd, head, 0, head.length, offset);
    const h = readPackEntryHeader(head, 0, offset);
    if (h.dataStart > got) throw new Error('truncated pack entry');
    let base: { type: string; content: Buffer } | null = null;
    if (typeof h.base === 'number') base = this.readAt(fd, idx, h.base, depth + 1);
    else if (typeof h.base === 'string') {
      base = this.read(h.base);
      if (!base) throw new Error(`delta base ${h.base} not found`);
    }
    const data = this.inflateAt(fd, offset + h.dataStart, h.size);
    return base ? { type: base.type, content: applyDelta(base.content, data) } : { type: PACK_TYPES[h.type]!, content: data };
  }

  /** Inflates the zlib stream at `position`, reading a little more than it can take (zlib ignores what follows). */
  private inflateAt(fd: number, position: number, size: number): Buffer {
    for (let want = size + 1024; ; want *= 2) {
      const buf = Buffer.allocUnsafe(want);
      const n = fs.readSync(fd, buf, 0, want, position);
      try {
        const out = zlib.inflateSync(buf.subarray(0, n));
        if (out.length !== size) throw new Error('pack entry size mismatch');
        return out;
      } catch (e) {
        if (n < want) throw e;
      }
    }
  }
}
