import nodeHttp, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import net from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tls from 'node:tls';
import { Errors } from 'isomorphic-git';
import { cancelled, GitTransportError } from './gitErrors';
import { proxyFor } from './httpProxy';

/**
 * The HTTP client of the sync: one connection per request (a body cut
 * short never leaves a half-read request on a pooled socket), direct or
 * through a proxy, with a connect deadline, a stall deadline, a size limit
 * on every answer, redirects followed like git, and an AbortSignal that
 * stops it at any point. Values and reasons: docs/reliability.md.
 */
export interface TransportLimits {
  /** DNS, TCP, proxy tunnel and TLS together must be done within this. */
  connectTimeoutMs: number;
  /** A request fails when fewer than stallMinBytes move (either way) in one window of this length. */
  stallWindowMs: number;
  stallMinBytes: number;
  /** Redirects followed per request. */
  maxRedirects: number;
  /** When set, caps every answer below its own limit (tests use it to show the limit without sending 256 MB). */
  maxAnswerBytes?: number | undefined;
}

export const DEFAULT_LIMITS: Readonly<TransportLimits> = {
  connectTimeoutMs: 30_000,
  stallWindowMs: 60_000,
  stallMinBytes: 1024,
  maxRedirects: 10,
};

let defaults: TransportLimits = { ...DEFAULT_LIMITS };

/** Changes the limits every later request uses (tests shorten the deadlines); returns a function that puts the old ones back. */
export function configureTransport(limits: Partial<TransportLimits>): () => void {
  const before = defaults;
  defaults = { ...defaults, ...limits };
  return () => {
    defaults = before;
  };
}

let extraCertificates: string[] | null = null;

/**
 * Adds certificates (PEM) to those TLS trusts for the sync, beside Node's
 * bundled authorities and NODE_EXTRA_CA_CERTS: the Electron shell can feed
 * the system store here; null removes them.
 */
export function setTrustedCertificates(pems: readonly string[] | null): void {
  extraCertificates = pems && pems.length ? [...tls.rootCertificates, ...pems] : null;
}

function tlsOptions(host: string): tls.ConnectionOptions {
  return { servername: net.isIP(host) ? undefined : host, ALPNProtocols: ['http/1.1'], ...(extraCertificates ? { ca: extraCertificates } : {}) };
}

export interface HttpRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** The body: sent as one buffer with a Content-Length, or with `stream`, chunked as the socket takes it. */
  body?: readonly Buffer[];
  stream?: boolean;
  /** The largest answer accepted, and what it is (for the error). */
  maxResponseBytes: number;
  what: string;
  signal?: AbortSignal | undefined;
  /** Each chunk of a 200 answer's body as it arrives; the body is then not kept (the caller keeps what it needs). */
  onChunk?: ((chunk: Buffer) => void) | undefined;
  limits?: Partial<TransportLimits> | undefined;
}

