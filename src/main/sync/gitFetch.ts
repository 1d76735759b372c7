import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Errors, type AuthCallback, type GitAuth } from 'isomorphic-git';
import { packIndex, writeAtomically } from './gitObjects';
import { applyDelta, PACK_TYPES, readPackEntryHeader } from './gitPackReader';
import { cancelled } from './gitErrors';
import { AGENT, discover, FLUSH, pktLine, post, requestCapabilities, type TransportOptions } from './gitHttp';
import { rawPackOf, UploadPackAnswer } from './uploadPackAnswer';

/**
 * A fetch of one branch over git's smart-HTTP protocol (upload-pack, v1),
 * with the pack indexed by Node's zlib and crypto. isomorphic-git indexes a
 * fetched pack in JavaScript (a third of a second for 100 changed documents
 * of a 10,000-document repository, docs/performance.md). Errors are
 * isomorphic-git's, as with its fetch.
 */
export interface FetchRequest {
  gitdir: string;
  url: string;
  branch: string;
  /** Commits we have (with all their history): the server leaves out what they hold. */
  haves: readonly string[];
  /** Whether we already have an object (then nothing is downloaded). */
  has: (oid: string) => boolean;
  onAuth?: AuthCallback | undefined;
  auth?: GitAuth | undefined;
  /** Cancels the fetch at any point (AppError CANCELLED). */
  signal?: AbortSignal | undefined;
  /** The server's `remote:` messages as they arrive. */
  onMessage?: ((line: string) => void) | undefined;
  limits?: TransportOptions['limits'];
}

export interface FetchResult {
  /** The branch's head, or null when the repository is empty. */
  head: string | null;
  /** The credentials that worked. */
  auth: GitAuth | undefined;
  /** Set when the server redirected the repository: the URL it now lives at (the fetch followed it). */
  redirectedTo?: string | undefined;
}


export async function fetchBranch(req: FetchRequest): Promise<FetchResult> {
  const options: TransportOptions = { signal: req.signal, onMessage: req.onMessage, limits: req.limits };
  const ad = await discover(req.url, 'git-upload-pack', req.onAuth, req.auth, options);
  const done = (head: string | null): FetchResult => ({ head, auth: ad.auth, ...(ad.redirectedTo ? { redirectedTo: ad.redirectedTo } : {}) });
  const ref = `refs/heads/${req.branch}`;
  const head = ad.refs.get(ref) ?? null;
  if (head === null) {
    if ([...ad.refs.keys()].some((r) => r.startsWith('refs/heads/'))) throw new Errors.NotFoundError(ref);
    return done(null);
  }
  // Already here (the branch has not moved since we last fetched or pushed): nothing to download, and no
  // second request, as git's own fetch does when the advertised refs hold nothing new.
  if (req.has(head)) return done(head);
  const caps = requestCapabilities(['side-band-64k', 'ofs-delta', 'no-progress', `agent=${AGENT}`], ad.capabilities);
  const haves = [...new Set(req.haves)].map((h) => pktLine(`have ${h}\n`));
  const body = [pktLine(`want ${head}${caps.length ? ` ${caps.join(' ')}` : ''}\n`), FLUSH, ...haves, pktLine('done\n')];
  let pack: Buffer;
  if (caps.includes('side-band-64k')) {
    const answer = new UploadPackAnswer(req.onMessage);
    await post(ad.url, 'git-upload-pack', body, ad.auth, { ...options, onChunk: (c) => answer.push(c) });
    pack = answer.end();
  } else pack = rawPackOf(await post(ad.url, 'git-upload-pack', body, ad.auth, options));
  // Cancelled while the answer was read: nothing is stored.
  if (req.signal?.aborted) throw cancelled();
  storePack(req.gitdir, pack);
  return done(head);
}

interface Entry {
  offset: number;
  type: number;
  /** For an offset delta: its base's offset; for a ref delta: its base's id. */
  base: number | string | null;
  dataStart: number;
  end: number;
  oid: string | null;
}

