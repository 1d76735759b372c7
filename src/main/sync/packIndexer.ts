import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { checkLimit, GitFormatError } from './gitLimits';
import { packIndex, writeAtomically } from './gitObjects';
import { applyDelta, checkTree, deltaSizes, inflateExact, OFS_DELTA, PACK_TYPES, PackReader, parseCommit, parseTree, readPackEntryHeader } from './gitPackReader';

/** One object of a pack being indexed. */
interface Entry {
  offset: number;
  type: number;
  /** For an offset delta: its base's offset; for a ref delta: its base's id. */
  base: number | string | null;
  dataStart: number;
  /** Declared inflated size (for a delta: of its delta data). */
  size: number;
  end: number;
  oid: string | null;
}

export interface IndexedPack {
  /** The pack's own SHA-1 (its last 20 bytes), which names the pack file. */
  checksum: Buffer;
  objects: { oid: Buffer; crc: number; offset: number }[];
}

/**
 * Checks a fetched pack the way git's index-pack does before anything is
 * stored, and works out every object's id:
 *
 * - header ("PACK", version 2 or 3), trailing checksum, object count
 *   (limit packObjects), no bytes after the last object;
 * - every entry header bounds-checked; every object's declared size at
 *   most the object limit and equal to what its data inflates to (the
 *   inflate stops as soon as it passes the declared size);
 * - offset-delta bases at an earlier entry of the pack, ref-delta bases in
 *   the pack (thin packs are never asked for); the declared result size of
 *   every delta checked against the object limit before it is applied;
 * - deltas resolved from each base outwards with an explicit stack (no
 *   recursion, so a chain as long as git makes reads back; each object is
 *   resolved once, so a loop of ref deltas never resolves and is refused);
 *   the bases held at once bounded (chainHeldBytes: only bases with more
 *   deltas waiting are kept, so a straight chain holds two objects) and all
 *   bytes inflated for the pack (fetchInflatedBytes);
 * - every tree and commit parsed as the sync will read it, so what is
 *   stored can always be read back.
 *
 * Throws GitFormatError naming the cause; nothing is written.
 */
export function indexPack(pack: Buffer): IndexedPack {
  if (pack.length < 32) throw new GitFormatError('pack-truncated', `the pack is cut short (${pack.length} bytes)`);
  if (pack.toString('latin1', 0, 4) !== 'PACK') throw new GitFormatError('pack-header', 'the answer does not hold a pack (no "PACK" signature)');
  const version = pack.readUInt32BE(4);
  if (version !== 2 && version !== 3) throw new GitFormatError('pack-header', `the pack has version ${version}, not 2 or 3`);
  const end = pack.length - 20;
  const checksum = pack.subarray(end);
  const sum = crypto.createHash('sha1').update(pack.subarray(0, end)).digest();
  if (!sum.equals(checksum)) throw new GitFormatError('pack-checksum', 'the pack is corrupt or cut short: its SHA-1 checksum does not match');
  const count = pack.readUInt32BE(8);
  checkLimit('packObjects', count, 'the number of objects in the pack');
  const body = pack.subarray(0, end);

  const entries: Entry[] = [];
  const byOffset = new Map<number, Entry>();
  /** Deltas waiting for a base, by the base's offset or id. */
  const byBaseOffset = new Map<number, Entry[]>();
  const byBaseId = new Map<string, Entry[]>();
  let inflated = 0;
  const countInflated = (n: number): void => {
    inflated += n;
    checkLimit('fetchInflatedBytes', inflated, 'what the pack inflates to');
  };
  const objectId = (type: string, content: Buffer): string => crypto.createHash('sha1').update(`${type} ${content.length}\0`).update(content).digest('hex');
  const accept = (e: Entry, type: string, content: Buffer): void => {
    e.oid = objectId(type, content);
    try {
      if (type === 'tree') checkTree(content);
      else if (type === 'commit') parseCommit(content);
    } catch (err) {
      if (err instanceof GitFormatError) throw new GitFormatError(err.reason, `${type} ${e.oid}: ${err.message}`, err.limit);
      throw err;
    }
  };
  const waitFor = <K>(map: Map<K, Entry[]>, key: K, e: Entry): void => {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  };

  let at = 12;
  for (let i = 0; i < count; i++) {
    if (at >= end) throw new GitFormatError('pack-truncated', `the pack ends after ${i} of its ${count} objects`);
    const header = readPackEntryHeader(body, at, at);
    const what = `the pack entry at byte ${at}`;
    if (typeof header.base === 'number' && !byOffset.has(header.base)) throw new GitFormatError('delta-base', `the delta at byte ${at} names a base at byte ${header.base}, where no object starts`);
    const { content, consumed } = inflateExact(body.subarray(header.dataStart), header.size, what);
    countInflated(content.length);
    const e: Entry = { offset: at, type: header.type, base: header.base, dataStart: header.dataStart, size: header.size, end: header.dataStart + consumed, oid: null };
    if (header.base === null) accept(e, PACK_TYPES[header.type]!, content);
    else {
      // A delta bomb is refused here, before any delta is applied.
      const { resultSize } = deltaSizes(content);
      checkLimit('objectBytes', resultSize, `the result of the delta at byte ${at}`);
      if (header.type === OFS_DELTA) waitFor(byBaseOffset, header.base as number, e);
      else waitFor(byBaseId, header.base as string, e);
    }
    entries.push(e);
    byOffset.set(at, e);
    at = e.end;
  }
  if (at !== end) throw new GitFormatError('pack-entry', `the pack has ${end - at} bytes after its last object`);

  // Deltas resolved from each whole object outwards, depth first, with a stack of the bases still needed.
  const waiting = (e: Entry): Entry[] => {
    const kids = byBaseOffset.get(e.offset) ?? [];
    byBaseOffset.delete(e.offset);
    const byId = byBaseId.get(e.oid!);
    if (byId) {
      byBaseId.delete(e.oid!);
      return [...kids, ...byId];
    }
    return kids;
  };
  const inflate = (e: Entry): Buffer => inflateExact(body.subarray(e.dataStart, e.end), e.size, `the pack entry at byte ${e.offset}`).content;
  for (const root of entries) {
    if (root.base !== null) continue;
    const first = waiting(root);
    if (first.length === 0) continue;
    const stack: { type: string; content: Buffer; kids: Entry[]; next: number; depth: number }[] = [{ type: PACK_TYPES[root.type]!, content: inflate(root), kids: first, next: 0, depth: 0 }];
    let held = stack[0]!.content.length;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next >= top.kids.length) {
        held -= top.content.length;
        stack.pop();
        continue;
      }
      const kid = top.kids[top.next++]!;
      // As deep as the pack reader follows (a chain's depth: the deltas between an object and its whole base).
      checkLimit('deltaChain', top.depth + 1, 'a delta chain');
      const delta = inflate(kid);
      countInflated(delta.length);
      const content = applyDelta(top.content, delta);
      countInflated(content.length);
      accept(kid, top.type, content);
      const kids = waiting(kid);
      if (kids.length === 0) continue;
      // A base with no other delta waiting is dropped before its child is pushed: a straight chain holds two objects at a time.
      if (top.next >= top.kids.length) {
        held -= top.content.length;
        stack.pop();
      }
      held += content.length;
      checkLimit('chainHeldBytes', held, 'the bases of a delta chain');
      stack.push({ type: top.type, content, kids, next: 0, depth: top.depth + 1 });
    }
  }
  const unresolved = entries.filter((e) => e.oid === null);
  if (unresolved.length) {
    const e = unresolved[0]!;
    throw new GitFormatError('delta-base', `the pack has ${unresolved.length} delta${unresolved.length === 1 ? '' : 's'} whose base is not in it (the first at byte ${e.offset}, base ${String(e.base)})`);
  }
  return {
    checksum: Buffer.from(checksum),
    objects: entries.map((e) => ({ oid: Buffer.from(e.oid!, 'hex'), crc: zlib.crc32(body.subarray(e.offset, e.end)), offset: e.offset })),
  };
}

