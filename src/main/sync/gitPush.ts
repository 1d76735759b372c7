import { Errors, type AuthCallback, type GitAuth } from 'isomorphic-git';
import http from 'isomorphic-git/http/node';

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
  pack: Buffer;
  onAuth?: AuthCallback | undefined;
  /** Credentials that already worked on this URL (from the fetch): sent up front, as git does once it knows them. */
  auth?: GitAuth | undefined;
}

const ZERO = '0000000000000000000000000000000000000000';
const AGENT = 'designdesk-sync';

function pktLine(text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  return Buffer.concat([Buffer.from((body.length + 4).toString(16).padStart(4, '0'), 'latin1'), body]);
}

/** Splits pkt-lines: a Buffer per data line, null for a flush packet. */
function parsePktLines(data: Buffer): (Buffer | null)[] {
  const out: (Buffer | null)[] = [];
  let at = 0;
  while (at + 4 <= data.length) {
    const len = parseInt(data.subarray(at, at + 4).toString('latin1'), 16);
    if (Number.isNaN(len)) throw new Errors.ParseError('a pkt-line length', data.subarray(at, at + 4).toString('latin1'));
    if (len < 4) {
      out.push(null);
      at += 4;
      continue;
    }
    out.push(data.subarray(at + 4, at + len));
    at += len;
  }
  return out;
}

async function readAll(body: AsyncIterableIterator<Uint8Array> | undefined): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

function authHeaders(auth: GitAuth | undefined): Record<string, string> {
  const headers: Record<string, string> = { ...(auth?.headers ?? {}) };
  if (auth && (auth.username || auth.password)) headers.Authorization = `Basic ${Buffer.from(`${auth.username ?? ''}:${auth.password ?? ''}`).toString('base64')}`;
  return headers;
}

interface Advertisement {
  refs: Map<string, string>;
  capabilities: Set<string>;
  auth: GitAuth | undefined;
}

/** GET info/refs for receive-pack, asking onAuth on a 401 as isomorphic-git's discover does (onAuthFailure cancels). */
async function discover(req: PushRequest): Promise<Advertisement> {
  let auth = req.auth;
  let asked = false;
  for (;;) {
    const res = await http.request({ url: `${req.url}/info/refs?service=git-receive-pack`, method: 'GET', headers: { 'user-agent': AGENT, ...authHeaders(auth) } });
    const body = await readAll(res.body);
    if (res.statusCode === 401 || res.statusCode === 203) {
      if (asked || !req.onAuth) {
        if (asked) throw new Errors.UserCanceledError();
        throw new Errors.HttpError(res.statusCode, res.statusMessage, body.toString('utf8'));
      }
      const given = await req.onAuth(req.url, { ...(auth ?? {}), headers: {} });
      if (!given || given.cancel) throw new Errors.UserCanceledError();
      auth = given;
      asked = true;
      continue;
    }
    if (res.statusCode !== 200) throw new Errors.HttpError(res.statusCode, res.statusMessage, body.toString('utf8'));
    const lines = parsePktLines(body);
    const first = lines.findIndex((l) => l !== null);
    if (first < 0 || lines[first]!.toString('utf8').replace(/\n$/, '') !== '# service=git-receive-pack') {
      throw new Errors.SmartHttpError(body.subarray(0, 200).toString('utf8'), body.toString('utf8'));
    }
    const refs = new Map<string, string>();
    const capabilities = new Set<string>();
    for (const line of lines.slice(first + 1)) {
      if (line === null) continue;
      let text = line.toString('utf8').replace(/\n$/, '');
      const nul = text.indexOf('\0');
      if (nul >= 0) {
        for (const c of text.slice(nul + 1).split(' ')) if (c) capabilities.add(c);
        text = text.slice(0, nul);
      }
      const [oid, name] = text.split(' ');
      if (oid && name && name !== 'capabilities^{}') refs.set(name, oid);
    }
    return { refs, capabilities, auth };
  }
}

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
  const ad = await discover(req);
  const current = ad.refs.get(req.ref) ?? null;
  if (current !== req.oldOid) throw new Errors.PushRejectedError('not-fast-forward');
  const sideBand = ad.capabilities.has('side-band-64k');
  const caps = ['report-status', ...(sideBand ? ['side-band-64k'] : []), `agent=${AGENT}`].filter((c) => c.startsWith('agent=') || ad.capabilities.has(c));
  const command = pktLine(`${req.oldOid ?? ZERO} ${req.newOid} ${req.ref}\0${caps.join(' ')}\n`);
  const body = Buffer.concat([command, Buffer.from('0000', 'latin1'), req.pack]);
  const res = await http.request({
    url: `${req.url}/git-receive-pack`,
    method: 'POST',
    headers: {
      'user-agent': AGENT,
      'content-type': 'application/x-git-receive-pack-request',
      accept: 'application/x-git-receive-pack-result',
      ...authHeaders(ad.auth),
    },
    // An array is sent as one buffer with a Content-Length (a stream would be chunked).
    body: [body] as unknown as AsyncIterableIterator<Uint8Array>,
  });
  const answer = await readAll(res.body);
  if (res.statusCode !== 200) throw new Errors.HttpError(res.statusCode, res.statusMessage, answer.toString('utf8'));
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
