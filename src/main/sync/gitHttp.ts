import { Errors, type AuthCallback, type GitAuth } from 'isomorphic-git';
import http from 'isomorphic-git/http/node';

/**
 * The parts of git's smart-HTTP protocol (v1) that the fetch and the push
 * share: pkt-lines, reference discovery, authentication. Requests go through
 * isomorphic-git's own HTTP client and errors are isomorphic-git's, so
 * describeGitError reads them as before.
 */
export const AGENT = 'designdesk-sync';

export type GitService = 'git-upload-pack' | 'git-receive-pack';

export function pktLine(text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  return Buffer.concat([Buffer.from((body.length + 4).toString(16).padStart(4, '0'), 'latin1'), body]);
}

export const FLUSH = Buffer.from('0000', 'latin1');

/** Splits pkt-lines: a Buffer per data line, null for a flush packet. */
export function parsePktLines(data: Buffer): (Buffer | null)[] {
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

export async function readAll(body: AsyncIterableIterator<Uint8Array> | undefined): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

export function authHeaders(auth: GitAuth | undefined): Record<string, string> {
  const headers: Record<string, string> = { ...(auth?.headers ?? {}) };
  if (auth && (auth.username || auth.password)) headers.Authorization = `Basic ${Buffer.from(`${auth.username ?? ''}:${auth.password ?? ''}`).toString('base64')}`;
  return headers;
}

export interface Advertisement {
  refs: Map<string, string>;
  capabilities: Set<string>;
  /** The credentials that worked (undefined: none were needed). */
  auth: GitAuth | undefined;
}

/**
 * GET info/refs for a service. Sends `auth` up front when given; on a 401
 * asks onAuth once and retries, and a second 401 cancels (as isomorphic-git
 * does with the onAuthFailure the sync gives it).
 */
export async function discover(url: string, service: GitService, onAuth: AuthCallback | undefined, known: GitAuth | undefined): Promise<Advertisement> {
  let auth = known;
  let asked = false;
  for (;;) {
    const res = await http.request({ url: `${url}/info/refs?service=${service}`, method: 'GET', headers: { 'user-agent': AGENT, ...authHeaders(auth) } });
    const body = await readAll(res.body);
    if (res.statusCode === 401 || res.statusCode === 203) {
      if (asked) throw new Errors.UserCanceledError();
      if (!onAuth) throw new Errors.HttpError(res.statusCode, res.statusMessage, body.toString('utf8'));
      const given = await onAuth(url, { ...(auth ?? {}), headers: {} });
      if (!given || given.cancel) throw new Errors.UserCanceledError();
      auth = given;
      asked = true;
      continue;
    }
    if (res.statusCode !== 200) throw new Errors.HttpError(res.statusCode, res.statusMessage, body.toString('utf8'));
    const lines = parsePktLines(body);
    const first = lines.findIndex((l) => l !== null);
    if (first < 0 || lines[first]!.toString('utf8').replace(/\n$/, '') !== `# service=${service}`) {
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

/** POSTs a service request; a non-200 answer becomes isomorphic-git's HttpError. */
export async function post(url: string, service: GitService, body: AsyncIterableIterator<Uint8Array> | readonly Buffer[], auth: GitAuth | undefined): Promise<Buffer> {
  const res = await http.request({
    url: `${url}/${service}`,
    method: 'POST',
    headers: { 'user-agent': AGENT, 'content-type': `application/x-${service}-request`, accept: `application/x-${service}-result`, ...authHeaders(auth) },
    body: body as AsyncIterableIterator<Uint8Array>,
  });
  const answer = await readAll(res.body);
  if (res.statusCode !== 200) throw new Errors.HttpError(res.statusCode, res.statusMessage, answer.toString('utf8'));
  return answer;
}
