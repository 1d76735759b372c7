import { Errors, type AuthCallback, type GitAuth } from 'isomorphic-git';
import { GitTransportError } from './gitErrors';
import { httpError, httpRequest, type HttpResponse, type TransportLimits } from './httpClient';
import { parseRefAdvertisement, type GitService } from './refAdvertisement';

export { FLUSH, parsePktLines, pktLine } from './pktLine';
export type { GitService } from './refAdvertisement';

/**
 * The parts of git's smart-HTTP protocol (v1) that the fetch and the push
 * share: reference discovery, authentication, the service POST. Requests go
 * through DesignDesk's own client (httpClient.ts: deadlines, size limits,
 * redirects, proxies, cancel); non-200 answers stay isomorphic-git's
 * HttpError and a refused login its UserCanceledError, so describeGitError
 * reads them as before.
 */
export const AGENT = 'designdesk-sync';

/** What every request function of the sync takes besides its own arguments. */
export interface TransportOptions {
  /** Stops the request at any point; it then rejects with AppError CANCELLED. */
  signal?: AbortSignal | undefined;
  /** The server's messages (side-band channel 2, `remote:` lines), sanitised, line by line as they arrive. */
  onMessage?: ((line: string) => void) | undefined;
  /** Overrides of the deadlines (tests use short ones). */
  limits?: Partial<TransportLimits> | undefined;
}

/**
 * Limits on answers, derived from what a design-document repository needs
 * (docs/reliability.md): a list of branches of 100,000 refs is under 10 MB;
 * a pack of 20,000 documents with years of history is tens of MB; a push's
 * answer is a status line per ref plus hook output.
 */
export const MAX_ADVERTISEMENT_BYTES = 16 * 1024 * 1024;
export const MAX_UPLOAD_PACK_ANSWER_BYTES = 256 * 1024 * 1024;
export const MAX_RECEIVE_PACK_ANSWER_BYTES = 8 * 1024 * 1024;

/** A remote URL as the sync uses it: without trailing slashes (git accepts `.../repo.git/`). */
export function normalizeRemoteUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

export function authHeaders(auth: GitAuth | undefined): Record<string, string> {
  const headers: Record<string, string> = { ...(auth?.headers ?? {}) };
  if (auth && (auth.username || auth.password)) headers.Authorization = `Basic ${Buffer.from(`${auth.username ?? ''}:${auth.password ?? ''}`).toString('base64')}`;
  return headers;
}

/**
 * The capabilities to ask for: those of `wanted` the server advertised (by
 * name, as isomorphic-git's filterCapabilities does). `agent=` goes out only
 * when the server sent an agent of its own, as the protocol asks.
 */
export function requestCapabilities(wanted: readonly string[], advertised: ReadonlySet<string>): string[] {
  const names = new Set([...advertised].map((c) => c.split('=', 1)[0]));
  return wanted.filter((c) => names.has(c.split('=', 1)[0]!));
}

export interface Advertisement {
  refs: Map<string, string>;
  capabilities: Set<string>;
  /** The credentials that worked (undefined: none were needed). */
  auth: GitAuth | undefined;
  /** The repository URL the later requests of this sync go to (after any redirect of info/refs). */
  url: string;
  /** Set when info/refs was redirected: the new repository URL, for a warning ("update the remote"). */
  redirectedTo?: string | undefined;
}

/** The repository URL a redirected info/refs answer names, as git re-bases it; refuses one that does not end in info/refs. */
function rebase(res: HttpResponse, original: string): { url: string; redirectedTo?: string } {
  if (res.redirects.length === 0) return { url: original };
  const final = new URL(res.url);
  if (!final.pathname.endsWith('/info/refs')) throw new GitTransportError('redirect', `info/refs was redirected to ${final.origin}${final.pathname}, which is not a repository's info/refs`);
  final.search = '';
  final.hash = '';
  const url = normalizeRemoteUrl(final.href.replace(/\/info\/refs$/, ''));
  return url === original ? { url } : { url, redirectedTo: url };
}

