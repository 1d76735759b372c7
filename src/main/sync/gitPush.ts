import { Errors, type AuthCallback, type GitAuth } from 'isomorphic-git';
import { AGENT, discover, FLUSH, parsePktLines, pktLine, post, postStream } from './gitHttp';

/**
 * A push over git's smart-HTTP protocol (receive-pack, protocol v1) that
 * sends a pack the caller built: exactly the objects of the new commit,
 * each compressed once. isomorphic-git's push walks both full trees to find
 * them and re-reads and re-compresses every object (seconds for 10,000
 * files, docs/performance.md); the transport, the authentication flow and
 * the errors are isomorphic-git's own, so callers see no difference.
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
}

const ZERO = '0000000000000000000000000000000000000000';
/** Request bodies above this size are streamed (git's http.postBuffer default). */
const STREAM_OVER = 1024 * 1024;

/** The report-status lines, out of the side-band when the server multiplexes. */
function reportStatus(body: Buffer, sideBand: boolean): string[] {
  const lines = parsePktLines(body);
  let report: Buffer;
  if (sideBand) {
    const data: Buffer[] = [];
    const errors: string[] = [];
    for (const l of lines) {
      if (!l || l.length === 0) continue;
      if (l[0] === 1) data.push(l.subarray(1));
      else if (l[0] === 3) errors.push(l.subarray(1).toString('utf8'));
    }
    if (errors.length) throw new Errors.GitPushError(errors.join(' ').trim(), { ok: false, error: errors.join(' ').trim(), refs: {} });
    report = Buffer.concat(data);
    return parsePktLines(report)
      .filter((l): l is Buffer => l !== null)
      .map((l) => l.toString('utf8').replace(/\n$/, ''));
  }
  return lines.filter((l): l is Buffer => l !== null).map((l) => l.toString('utf8').replace(/\n$/, ''));
}

/**
 * Updates `ref` on the remote from `oldOid` to `newOid`, sending `pack`.
 * Throws PushRejectedError (not-fast-forward) when the remote ref is not
 * where we believe it is, GitPushError when the server refuses, HttpError /
 * UserCanceledError for authentication, like isomorphic-git's push.
 * Returns the credentials that worked, for the next push.
 */
export async function pushPack(req: PushRequest): Promise<GitAuth | undefined> {
  const ad = await discover(req.url, 'git-receive-pack', req.onAuth, req.auth);
  const current = ad.refs.get(req.ref) ?? null;
  if (current !== req.oldOid) throw new Errors.PushRejectedError('not-fast-forward');
  const sideBand = ad.capabilities.has('side-band-64k');
  const caps = ['report-status', ...(sideBand ? ['side-band-64k'] : []), `agent=${AGENT}`].filter((c) => c.startsWith('agent=') || ad.capabilities.has(c));
  const command = pktLine(`${req.oldOid ?? ZERO} ${req.newOid} ${req.ref}\0${caps.join(' ')}\n`);
  const body = [command, FLUSH, ...req.pack];
  const size = body.reduce((n, b) => n + b.length, 0);
  // Like git (http.postBuffer): up to 1 MB in one buffer with a Content-Length, more as a chunked stream, never copied whole.
  const answer = size <= STREAM_OVER ? await post(req.url, 'git-receive-pack', body, ad.auth) : await postStream(req.url, 'git-receive-pack', body, ad.auth);
  const lines = reportStatus(answer, sideBand);
  const unpack = lines.shift() ?? '';
  if (!unpack.startsWith('unpack ')) throw new Errors.ParseError('unpack ok" or "unpack [error message]', unpack);
  const refs: Record<string, { ok: boolean; error: string }> = {};
  for (const line of lines) {
    if (!line.trim()) continue;
    const rest = line.slice(3);
    const space = rest.indexOf(' ');
    refs[space < 0 ? rest : rest.slice(0, space)] = { ok: line.startsWith('ok'), error: space < 0 ? '' : rest.slice(space + 1) };
  }
  const ok = unpack === 'unpack ok';
  if (!ok || !refs[req.ref]?.ok) {
    const details = ok ? Object.entries(refs).filter(([, v]) => !v.ok).map(([k, v]) => `\n  - ${k}: ${v.error}`).join('') : unpack.slice('unpack '.length);
    throw new Errors.GitPushError(details || 'the server did not update the branch', { ok, error: ok ? null : unpack.slice('unpack '.length), refs });
  }
  return ad.auth;
}