/**
 * Checks a fetched pack (indexPack) and, only when all of it is good,
 * writes it with its version 2 index into objects/pack (the index last:
 * readers find a pack through its index). With `head`, the commit the fetch
 * asked for, also checks what git's connectivity check would for the
 * snapshot a sync reads: the head commit is in the pack, and every tree and
 * blob its tree names is in the pack or already here. When it is not, the
 * pack is removed again (no ref has moved) and a GitFormatError names the
 * missing object.
 */
export function storePack(gitdir: string, pack: Buffer, head?: string): void {
  const { checksum, objects } = indexPack(pack);
  if (objects.length === 0) {
    if (head) throw new GitFormatError('missing-object', `the server sent an empty pack for commit ${head}`);
    return;
  }
  const idx = packIndex(objects, checksum);
  const dir = path.join(gitdir, 'objects', 'pack');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pack-${checksum.toString('hex')}`);
  const existed = fs.existsSync(`${file}.idx`);
  writeAtomically(`${file}.pack`, [pack]);
  writeAtomically(`${file}.idx`, [idx]);
  if (!head) return;
  try {
    checkConnected(gitdir, head, new Set(objects.map((o) => o.oid.toString('hex'))));
  } catch (e) {
    if (!existed) {
      fs.rmSync(`${file}.idx`, { force: true });
      fs.rmSync(`${file}.pack`, { force: true });
    }
    throw e;
  }
}

/** The head commit and its whole snapshot are readable: what came in the pack is walked, what was here already is taken as complete. */
function checkConnected(gitdir: string, head: string, received: ReadonlySet<string>): void {
  if (!received.has(head)) throw new GitFormatError('missing-object', `the pack does not hold the commit the branch points to (${head})`);
  const packs = new PackReader(gitdir);
  // The packs' indexes first (a lookup in memory), then a loose object's file.
  const here = (oid: string): boolean => packs.has(oid) || fs.existsSync(path.join(gitdir, 'objects', oid.slice(0, 2), oid.slice(2)));
  const read = (oid: string): Buffer => packs.read(oid)!.content;
  const trees: { oid: string; path: string }[] = [{ oid: parseCommit(read(head)).tree, path: '' }];
  const seen = new Set<string>();
  while (trees.length > 0) {
    const tree = trees.pop()!;
    if (seen.has(tree.oid)) continue;
    seen.add(tree.oid);
    if (!received.has(tree.oid)) {
      if (!here(tree.oid)) throw new GitFormatError('missing-object', `the pack leaves out the tree of ${tree.path ? JSON.stringify(tree.path) : 'the root folder'} (${tree.oid})`);
      continue;
    }
    for (const e of parseTree(read(tree.oid))) {
      const p = tree.path ? `${tree.path}/${e.path}` : e.path;
      if (e.type === 'tree') trees.push({ oid: e.oid, path: p });
      else if (e.type === 'blob' && !received.has(e.oid) && !here(e.oid)) throw new GitFormatError('missing-object', `the pack leaves out ${JSON.stringify(p)} (${e.oid})`);
    }
  }
}