export interface HttpResponse {
  /** The URL that answered (after redirects). */
  url: string;
  statusCode: number;
  statusMessage: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The redirects followed, in order. */
  redirects: string[];
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

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

function mb(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/**
 * Sends a request and reads the whole answer (within its limit), following
 * redirects: GET on any of 301/302/303/307/308, POST (re-sent whole) on
 * 307/308. Credentials are dropped when a redirect leaves the origin, and
 * a redirect from https to http is refused.
 */
export async function httpRequest(req: HttpRequest): Promise<HttpResponse> {
  const limits = { ...defaults, ...req.limits };
  if (limits.maxAnswerBytes !== undefined) req = { ...req, maxResponseBytes: Math.min(req.maxResponseBytes, limits.maxAnswerBytes) };
  let url = new URL(req.url);
  let headers = { ...req.headers };
  const redirects: string[] = [];
  for (;;) {
    const res = await exchange(url, { ...req, headers }, limits);
    const location = res.headers.location;
    if (!REDIRECTS.has(res.statusCode) || !location) return { ...res, url: url.href, redirects };
    if (req.method === 'POST' && res.statusCode !== 307 && res.statusCode !== 308) {
      throw new GitTransportError('redirect', `the server redirected an upload to ${location} with HTTP ${res.statusCode}, which turns it into a GET; only 307 and 308 keep an upload`);
    }
    if (redirects.length >= limits.maxRedirects) throw new GitTransportError('redirect', `more than ${limits.maxRedirects} redirects`);
    const next = new URL(location, url);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new GitTransportError('redirect', `a redirect to a ${next.protocol} URL`);
    if (url.protocol === 'https:' && next.protocol === 'http:') throw new GitTransportError('redirect', `a redirect from https to http (${next.host}), which would send the rest unencrypted`);
    if (next.origin !== url.origin) {
      headers = Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'));
    }
    redirects.push(next.href);
    url = next;
  }
}

interface Exchange {
  statusCode: number;
  statusMessage: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One request on a connection of its own. */
async function exchange(url: URL, req: HttpRequest, limits: TransportLimits): Promise<Exchange> {
  if (req.signal?.aborted) throw cancelled();
  const proxy = await proxyFor(url);
  const { socket, absoluteUri } = await openSocket(url, proxy, limits, req.signal);
  return new Promise<Exchange>((resolve, reject) => {
    let done = false;
    let headersIn = false;
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error: unknown, value?: Exchange): void => {
      if (done) return;
      done = true;
      clearInterval(watchdog);
      req.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      if (error) reject(error);
      else resolve(value!);
    };
    const onAbort = (): void => finish(cancelled());
    req.signal?.addEventListener('abort', onAbort, { once: true });

    // The stall deadline: bytes moved either way, counted per window.
    let moved = 0;
    const watchdog = setInterval(() => {
      const now = socket.bytesRead + socket.bytesWritten;
      if (now - moved < limits.stallMinBytes) finish(new GitTransportError('stalled', `fewer than ${limits.stallMinBytes} bytes moved in ${limits.stallWindowMs / 1000} s`, { windowMs: limits.stallWindowMs }));
      moved = now;
    }, limits.stallWindowMs);

    const body = req.body ?? [];
    const length = body.reduce((n, b) => n + b.length, 0);
    const headers: Record<string, string> = { host: url.host, ...req.headers, ...(absoluteUri && proxy ? proxyAuthorization(proxy) : {}) };
    if (req.method === 'POST' && !req.stream) headers['content-length'] = String(length);
    const request = nodeHttp.request({
      method: req.method,
      path: absoluteUri ? url.href : `${url.pathname}${url.search}`,
      headers,
      createConnection: () => socket,
    });
    request.on('error', (e) => finish(headersIn ? new GitTransportError('truncated', `the connection broke (${(e as NodeJS.ErrnoException).code ?? e.message})`) : e));
    request.on('response', (res: IncomingMessage) => {
      headersIn = true;
      const ok = res.statusCode === 200;
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (declared > req.maxResponseBytes) return finish(new GitTransportError('too-large', `${req.what} would be ${mb(declared)}, over the limit of ${mb(req.maxResponseBytes)}`, { limit: req.maxResponseBytes }));
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > req.maxResponseBytes) return finish(new GitTransportError('too-large', `${req.what} is over the limit of ${mb(req.maxResponseBytes)}`, { limit: req.maxResponseBytes }));
        if (!(ok && req.onChunk)) chunks.push(chunk);
        else {
          try {
            req.onChunk(chunk);
          } catch (e) {
            finish(e);
          }
        }
      });
      res.on('aborted', () => finish(new GitTransportError('truncated', `the connection closed after ${size} bytes of ${req.what}`)));
      res.on('error', () => finish(new GitTransportError('truncated', `the connection broke after ${size} bytes of ${req.what}`)));
      res.on('end', () => {
        if (!res.complete) return finish(new GitTransportError('truncated', `the connection closed after ${size} bytes of ${req.what}`));
        finish(null, { statusCode: res.statusCode ?? 0, statusMessage: res.statusMessage ?? '', headers: res.headers, body: Buffer.concat(chunks) });
      });
    });
    if (req.method !== 'POST') request.end();
    else if (!req.stream) request.end(Buffer.concat(body as Buffer[], length));
    // A server may answer before it has read everything (a refusal): its answer is what counts, and the rest is not sent.
    else pipeline(Readable.from(joined(body)), request).catch(() => undefined);
  });
}

function proxyAuthorization(proxy: URL): Record<string, string> {
  if (!proxy.username && !proxy.password) return {};
  const user = decodeURIComponent(proxy.username);
  const pass = decodeURIComponent(proxy.password);
  return { 'proxy-authorization': `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}` };
}

