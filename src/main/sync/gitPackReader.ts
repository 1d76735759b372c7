import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { checkLimit, GIT_LIMITS, GitFormatError } from './gitLimits';
import type { TreeItem } from './gitObjects';

/**
 * Inflates the zlib stream at the start of `data` (which may go on past its
 * end), which must give exactly `size` bytes: a larger `size` than the
 * object limit is refused before anything is inflated, and the inflate
 * stops as soon as the output passes `size` (git's index-pack likewise
 * refuses an object whose data does not match its declared size). Returns
 * the content and how many bytes of `data` the stream took.
 */
export function inflateExact(data: Buffer, size: number, what: string): { content: Buffer; consumed: number } {
  checkLimit('objectBytes', size, `the size ${what} declares`);
  let result: { buffer: Buffer; engine: { bytesWritten: number } };
  try {
    result = zlib.inflateSync(data, { info: true, maxOutputLength: Math.max(size, 1) }) as unknown as typeof result;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new GitFormatError('size-mismatch', `${what} declares ${size} bytes but inflates to more`);
    if (code === 'Z_BUF_ERROR') throw new GitFormatError('pack-truncated', `${what} is cut short (its compressed data ends early)`);
    throw new GitFormatError('pack-entry', `${what} has corrupt compressed data (${(e as Error).message})`);
  }
  const { buffer, engine } = result;
  if (buffer.length !== size) throw new GitFormatError('size-mismatch', `${what} declares ${size} bytes but inflates to ${buffer.length}`);
  if (engine.bytesWritten <= 0) throw new GitFormatError('pack-entry', `${what} has no compressed data`);
  return { content: buffer, consumed: engine.bytesWritten };
}

/** The object types a loose object header may name. */
const LOOSE_TYPES = new Set(['blob', 'tree', 'commit', 'tag']);

/**
 * Reads a loose object with Node's zlib (isomorphic-git inflates in
 * JavaScript, several times slower). Null when the object is not loose (it
 * may be in a pack: the caller asks a PackReader, then isomorphic-git).
 * Inflates at most the object limit plus its header.
 */
