import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import type { Dispatch } from '../api/dispatch';
import { createRateLimiter, DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rateLimit';

export const TOKEN_HEADER = 'x-designdesk-token';
/** Largest request body accepted (a 1M-character body in UTF-8 plus its JSON envelope). */
export const MAX_REQUEST_BYTES = 5 * 1024 * 1024;

export interface WebHostOptions {
  dispatch: Dispatch;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  /** Fixed token for tests; otherwise a fresh random one per launch. */
  token?: string;
  /** Token buckets per client address (see rateLimit.ts); DEFAULT_RATE_LIMIT when absent. */
  rateLimit?: RateLimitOptions;
}

export interface WebHost {
  url: string;
  /** The URL to open: carries the token in the fragment, which is never sent to a server. */
  openUrl: string;
  port: number;
  token: string;
  server: http.Server;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

function securityHeaders(res: http.ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

function refuse(res: http.ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

/**
 * The decoded path of a request target, or null when it is malformed: not
 * origin-form ("*", "http://..."), a bad escape, or a NUL. "//x" stays a
 * path here; parsed against a base it would throw or name another host.
 */
function requestPath(target: string | undefined): string | null {
  if (!target?.startsWith('/')) return null;
  try {
    const decoded = decodeURIComponent(new URL(`http://localhost${target}`).pathname);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

function tokensEqual(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

/**
 * Serves the renderer and the API contract on 127.0.0.1 only. Every API call
 * needs the per-launch token; Host and Origin are checked against the
 * loopback address (DNS rebinding), and request bodies are bounded.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const staticRoot = path.resolve(options.staticDir);
  let port = 0;
  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];
  const limiter = createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const hasToken = (req: http.IncomingMessage): boolean => {
    const given = req.headers[TOKEN_HEADER];
    return typeof given === 'string' && tokensEqual(given, token);
  };

  function route(req: http.IncomingMessage, res: http.ServerResponse): void {
    securityHeaders(res);
    const client = req.socket.remoteAddress ?? 'unknown';
    const authenticated = hasToken(req);
    if (!limiter.take(client, authenticated)) {
      res.setHeader('Retry-After', String(limiter.retryAfter(client, authenticated)));
      return refuse(res, 429, 'RATE_LIMITED', 'Too many requests. Wait a moment and try again.');
    }
    if (!allowedHosts().includes(req.headers.host ?? '')) return refuse(res, 421, 'FORBIDDEN', 'Unexpected Host header.');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().some((h) => origin === `http://${h}`)) {
      return refuse(res, 403, 'FORBIDDEN', 'Cross-origin requests are not allowed.');
    }
    const pathname = requestPath(req.url);
    if (pathname === null) return refuse(res, 400, 'VALIDATION', 'Malformed URL.');
    if (pathname.startsWith('/api/')) return handleApi(req, res, pathname.slice(5), authenticated);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'FORBIDDEN', 'Method not allowed.');
    return serveStatic(res, pathname);
  }

  const server = http.createServer((req, res) => {
    try {
      route(req, res);
    } catch {
      // A request must never take the host down; the answer stays an error as data.
      if (!res.headersSent) refuse(res, 500, 'INTERNAL', 'Internal error.');
      else res.destroy();
    }
  });

  function handleApi(req: http.IncomingMessage, res: http.ServerResponse, channel: string, authenticated: boolean): void {
    if (req.method !== 'POST') return refuse(res, 405, 'FORBIDDEN', 'API calls are POST.');
    if (!authenticated) {
      return refuse(res, 401, 'UNAUTHORIZED', 'Missing or wrong session token. Open the URL that `npm run web` printed.');
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return refuse(res, 415, 'VALIDATION', 'API calls send application/json.');
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_REQUEST_BYTES) return refuseTooLarge(req, res);
    const chunks: Buffer[] = [];
    let size = 0;
    let aborted = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_REQUEST_BYTES && !aborted) {
        aborted = true;
        chunks.length = 0;
        refuseTooLarge(req, res);
        return;
      }
      if (!aborted) chunks.push(c);
    });
    req.on('end', () => {
      if (aborted) return;
      let input: unknown;
      try {
        input = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      } catch {
        return refuse(res, 400, 'VALIDATION', 'The request body is not valid JSON.');
      }
      options.dispatch(channel, input).then(
        (result) => sendJson(res, 200, result),
        () => refuse(res, 500, 'INTERNAL', 'Internal error.'),
      );
    });
  }

  /**
   * 413, then the connection is closed. The rest of the upload is read and
   * dropped for a while first (at most another MAX_REQUEST_BYTES, 5 s):
   * closing with unread data makes the kernel reset the connection, and the
   * client would lose the answer.
   */
  function refuseTooLarge(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.setHeader('Connection', 'close');
    refuse(res, 413, 'TOO_LARGE', `Request larger than ${MAX_REQUEST_BYTES} bytes.`);
    let drained = 0;
    const cut = setTimeout(() => req.destroy(), 5000);
    cut.unref();
    req.on('data', (c: Buffer) => {
      drained += c.length;
      if (drained > MAX_REQUEST_BYTES) req.destroy();
    });
    req.on('close', () => clearTimeout(cut));
    req.resume();
  }

  /** `pathname` is already decoded and free of NUL. */
  function serveStatic(res: http.ServerResponse, pathname: string): void {
    const rel = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const file = path.resolve(staticRoot, rel);
    if (!file.startsWith(staticRoot + path.sep)) return refuse(res, 404, 'NOT_FOUND', 'Not found.');
    fs.readFile(file, (err, data) => {
      if (err) return refuse(res, 404, 'NOT_FOUND', 'Not found.');
      res.statusCode = 200;
      res.setHeader('Content-Type', MIME[path.extname(file)] ?? 'application/octet-stream');
      res.setHeader('Cache-Control', rel === 'index.html' ? 'no-cache' : 'public, max-age=31536000, immutable');
      res.end(data);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    openUrl: `${url}#token=${token}`,
    port,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