/**
 * Checks a pack, works out every object's id (resolving deltas) and writes
 * the pack with its version 2 index into objects/pack.
 */
function storePack(gitdir: string, pack: Buffer): void {
  if (pack.length < 32 || pack.toString('latin1', 0, 4) !== 'PACK' || pack.readUInt32BE(4) !== 2) throw new Errors.ParseError('a version 2 pack', pack.subarray(0, 8).toString('latin1'));
  const sum = crypto.createHash('sha1').update(pack.subarray(0, pack.length - 20)).digest();
  if (!sum.equals(pack.subarray(pack.length - 20))) throw new Errors.ParseError('a pack with a valid checksum', 'a corrupt pack');
  const count = pack.readUInt32BE(8);
  if (count === 0) return;
  const entries: Entry[] = [];
  const byOffset = new Map<number, Entry>();
  const byId = new Map<string, Entry>();
  const objectId = (type: string, content: Buffer): string => crypto.createHash('sha1').update(`${type} ${content.length}\0`).update(content).digest('hex');

  let at = 12;
  for (let i = 0; i < count; i++) {
    const offset = at;
    let header;
    try {
      header = readPackEntryHeader(pack, at, offset);
    } catch (e) {
      throw new Errors.ParseError('a known pack object type', (e as Error).message);
    }
    const { type, size, base } = header;
    at = header.dataStart;
    const { buffer, engine } = zlib.inflateSync(pack.subarray(at, pack.length - 20), { info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    if (buffer.length !== size) throw new Errors.ParseError(`an object of ${size} bytes`, `${buffer.length} bytes`);
    const e: Entry = { offset, type, base, dataStart: at, end: at + engine.bytesWritten, oid: base === null ? objectId(PACK_TYPES[type]!, buffer) : null };
    at = e.end;
    entries.push(e);
    byOffset.set(offset, e);
    if (e.oid) byId.set(e.oid, e);
  }

  // Deltas: rebuild each object from its base (resolved ones are kept while this pack is indexed).
  const resolved = new Map<number, { type: string; content: Buffer }>();
  const contentOf = (e: Entry, depth = 0): { type: string; content: Buffer } => {
    const known = resolved.get(e.offset);
    if (known) return known;
    if (depth > 64) throw new Errors.ParseError('a delta chain of at most 64', 'a longer one');
    const data = zlib.inflateSync(pack.subarray(e.dataStart, e.end));
    let out: { type: string; content: Buffer };
    if (e.base === null) out = { type: PACK_TYPES[e.type]!, content: data };
    else {
      const baseEntry = typeof e.base === 'number' ? byOffset.get(e.base) : byId.get(e.base);
      if (!baseEntry) throw new Errors.ParseError('a delta base inside the pack', String(e.base));
      const base = contentOf(baseEntry, depth + 1);
      out = { type: base.type, content: applyDelta(base.content, data) };
    }
    resolved.set(e.offset, out);
    return out;
  };
  for (let pass = 0; entries.some((e) => e.oid === null); pass++) {
    if (pass > 64) throw new Errors.ParseError('resolvable deltas', 'a delta whose base is missing');
    for (const e of entries) {
      if (e.oid !== null || (typeof e.base === 'string' && !byId.has(e.base))) continue;
      const o = contentOf(e);
      e.oid = objectId(o.type, o.content);
      byId.set(e.oid, e);
    }
  }

  const idx = packIndex(
    entries.map((e) => ({ oid: Buffer.from(e.oid!, 'hex'), crc: zlib.crc32(pack.subarray(e.offset, e.end)), offset: e.offset })),
    sum,
  );
  const dir = path.join(gitdir, 'objects', 'pack');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pack-${sum.toString('hex')}`);
  writeAtomically(`${file}.pack`, [pack]);
  writeAtomically(`${file}.idx`, [idx]);
}