export function readLooseObject(gitdir: string, oid: string): { type: string; content: Buffer } | null {
  let raw: Buffer;
  try {
    raw = fs.readFileSync(path.join(gitdir, 'objects', oid.slice(0, 2), oid.slice(2)));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  return parseLooseObject(raw, oid);
}

/** A loose object's bytes (zlib of "type size\0content") as its type and content; throws GitFormatError when they are not that. */
export function parseLooseObject(raw: Buffer, oid: string): { type: string; content: Buffer } {
  const what = `loose object ${oid}`;
  let data: Buffer;
  try {
    data = zlib.inflateSync(raw, { maxOutputLength: GIT_LIMITS.objectBytes + 32 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new GitFormatError('limit', `${what} inflates to more than the limit of ${GIT_LIMITS.objectBytes / 1024 / 1024} MiB`, 'objectBytes');
    throw new GitFormatError('loose-object', `${what} has corrupt compressed data (${(e as Error).message})`);
  }
  const nul = data.subarray(0, 32).indexOf(0);
  const m = nul < 0 ? null : /^([a-z]+) (0|[1-9][0-9]{0,15})$/.exec(data.toString('latin1', 0, nul));
  if (!m || !LOOSE_TYPES.has(m[1]!)) throw new GitFormatError('loose-object', `${what} has no valid "type size" header`);
  const content = data.subarray(nul + 1);
  if (Number(m[2]) !== content.length) throw new GitFormatError('size-mismatch', `${what} declares ${m[2]} bytes but holds ${content.length}`);
  checkLimit('objectBytes', content.length, `${what}'s size`);
  return { type: m[1]!, content };
}

/**
 * Walks a tree object's entries, "<mode> <name>\0<20-byte id>" each, and
 * calls `entry` with the positions of the pieces. Every piece is
 * bounds-checked (a mode of 1 to 7 octal digits, a non-empty name ended by
 * a NUL, all 20 bytes of the id) and each entry moves past at least 23
 * bytes, so a malformed tree ends in a GitFormatError naming the byte where
 * it breaks.
 */
function scanTree(content: Buffer, entry?: (at: number, space: number, nul: number) => void): void {
  let at = 0;
  while (at < content.length) {
    const space = content.indexOf(0x20, at);
    if (space < 0 || space === at || space - at > 7) throw new GitFormatError('tree', `the tree entry at byte ${at} has no mode followed by a space`);
    for (let i = at; i < space; i++) {
      const c = content[i]!;
      if (c < 0x30 || c > 0x37) throw new GitFormatError('tree', `the tree entry at byte ${at} has an invalid mode "${content.toString('latin1', at, space).replace(/[^\x20-\x7e]/g, '?')}"`);
    }
    const nul = content.indexOf(0, space + 1);
    if (nul < 0) throw new GitFormatError('tree', `the tree entry at byte ${at} has a name with no end (no NUL byte)`);
    if (nul === space + 1) throw new GitFormatError('tree', `the tree entry at byte ${at} has an empty name`);
    if (nul + 21 > content.length) throw new GitFormatError('tree', `the tree entry at byte ${at} has its 20-byte object id cut short`);
    entry?.(at, space, nul);
    at = nul + 21;
  }
}

/** Checks a tree object's format (scanTree) without making its entries: what the fetch does for every tree it takes in. */
export function checkTree(content: Buffer): void {
  scanTree(content);
}

/**
 * A tree object's entries as isomorphic-git's readTree gives them (folders
 * as mode '040000'); GitFormatError when it is malformed (scanTree). Names
 * are taken as they are (whether a name is safe to use as a path is the
 * caller's question).
 */
export function parseTree(content: Buffer): TreeItem[] {
  const out: TreeItem[] = [];
  scanTree(content, (at, space, nul) => {
    const mode = content.toString('latin1', at, space).padStart(6, '0');
    out.push({
      mode,
      path: content.toString('utf8', space + 1, nul),
      oid: content.toString('hex', nul + 1, nul + 21),
      type: mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob',
    });
  });
  return out;
}

/**
 * A commit object's tree and parents: its header must start with
 * "tree <id>", then any "parent <id>" lines (as git fsck requires). Only the
 * header (up to the first blank line) is looked at.
 */
export function parseCommit(content: Buffer): { tree: string; parents: string[] } {
  const blank = content.indexOf('\n\n');
  const header = content.toString('latin1', 0, blank < 0 ? content.length : blank);
  const lines = header.split('\n');
  const tree = /^tree ([0-9a-f]{40})$/.exec(lines[0] ?? '');
  if (!tree) throw new GitFormatError('commit', 'the commit does not start with a "tree <id>" line');
  const parents: string[] = [];
  for (let i = 1; i < lines.length && lines[i]!.startsWith('parent '); i++) {
    const p = /^parent ([0-9a-f]{40})$/.exec(lines[i]!);
    if (!p) throw new GitFormatError('commit', `the commit's parent line ${i} is not "parent <id>"`);
    parents.push(p[1]!);
  }
  return { tree: tree[1]!, parents };
}

/** A varint as deltas and ofs-delta offsets write it; at most 10 bytes (64 bits), inside `end`. */
function readVarint(buf: Buffer, at: number, end: number, what: string): { value: number; at: number } {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (at >= end) throw new GitFormatError('delta', `${what} is cut short`);
    if (shift > 63) throw new GitFormatError('delta', `${what} is longer than 10 bytes`);
    const b = buf[at++]!;
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return { value, at };
  }
}

/** The base and result sizes a delta declares (its first two varints), and where its instructions start. */
export function deltaSizes(delta: Buffer): { baseSize: number; resultSize: number; at: number } {
  const base = readVarint(delta, 0, delta.length, "the delta's base size");
  const result = readVarint(delta, base.at, delta.length, "the delta's result size");
  return { baseSize: base.value, resultSize: result.value, at: result.at };
}

/**
 * Applies a git delta (copy and insert instructions) to its base. The
 * declared base size must be the base's, the declared result size is
 * checked against the object limit before anything is allocated, every
 * copy must lie inside the base, every insert inside the delta, and the
 * result must be exactly the declared size.
 */
export function applyDelta(base: Buffer, delta: Buffer): Buffer {
  const { baseSize, resultSize, at: start } = deltaSizes(delta);
  if (baseSize !== base.length) throw new GitFormatError('delta', `the delta is for a base of ${baseSize} bytes, but its base has ${base.length}`);
  checkLimit('objectBytes', resultSize, "a delta's result size");
  const out = Buffer.allocUnsafe(resultSize);
  let o = 0;
  let at = start;
  while (at < delta.length) {
    const cmd = delta[at++]!;
    if (cmd & 0x80) {
      let offset = 0;
      let size = 0;
      for (let i = 0; i < 4; i++) {
        if (!(cmd & (1 << i))) continue;
        if (at >= delta.length) throw new GitFormatError('delta', 'a delta copy instruction is cut short');
        offset += delta[at++]! * 2 ** (8 * i);
      }
      for (let i = 0; i < 3; i++) {
        if (!(cmd & (0x10 << i))) continue;
        if (at >= delta.length) throw new GitFormatError('delta', 'a delta copy instruction is cut short');
        size += delta[at++]! * 2 ** (8 * i);
      }
      if (size === 0) size = 0x10000;
      if (offset + size > base.length) throw new GitFormatError('delta', `a delta copies bytes ${offset}-${offset + size} of a base of ${base.length}`);
      if (o + size > resultSize) throw new GitFormatError('delta', `a delta writes more than its declared ${resultSize} bytes`);
      o += base.copy(out, o, offset, offset + size);
    } else if (cmd) {
      if (at + cmd > delta.length) throw new GitFormatError('delta', 'a delta insert instruction runs past the end of the delta');
      if (o + cmd > resultSize) throw new GitFormatError('delta', `a delta writes more than its declared ${resultSize} bytes`);
      o += delta.copy(out, o, at, at + cmd);
      at += cmd;
    } else throw new GitFormatError('delta', 'a delta has an invalid instruction (0)');
  }
  if (o !== resultSize) throw new GitFormatError('delta', `a delta writes ${o} bytes, not its declared ${resultSize}`);
  return out;
}

/** Pack object types (gitformat-pack): the four object kinds; 6 and 7 are deltas. */
export const PACK_TYPES: Record<number, string> = { 1: 'commit', 2: 'tree', 3: 'blob', 4: 'tag' };
export const OFS_DELTA = 6;
export const REF_DELTA = 7;

/** The header of a pack entry at `at`: its type, inflated size, delta base (an offset or an id) and where its data starts. */
export interface PackEntryHeader {
  type: number;
  size: number;
  /** An offset delta's base offset, a ref delta's base id, or null. */
  base: number | string | null;
  dataStart: number;
}

/**
 * Reads a pack entry's header from `buf`, whose byte `at` is at pack offset
 * `offset`: never past `buf`'s end, size varints of at most 10 bytes, an
 * offset delta's base strictly before the entry and after the pack header.
 */
export function readPackEntryHeader(buf: Buffer, at: number, offset: number): PackEntryHeader {
  const byte = (): number => {
    if (at >= buf.length) throw new GitFormatError('pack-truncated', `the pack entry at byte ${offset} is cut short`);
    return buf[at++]!;
  };
  let b = byte();
  const type = (b >> 4) & 7;
  let size = b & 0x0f;
  let shift = 4;
  while (b & 0x80) {
    if (shift > 60) throw new GitFormatError('pack-entry', `the pack entry at byte ${offset} has a size longer than 64 bits`);
    b = byte();
    size += (b & 0x7f) * 2 ** shift;
    shift += 7;
  }
  let base: PackEntryHeader['base'] = null;
  if (type === OFS_DELTA) {
    b = byte();
    let back = b & 0x7f;
    for (let n = 1; b & 0x80; n++) {
      if (n >= 10) throw new GitFormatError('pack-entry', `the pack entry at byte ${offset} has a base offset longer than 64 bits`);
      b = byte();
      back = (back + 1) * 128 + (b & 0x7f);
    }
    if (back <= 0 || offset - back < 12) throw new GitFormatError('delta-base', `the delta at byte ${offset} names a base ${back === 0 ? 'at itself' : 'before the start of the pack'}`);
    base = offset - back;
  } else if (type === REF_DELTA) {
    if (at + 20 > buf.length) throw new GitFormatError('pack-truncated', `the pack entry at byte ${offset} is cut short`);
    base = buf.toString('hex', at, at + 20);
    at += 20;
  } else if (!PACK_TYPES[type]) throw new GitFormatError('pack-entry', `the pack entry at byte ${offset} has an unknown object type ${type}`);
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
  if (data.length < 8 + 1024 + 40 || data.readUInt32BE(0) !== 0xff744f63 || data.readUInt32BE(4) !== 2) return null;
  const fanout = new Uint32Array(256);
  for (let i = 0; i < 256; i++) fanout[i] = data.readUInt32BE(8 + i * 4);
  const count = fanout[255]!;
  const idsAt = 8 + 1024;
  const offsetsAt = idsAt + count * 20 + count * 4;
  // An index shorter than its fan-out says is not one this reader understands.
  if (offsetsAt + count * 4 + 40 > data.length) return null;
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
  let hi = Math.min(idx.fanout[first]!, idx.count);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = idx.ids.compare(oid, 0, 20, mid * 20, mid * 20 + 20);
    if (c === 0) {
      const small = idx.offsets.readUInt32BE(mid * 4);
      if (!(small & 0x80000000)) return small;
      const at = (small & 0x7fffffff) * 8;
      if (at + 8 > idx.largeOffsets.length) throw new GitFormatError('pack-entry', `the index of ${path.basename(idx.pack)} has a bad large offset`);
      return Number(idx.largeOffsets.readBigUInt64BE(at));
    }
    if (c > 0) hi = mid;
    else lo = mid + 1;
  }
  return null;
}

type GitObject = { type: string; content: Buffer };

/** Resolved objects kept for the next read (git's delta base cache): most reads of a pack walk the same chains. */
const CACHE_BYTES = 32 * 1024 * 1024;

/**
 * Reads objects from the repository's packs with Node's zlib, reading only
 * the bytes of the object asked for (isomorphic-git loads the whole pack
 * into memory and inflates in JavaScript: 2 ms per document file of a
 * fetched pack, docs/performance.md). Handles both kinds of delta; a delta
 * chain is followed in a loop, as long as git makes them (up to the
 * deltaChain limit, far above git's own 4,095), never recursively. One
 * reader per sync: it remembers the indexes it read and a few resolved
 * delta bases.
 */
export class PackReader {
  private indexes: PackIndex[] | null = null;
  private readonly cache = new Map<string, GitObject>();
  private cached = 0;

  constructor(private readonly gitdir: string) {}

  private list(): PackIndex[] {
    if (!this.indexes) {
      const dir = path.join(this.gitdir, 'objects', 'pack');
      const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.idx')) : [];
      this.indexes = files.map((f) => readIndex(path.join(dir, f))).filter((i): i is PackIndex => i !== null);
    }
    return this.indexes;
  }

  private locate(id: Buffer): { idx: PackIndex; offset: number } | null {
    for (const idx of this.list()) {
      const offset = offsetIn(idx, id);
      if (offset !== null) return { idx, offset };
    }
    return null;
  }

  /** Whether a pack this reader understands holds the object (nothing is read but its index). */
  has(oid: string): boolean {
    return this.locate(Buffer.from(oid, 'hex')) !== null;
  }

  /** The object, or null when no pack holds it (or a pack this reader does not understand does). */
  read(oid: string): GitObject | null {
    const at = this.locate(Buffer.from(oid, 'hex'));
    if (!at) return null;
    const files = new Files();
    try {
      return this.readAt(files, at.idx, at.offset);
    } finally {
      files.close();
    }
  }

  /** Walks the delta chain down to an object held whole (cached, or stored without a delta), then applies the deltas back up. */
  private readAt(files: Files, idx: PackIndex, offset: number): GitObject {
    const chain: { idx: PackIndex; offset: number; header: PackEntryHeader; key: string }[] = [];
    const seen = new Set<string>();
    let at = { idx, offset };
    let object: GitObject;
    for (;;) {
      const key = `${at.idx.pack}:${at.offset}`;
      const known = this.cache.get(key);
      if (known) {
        object = known;
        break;
      }
      if (seen.has(key)) throw new GitFormatError('delta-base', `the delta chain at byte ${at.offset} of ${path.basename(at.idx.pack)} loops`);
      seen.add(key);
      checkLimit('deltaChain', chain.length, 'a delta chain');
      const header = this.headerAt(files, at.idx, at.offset);
      if (header.base === null) {
        object = { type: PACK_TYPES[header.type]!, content: this.inflateAt(files, at.idx, at.offset, header) };
        if (chain.length) this.remember(key, object);
        break;
      }
      chain.push({ ...at, header, key });
      if (typeof header.base === 'number') at = { idx: at.idx, offset: header.base };
      else {
        const next = this.locate(Buffer.from(header.base, 'hex'));
        if (!next) throw new GitFormatError('missing-object', `the base ${header.base} of a delta in ${path.basename(at.idx.pack)} is in no pack`);
        at = next;
      }
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const { idx: inPack, offset: entry, header, key } = chain[i]!;
      object = { type: object.type, content: applyDelta(object.content, this.inflateAt(files, inPack, entry, header)) };
      if (i > 0) this.remember(key, object);
    }
    return object;
  }

  private remember(key: string, object: GitObject): void {
    if (object.content.length > CACHE_BYTES / 8) return;
    this.cache.set(key, object);
    this.cached += object.content.length;
    for (const [k, o] of this.cache) {
      if (this.cached <= CACHE_BYTES) break;
      this.cache.delete(k);
      this.cached -= o.content.length;
    }
  }

  private headerAt(files: Files, idx: PackIndex, offset: number): PackEntryHeader {
    const head = Buffer.alloc(32);
    const got = fs.readSync(files.of(idx.pack), head, 0, head.length, offset);
    return readPackEntryHeader(head.subarray(0, got), 0, offset);
  }

  /**
   * Inflates the entry's data, reading a little more than it can take (zlib
   * ignores what follows) and more only while the stream is cut short and
   * the file has more: never more than the declared size (itself at most
   * the object limit) comes out.
   */
  private inflateAt(files: Files, idx: PackIndex, offset: number, header: PackEntryHeader): Buffer {
    const what = `the pack entry at byte ${offset} of ${path.basename(idx.pack)}`;
    checkLimit('objectBytes', header.size, `the size ${what} declares`);
    const fd = files.of(idx.pack);
    for (let want = header.size + 1024; ; want *= 2) {
      const buf = Buffer.allocUnsafe(want);
      const n = fs.readSync(fd, buf, 0, want, offset + header.dataStart);
      try {
        return inflateExact(buf.subarray(0, n), header.size, what).content;
      } catch (e) {
        if (n < want || !(e instanceof GitFormatError) || e.reason !== 'pack-truncated') throw e;
      }
    }
  }
}

/** The pack files one read opens (a ref delta may take its base from another pack), closed after it. */
class Files {
  private readonly open = new Map<string, number>();

  of(file: string): number {
    let fd = this.open.get(file);
    if (fd === undefined) {
      fd = fs.openSync(file, 'r');
      this.open.set(file, fd);
    }
    return fd;
  }

  close(): void {
    for (const fd of this.open.values()) fs.closeSync(fd);
    this.open.clear();
  }
}
