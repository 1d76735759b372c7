import { Errors, type AuthCallback, type GitAuth } from 'isomorphic-git';
import { GitTransportError } from './gitErrors';
import { AGENT, discover, FLUSH, pktLine, post, requestCapabilities, type TransportOptions } from './gitHttp';
import { ReceivePackAnswer, reportLines } from './receivePackAnswer';
import { sanitizeRemoteText, type SideBandDemux } from './sideBand';

/**
 * A push over git's smart-HTTP protocol (receive-pack, protocol v1) that
 * sends a pack the caller built: exactly the objects of the new commit,
 * each compressed once. isomorphic-git's push walks both full trees to find
 * them and re-reads and re-compresses every object (seconds for 10,000
 * files, docs/performance.md); the authentication flow and the error
 * classes are isomorphic-git's own, so callers see no difference.
 */
export interface PushRequest {
  url: string;
  /** Full ref name, e.g. refs/heads/main. */
  ref: string;
  /** What we believe the remote ref is (null: it does not exist); anything else is a rejected, not-fast-forward push. */
  oldOid: string | null;
  newOid: string;
  /** The pack, in pieces. */
  pack: readonly Buffer[];
  onAuth?: AuthCallback | undefined;
  /** Credentials that already worked on this URL (from the fetch): sent up front, as git does once it knows them. */
  auth?: GitAuth | undefined;
  /** Cancels the push at any point (AppError CANCELLED); the server then keeps its branch where it was. */
  signal?: AbortSignal | undefined;
  /** The server's `remote:` messages (progress, hook output) as they arrive. */
  onMessage?: ((line: string) => void) | undefined;
  limits?: TransportOptions['limits'];
}

export interface PushResult {
  /** The credentials that worked, for the next push. */
  auth: GitAuth | undefined;
  /** Set when the server redirected the repository: the URL it now lives at. */
  redirectedTo?: string | undefined;
  /** The server's `remote:` lines (hook output), sanitised. */
  messages: string[];
}

const ZERO = '0000000000000000000000000000000000000000';
/** Request bodies above this size are streamed (git's http.postBuffer default). */
const STREAM_OVER = 1024 * 1024;

/**
 * Updates `ref` on the remote from `oldOid` to `newOid`, sending `pack`.
 * Throws PushRejectedError (not-fast-forward) when the remote ref is not
 * where we believe it is, GitPushError when the server refuses (with its
 * `remote:` lines: a pre-receive hook's explanation), HttpError /
 * UserCanceledError for authentication, like isomorphic-git's push.
 */
export async function pushPack(req: PushRequest): Promise<PushResult> {
  const options: TransportOptions = { signal: req.signal, onMessage: req.onMessage, limits: req.limits };
  const ad = await discover(req.url, 'git-receive-pack', req.onAuth, req.auth, options);
  const current = ad.refs.get(req.ref) ?? null;
  if (current !== req.oldOid) throw new Errors.PushRejectedError('not-fast-forward');
  const caps = requestCapabilities(['report-status', 'side-band-64k', `agent=${AGENT}`], ad.capabilities);
  const command = pktLine(`${req.oldOid ?? ZERO} ${req.newOid} ${req.ref}\0${caps.join(' ')}\n`);
  const body = [command, FLUSH, ...req.pack];
  const size = body.reduce((n, b) => n + b.length, 0);
  // Like git (http.postBuffer): up to 1 MB in one buffer with a Content-Length, more as a chunked stream, never copied whole.
  const postOptions = { ...options, stream: size > STREAM_OVER };
  let lines: string[];
  let demux: SideBandDemux | null = null;
  if (caps.includes('side-band-64k')) {
    const answer = new ReceivePackAnswer(req.onMessage);
    demux = answer.demux;
    await post(ad.url, 'git-receive-pack', body, ad.auth, { ...postOptions, onChunk: (c) => answer.push(c) });
    lines = answer.lines();
  } else {
    const answer = await post(ad.url, 'git-receive-pack', body, ad.auth, postOptions);
    // Without report-status the server says nothing: its 200 is the only answer.
    lines = caps.includes('report-status') ? reportLines(answer) : ['unpack ok', `ok ${req.ref}`];
  }
  const withMessages = (text: string): string => (demux ? demux.withMessages(text) : text);
  const unpack = lines.shift() ?? '';
  if (!unpack.startsWith('unpack ')) throw new GitTransportError('malformed', `the push status report starts with "${sanitizeRemoteText(unpack.slice(0, 60))}" instead of "unpack"`);
  const refs: Record<string, { ok: boolean; error: string }> = {};
  for (const line of lines) {
    if (!line.trim()) continue;
    if (!/^(ok|ng) /.test(line)) throw new GitTransportError('malformed', `a push status line "${sanitizeRemoteText(line.slice(0, 60))}"`);
    const rest = line.slice(3);
    const space = rest.indexOf(' ');
    refs[space < 0 ? rest : rest.slice(0, space)] = { ok: line.startsWith('ok'), error: space < 0 ? '' : sanitizeRemoteText(rest.slice(space + 1)) };
  }
  const ok = unpack === 'unpack ok';
  if (!ok || !refs[req.ref]?.ok) {
    const details = ok ? Object.entries(refs).filter(([, v]) => !v.ok).map(([k, v]) => `\n  - ${k}: ${v.error}`).join('') : sanitizeRemoteText(unpack.slice('unpack '.length));
    throw new Errors.GitPushError(withMessages(details || 'the server did not update the branch'), { ok, error: ok ? null : unpack.slice('unpack '.length), refs });
  }
  return { auth: ad.auth, messages: demux ? [...demux.messages] : [], ...(ad.redirectedTo ? { redirectedTo: ad.redirectedTo } : {}) };
}