function portOf(url: URL): number {
  return Number(url.port || (url.protocol === 'https:' ? 443 : 80));
}

/**
 * A connected socket for `url` (TLS for https), direct or through `proxy`:
 * an http target through a proxy is asked for with its absolute URI, an
 * https one through a CONNECT tunnel. All of it within the connect deadline.
 */
async function openSocket(url: URL, proxy: URL | null, limits: TransportLimits, signal: AbortSignal | undefined): Promise<{ socket: net.Socket; absoluteUri: boolean }> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Errors.UnknownTransportError(url.href, url.protocol.replace(/:$/, ''));
  if (proxy && proxy.protocol !== 'http:' && proxy.protocol !== 'https:') throw new GitTransportError('proxy', `a ${proxy.protocol.replace(/:$/, '')} proxy (${proxy.host}); DesignDesk uses HTTP(S) proxies only`);
  const sockets: net.Socket[] = [];
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new GitTransportError('connect-timeout', `no connection within ${limits.connectTimeoutMs / 1000} s${proxy ? ` (through the proxy ${proxy.host})` : ''}`)), limits.connectTimeoutMs);
    onAbort = () => reject(cancelled());
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  const track = <T extends net.Socket>(s: T): T => (sockets.push(s), s);
  try {
    const work = (async () => {
      if (!proxy) return { socket: await connected(track(connectTo(url))), absoluteUri: false };
      const toProxy = await connected(track(connectTo(proxy)));
      if (url.protocol === 'http:') return { socket: toProxy, absoluteUri: true };
      await tunnel(toProxy, url, proxy);
      return { socket: await connected(track(tls.connect({ socket: toProxy, ...tlsOptions(url.hostname) }))), absoluteUri: false };
    })();
    return await Promise.race([work, stop]);
  } catch (e) {
    for (const s of sockets) s.destroy();
    throw e;
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}

function connectTo(target: URL): net.Socket {
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const port = portOf(target);
  if (target.protocol === 'https:') return tls.connect({ host, port, ...tlsOptions(host) });
  return net.connect({ host, port });
}

/** Resolves once the socket is connected (and its TLS handshake done). */
function connected(socket: net.Socket): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const event = socket instanceof tls.TLSSocket ? 'secureConnect' : 'connect';
    socket.once(event, () => {
      socket.off('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** Asks an HTTP proxy for a CONNECT tunnel to the target, reading its answer head (at most 16 KB). */
function tunnel(socket: net.Socket, target: URL, proxy: URL): Promise<void> {
  const authority = `${target.hostname}:${portOf(target)}`;
  const auth = proxyAuthorization(proxy)['proxy-authorization'];
  socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n${auth ? `Proxy-Authorization: ${auth}\r\n` : ''}\r\n`);
  return new Promise((resolve, reject) => {
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        if (head.length > 16384) fail(new GitTransportError('proxy', 'its answer to CONNECT has no end'));
        return;
      }
      socket.off('data', onData);
      socket.off('error', fail);
      socket.off('end', onEnd);
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(head.toString('latin1', 0, 32));
      if (status?.[1] !== '200') return fail(new GitTransportError('proxy', `it answered the tunnel request with "${head.toString('latin1', 0, Math.min(end, 80)).split('\r\n')[0]!.replace(/[^\x20-\x7e]/g, '?')}"`, { proxyStatus: Number(status?.[1] ?? 0) }));
      // Bytes after the head belong to the tunnel (there should be none before we speak).
      socket.pause();
      if (end + 4 < head.length) socket.unshift(head.subarray(end + 4));
      resolve();
    };
    const fail = (e: Error): void => {
      socket.off('data', onData);
      reject(e);
    };
    const onEnd = (): void => fail(new GitTransportError('proxy', 'it closed the connection instead of opening the tunnel'));
    socket.on('data', onData);
    socket.once('error', fail);
    socket.once('end', onEnd);
  });
}

/** A non-200 answer as isomorphic-git's HttpError (describeGitError reads 401/403/404 from it). */
export function httpError(res: Pick<HttpResponse, 'statusCode' | 'statusMessage' | 'body'>): Error {
  return new Errors.HttpError(res.statusCode, res.statusMessage, res.body.subarray(0, 2000).toString('utf8'));
}
