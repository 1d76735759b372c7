import { Errors, type AuthCallback, type GitAuth } from 'isomorphic-git';
import { storePack } from './packIndexer';
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
  storePack(req.gitdir, pack, head);
  return done(head);
}
