import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** The object types a sync writes. */
export type GitObjectType = 'blob' | 'tree' | 'commit';

/** A tree entry as isomorphic-git's readTree gives it (mode '040000' for a folder). */
export interface TreeItem {
  mode: string;
  path: string;
  oid: string;
  type: 'blob' | 'tree' | 'commit';
}

export interface Signature {
  name: string;
  email: string;
  /** Seconds since the epoch. */
  timestamp: number;
  /** Minutes behind UTC, as Date.getTimezoneOffset() gives it (-120 for UTC+2); 0 when left out. */
  timezoneOffset?: number;
}

/** git's time-zone field for an offset in Date.getTimezoneOffset() terms: -120 -> "+0200", 300 -> "-0500". */
export function formatTimezone(offsetMinutes: number): string {
  const ahead = -offsetMinutes;
  const abs = Math.min(Math.abs(Math.trunc(ahead)), 99 * 60 + 59);
  return `${ahead < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

const PACK_TYPE: Record<GitObjectType, number> = { commit: 1, tree: 2, blob: 3 };

/** At this many blobs or more a batch stores them as one pack, below as loose objects (git's own unpackLimit is 100). */
export const PACK_THRESHOLD = 100;

/** Deflate level for stored and pushed objects: git's core.compression default is -1 (zlib's 6); 1 is 3-4x faster and about 10% larger. */
const LEVEL = 1;

/** The id git gives an object. */
export function objectId(type: GitObjectType, content: Buffer): string {
  return crypto.createHash('sha1').update(`${type} ${content.length}\0`).update(content).digest('hex');
}

/** The sort key git orders tree entries by: a folder sorts as its name with a trailing '/'. */
function sortKey(e: TreeItem): Buffer {
  return Buffer.from(e.type === 'tree' ? `${e.path}/` : e.path, 'utf8');
}

/** A tree object's bytes, entries in git's order, modes written as git writes them ('40000' for a folder). */
export function treeContent(entries: readonly TreeItem[]): Buffer {
  const sorted = entries.map((e) => ({ e, key: sortKey(e) })).sort((a, b) => Buffer.compare(a.key, b.key));
  const parts: Buffer[] = [];
  for (const { e } of sorted) {
    const mode = e.mode.replace(/^0+/, '');
    parts.push(Buffer.from(`${mode} ${e.path}\0`, 'utf8'), Buffer.from(e.oid, 'hex'));
  }
  return Buffer.concat(parts);
}

/** The message as isomorphic-git writes it: no CR, no leading blank lines, exactly one final newline. */
function normalizeMessage(message: string): string {
  return `${message.replace(/\r/g, '').replace(/^\n+/, '').replace(/\n+$/, '')}\n`;
}

/** A commit object's bytes, byte for byte as isomorphic-git's writeCommit renders it (with the committer's time zone). */
export function commitContent(tree: string, parents: readonly string[], author: Signature, committer: Signature, message: string): Buffer {
  const sig = (s: Signature): string => `${s.name} <${s.email}> ${s.timestamp} ${formatTimezone(s.timezoneOffset ?? 0)}`;
  const head = [`tree ${tree}`, ...parents.map((p) => `parent ${p}`), `author ${sig(author)}`, `committer ${sig(committer)}`].join('\n');
  return Buffer.from(`${head}\n\n${normalizeMessage(message)}`, 'utf8');
}

interface Staged {
  type: GitObjectType;
  /** Kept for trees and commits (small, some written loose); a blob keeps only its compressed pack entry. */
  content: Buffer | null;
  entry: PackEntry | null;
  /** Stored loose even when the other blobs go into a pack. */
  loose: boolean;
}

interface PackEntry {
  oid: Buffer;
  /** Type and size header, then the deflated content. */
  head: Buffer;
  body: Buffer;
  crc: number;
}

export interface Pack {
  /** The pack file in pieces (never copied into one buffer): header, entries, checksum. */
  chunks: Buffer[];
  size: number;
  idx: Buffer;
  checksum: string;
  count: number;
}

/**
 * Deflates into a buffer of exactly the output's size: deflateSync returns
 * a view of its 16 KB output chunk, and 10,000 small files kept that way
 * hold 160 MB.
 */
function deflate(data: Buffer): Buffer {
  const out = zlib.deflateSync(data, { level: LEVEL });
  return out.length === out.buffer.byteLength ? out : Buffer.from(out);
}

function packEntry(oid: string, type: GitObjectType, content: Buffer): PackEntry {
  const head = packEntryHeader(PACK_TYPE[type], content.length);
  const body = deflate(content);
  return { oid: Buffer.from(oid, 'hex'), head, body, crc: zlib.crc32(body, zlib.crc32(head)) };
}

/**
 * Objects written during one sync, held in memory until the commit is
 * complete: then stored in the local repository in one go and pushed as one
 * pack. Each blob is compressed once, as it is added, and only its
 * compressed form is kept (a publish of 10,000 documents holds about a
 * third of their size).
 */
export class ObjectBatch {
  private readonly objects = new Map<string, Staged>();
  private packed: Pack | null = null;

  /** Adds an object; returns its id. Adding the same content twice keeps one copy. `loose`: never stored in a pack. */
  add(type: GitObjectType, content: Buffer, loose = false): string {
    const oid = objectId(type, content);
    const known = this.objects.get(oid);
    if (known) known.loose ||= loose;
    else {
      this.objects.set(oid, type === 'blob' && !loose ? { type, content: null, entry: packEntry(oid, type, content), loose } : { type, content, entry: null, loose });
      this.packed = null;
    }
    return oid;
  }

  has(oid: string): boolean {
    return this.objects.has(oid);
  }

  get size(): number {
    return this.objects.size;
  }

  /** A pack (version 2, no deltas) of every object, with its index (version 2) and checksum; built once. */
  pack(): Pack {
    this.packed ??= this.packOf([...this.objects.keys()]);
    return this.packed;
  }

  private entry(oid: string): PackEntry {
    const o = this.objects.get(oid)!;
    o.entry ??= packEntry(oid, o.type, o.content!);
    return o.entry;
  }

  /** The text of a blob in this batch (a staged blob is kept compressed: it is inflated again). */
  text(oid: string): string {
    if (this.objects.get(oid)?.type !== 'blob') throw new Error(`blob ${oid} is not in this batch`);
    return this.content(oid).toString('utf8');
  }

  private content(oid: string): Buffer {
    const o = this.objects.get(oid)!;
    return o.content ?? zlib.inflateSync(o.entry!.body);
  }

  private packOf(oids: readonly string[]): Pack {
    const header = Buffer.alloc(12);
    header.write('PACK', 0, 'latin1');
    header.writeUInt32BE(2, 4);
    header.writeUInt32BE(oids.length, 8);
    const chunks: Buffer[] = [header];
    let offset = 12;
    const index: { oid: Buffer; crc: number; offset: number }[] = [];
    for (const oid of oids) {
      const e = this.entry(oid);
      index.push({ oid: e.oid, crc: e.crc, offset });
      chunks.push(e.head, e.body);
      offset += e.head.length + e.body.length;
    }
    const hash = crypto.createHash('sha1');
    for (const c of chunks) hash.update(c);
    const sum = hash.digest();
    chunks.push(sum);
    return { chunks, size: offset + 20, idx: packIndex(index, sum), checksum: sum.toString('hex'), count: oids.length };
  }

  /**
   * Stores every object in the repository at `gitdir`. Many blobs go into
   * one pack with its index; trees and commits (and the blobs of a small
   * batch) are written loose, so reading the trees of a later sync never
   * loads the big pack (isomorphic-git reads a whole pack file to take one
   * object from it). Files are written under temporary names and renamed:
   * a crash never leaves half an object.
   */
  store(gitdir: string): void {
    const blobs = [...this.objects].filter(([, o]) => o.type === 'blob' && !o.loose).map(([oid]) => oid);
    const packBlobs = blobs.length >= PACK_THRESHOLD;
    if (packBlobs) {
      const { chunks, idx, checksum } = this.packOf(blobs);
      const dir = path.join(gitdir, 'objects', 'pack');
      fs.mkdirSync(dir, { recursive: true });
      const base = path.join(dir, `pack-${checksum}`);
      writeAtomically(`${base}.pack`, chunks);
      // The index last: readers find a pack through its index.
      writeAtomically(`${base}.idx`, [idx]);
    }
    for (const [oid, { type, loose }] of this.objects) {
      if (packBlobs && type === 'blob' && !loose) continue;
      const dir = path.join(gitdir, 'objects', oid.slice(0, 2));
      const file = path.join(dir, oid.slice(2));
      if (fs.existsSync(file)) continue;
      fs.mkdirSync(dir, { recursive: true });
      const content = this.content(oid);
      writeAtomically(file, [deflate(Buffer.concat([Buffer.from(`${type} ${content.length}\0`), content]))]);
    }
  }
}

export function writeAtomically(file: string, chunks: readonly Buffer[]): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    // Up to 1,000 pieces per system call (IOV_MAX is 1,024 on Linux); a short write (a full disk,
    // a file size limit) goes on piece by piece, so the error it ends in is the system's own.
    for (let i = 0; i < chunks.length; i += 1000) {
      const group = chunks.slice(i, i + 1000);
      let written = fs.writevSync(fd, group);
      for (const c of group) {
        if (written >= c.length) {
          written -= c.length;
          continue;
        }
        for (let off = written; off < c.length; ) off += fs.writeSync(fd, c, off, c.length - off);
        written = 0;
      }
    }
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
}

/** A pack entry header: type and size, 4 bits then 7 bits at a time. */
function packEntryHeader(type: number, size: number): Buffer {
  const bytes: number[] = [];
  let byte = (type << 4) | (size & 0x0f);
  let rest = Math.floor(size / 16);
  while (rest > 0) {
    bytes.push(byte | 0x80);
    byte = rest & 0x7f;
    rest = Math.floor(rest / 128);
  }
  bytes.push(byte);
  return Buffer.from(bytes);
}

/** A version 2 pack index: fan-out table, sorted ids, CRC32s, 31-bit offsets (a pack under 2 GB), pack and index checksums. */
export function packIndex(entries: { oid: Buffer; crc: number; offset: number }[], packSum: Buffer): Buffer {
  const sorted = [...entries].sort((a, b) => Buffer.compare(a.oid, b.oid));
  const n = sorted.length;
  const out = Buffer.alloc(8 + 256 * 4 + n * 20 + n * 4 + n * 4 + 40);
  out.writeUInt32BE(0xff744f63, 0);
  out.writeUInt32BE(2, 4);
  const fanout = new Array<number>(256).fill(0);
  for (const e of sorted) fanout[e.oid[0]!]!++;
  let running = 0;
  for (let i = 0; i < 256; i++) {
    running += fanout[i]!;
    out.writeUInt32BE(running, 8 + i * 4);
  }
  let at = 8 + 1024;
  for (const e of sorted) {
    e.oid.copy(out, at);
    at += 20;
  }
  for (const e of sorted) {
    out.writeUInt32BE(e.crc >>> 0, at);
    at += 4;
  }
  for (const e of sorted) {
    if (e.offset >= 0x80000000) throw new Error('pack too large for a 31-bit index');
    out.writeUInt32BE(e.offset, at);
    at += 4;
  }
  packSum.copy(out, at);
  at += 20;
  crypto.createHash('sha1').update(out.subarray(0, at)).digest().copy(out, at);
  return out;
}