/**
 * GET info/refs for a service. Sends `auth` up front when given; on a 401
 * asks onAuth once and retries, and a second 401 cancels (as isomorphic-git
 * does with the onAuthFailure the sync gives it).
 */
export async function discover(remote: string, service: GitService, onAuth: AuthCallback | undefined, known: GitAuth | undefined, options: TransportOptions = {}): Promise<Advertisement> {
  const base = normalizeRemoteUrl(remote);
  let auth = known;
  let asked = false;
  for (;;) {
    const res = await httpRequest({
      url: `${base}/info/refs?service=${service}`,
      method: 'GET',
      headers: { 'user-agent': `git/${AGENT}`, ...authHeaders(auth) },
      maxResponseBytes: MAX_ADVERTISEMENT_BYTES,
      what: 'the list of branches',
      signal: options.signal,
      limits: options.limits,
    });
    if (res.statusCode === 401 || res.statusCode === 203) {
      if (asked) throw new Errors.UserCanceledError();
      if (!onAuth) throw httpError(res);
      const given = await onAuth(base, { ...(auth ?? {}), headers: {} });
      if (!given || given.cancel) throw new Errors.UserCanceledError();
      auth = given;
      asked = true;
      continue;
    }
    if (res.statusCode !== 200) throw httpError(res);
    const type = String(res.headers['content-type'] ?? '');
    // A dumb server (text/plain) or a web page: not a smart git server.
    if (!type.startsWith(`application/x-${service}-advertisement`)) throw new Errors.SmartHttpError(`application/x-${service}-advertisement`, type || 'no content type');
    const { refs, capabilities } = parseRefAdvertisement(res.body, service);
    return { refs, capabilities, auth, ...rebase(res, base) };
  }
}

export interface PostOptions extends TransportOptions {
  /** Sends the body chunked as the socket takes it (never copied whole), for bodies over git's http.postBuffer. */
  stream?: boolean;
  /** Each chunk of the answer as it arrives (side-band progress). */
  onChunk?: ((chunk: Buffer) => void) | undefined;
}

/**
 * POSTs a service request to the repository URL discover() returned. A
 * non-200 answer is isomorphic-git's HttpError, but 413 which names the
 * server's request size limit.
 */
export async function post(url: string, service: GitService, body: readonly Buffer[], auth: GitAuth | undefined, options: PostOptions = {}): Promise<Buffer> {
  const res = await httpRequest({
    url: `${url}/${service}`,
    method: 'POST',
    headers: { 'user-agent': `git/${AGENT}`, 'content-type': `application/x-${service}-request`, accept: `application/x-${service}-result`, ...authHeaders(auth) },
    body,
    stream: options.stream,
    maxResponseBytes: service === 'git-upload-pack' ? MAX_UPLOAD_PACK_ANSWER_BYTES : MAX_RECEIVE_PACK_ANSWER_BYTES,
    what: service === 'git-upload-pack' ? 'the fetched pack' : 'the answer to the push',
    signal: options.signal,
    onChunk: options.onChunk,
    limits: options.limits,
  });
  if (res.statusCode === 413) {
    const size = body.reduce((n, b) => n + b.length, 0);
    throw new GitTransportError('request-too-large', `${Math.max(0.1, Math.round((size / 1024 / 1024) * 10) / 10)} MB`, { status: 413, bytes: size });
  }
  if (res.statusCode !== 200) throw httpError(res);
  return res.body;
}

/** post() with a chunked body that waits for the network (for pushes over 1 MB, like git above http.postBuffer). */
export function postStream(url: string, service: GitService, pieces: readonly Buffer[], auth: GitAuth | undefined, options: PostOptions = {}): Promise<Buffer> {
  return post(url, service, pieces, auth, { ...options, stream: true });
}
