import { Errors, type AuthCallback, type GitAuth } from 'isomorphic-git';
import { storePack } from './packIndexer';
import { GitTransportError } from './gitErrors';
import { AGENT, discover, FLUSH, pktLine, post, requestCapabilities, type TransportOptions } from './gitHttp';
import { lineText, PktReader, PktStream, type Packet } from './pktLine';
import { throwIfErr } from './refAdvertisement';
import { sanitizeRemoteText, SideBandDemux } from './sideBand';

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
  req.signal?.throwIfAborted();
  storePack(req.gitdir, pack, head);
  return done(head);
}

/** Whether a line before the pack is an acknowledgement (ACK/NAK); an ERR line is the server's error. */
function isAck(p: Packet): boolean {
  if (p.kind !== 'data') return false;
  const text = lineText(p.data);
  throwIfErr(text);
  return /^(ACK|NAK)\b/.test(text);
}

/**
 * Reads an upload-pack answer with side-band-64k as it arrives: the ACK/NAK
 * lines, then band 1 (the pack), band 2 (messages), band 3 (a fatal error),
 * up to the closing flush. An answer that stops before it is truncated.
 */
class UploadPackAnswer {
  private readonly stream = new PktStream();
  private readonly demux: SideBandDemux;
  private inPack = false;
  private ended = false;

  constructor(onMessage?: (line: string) => void) {
    this.demux = new SideBandDemux(onMessage);
  }

  push(chunk: Buffer): void {
    for (const p of this.stream.push(chunk)) {
      if (this.ended) throw new GitTransportError('malformed', 'data after the end of the fetched pack');
      if (!this.inPack && isAck(p)) continue;
      this.inPack = true;
      if (p.kind === 'flush') this.ended = true;
      else this.demux.packet(p);
    }
  }

  /** The pack; throws when the answer stopped early. */
  end(): Buffer {
    this.stream.end();
    this.demux.flushPartial();
    if (!this.ended) throw new GitTransportError('truncated', `the fetched pack stops after ${this.demux.dataBytes} bytes, before its closing flush`);
    return Buffer.concat(this.demux.data, this.demux.dataBytes);
  }
}

/** The pack out of an answer without side-band: after the ACK/NAK lines, the rest of the bytes. */
function rawPackOf(answer: Buffer): Buffer {
  const reader = new PktReader(answer);
  for (;;) {
    const at = reader.offset;
    // The pack starts with "PACK", which is not a pkt-line length.
    if (answer.toString('latin1', at, at + 4) === 'PACK') return answer.subarray(at);
    const p = reader.next();
    if (!p) throw new GitTransportError('truncated', 'the answer ends before the pack');
    if (!isAck(p)) throw new GitTransportError('malformed', `"${sanitizeRemoteText(lineText(p.kind === 'data' ? p.data : Buffer.alloc(0)).slice(0, 60))}" where an ACK, a NAK or the pack belongs`);
  }
}

