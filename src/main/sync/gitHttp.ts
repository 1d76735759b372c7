import nodeHttp, { type IncomingMessage } from 'node:http';
import nodeHttps from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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

/** POSTs a service request (sent as one buffer, with a Content-Length); a non-200 answer becomes isomorphic-git's HttpError. */
export async function post(url: string, service: GitService, body: readonly Buffer[], auth: GitAuth | undefined): Promise<Buffer> {
  const res = await http.request({
    url: `${url}/${service}`,
    method: 'POST',
    headers: { 'user-agent': AGENT, 'content-type': `application/x-${service}-request`, accept: `application/x-${service}-result`, ...authHeaders(auth) },
    // An array is sent as one buffer with a Content-Length (isomorphic-git's client; an iterator would be chunked).
    body: body as unknown as AsyncIterableIterator<Uint8Array>,
  });
  const answer = await readAll(res.body);
  if (res.statusCode !== 200) throw new Errors.HttpError(res.statusCode, res.statusMessage, answer.toString('utf8'));
  return answer;
}

/** Pieces joined into writes of about 64 KB (one per object would be thousands of tiny chunked writes). */
function* joined(pieces: readonly Buffer[]): Generator<Buffer> {
  let group: Buffer[] = [];
  let size = 0;
  for (const p of pieces) {
    group.push(p);
    size += p.length;
    if (size >= 65536) {
      yield Buffer.concat(group, size);
      group = [];
      size = 0;
    }
  }
  if (size) yield Buffer.concat(group, size);
}

async function readStream(res: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of res) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * POSTs a large request body as a chunked stream that waits for the
 * network: a piece is joined and written only when the socket takes more,
 * so the body is never copied whole into memory (isomorphic-git's client
 * writes an async body into a stream without waiting, queuing a copy of
 * all of it: 25 MB more for a first publish of 10,000 documents). Node's
 * own client, as isomorphic-git's uses underneath; a non-200 answer is
 * isomorphic-git's HttpError, as with post().
 */
export async function postStream(url: string, service: GitService, pieces: readonly Buffer[], auth: GitAuth | undefined): Promise<Buffer> {
  const target = new URL(`${url}/${service}`);
  const client = target.protocol === 'https:' ? nodeHttps : target.protocol === 'http:' ? nodeHttp : null;
  if (!client) throw new Errors.UnknownTransportError(url, target.protocol.replace(/:$/, ''));
  const req = client.request(target, {
    method: 'POST',
    // A connection of its own, closed after: a body cut short must never leave a half-read request on a pooled socket.
    agent: false,
    headers: { 'user-agent': AGENT, 'content-type': `application/x-${service}-request`, accept: `application/x-${service}-result`, ...authHeaders(auth) },
  });
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    req.once('response', resolve);
    req.once('error', reject);
  });
  const sent = pipeline(Readable.from(joined(pieces)), req).catch(() => undefined);
  const res = await answered;
  req.on('error', () => undefined);
  // A server may answer before it has read everything (a refusal): its answer is what counts, and the rest is not sent.
  const answer = await readStream(res);
  if (!req.writableFinished) req.destroy();
  await sent;
  if (res.statusCode !== 200) throw new Errors.HttpError(res.statusCode ?? 0, res.statusMessage ?? '', answer.toString('utf8'));
  return answer;
}
