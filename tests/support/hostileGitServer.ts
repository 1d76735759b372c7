import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What a request to the hostile server is about. */
export interface HostileRequest {
  method: string;
  /** Path below the server root, e.g. "/team.git/info/refs". */
  path: string;
  service: 'git-upload-pack' | 'git-receive-pack' | null;
  headers: http.IncomingHttpHeaders;
}

export interface Upstream {
  /** Sends the request on to the real git server (with extra headers), and resolves with its whole answer. */
  (headers?: Record<string, string>, path?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer; sent: Buffer }>;
}

/**
 * Decides one request: answer it itself through `res` (and return
 * nothing), or return 'pass' to forward it unchanged to the real server.
 * `upstream` forwards it and hands back the real answer, to be bent.
 */
export type Behaviour = (req: HostileRequest, res: http.ServerResponse, upstream: Upstream, raw: http.IncomingMessage) => 'pass' | void | Promise<'pass' | void>;

export interface HostileGitServer {
  port: number;
  url(path: string): string;
  setBehaviour(b: Behaviour | null): void;
  /** Every request seen (method + path). */
  log: string[];
  close(): Promise<void>;
}

function serviceOf(url: URL): HostileRequest['service'] {
  const s = url.searchParams.get('service') ?? url.pathname.split('/').pop();
  return s === 'git-upload-pack' || s === 'git-receive-pack' ? s : null;
}

/**
 * A small Node server in front of the real `git http-backend` test server
 * (tests/support/gitServer.ts) that can misbehave the way hosts do: send an
 * ERR line, cut or corrupt an answer, trickle, never end, redirect, answer
 * 413, speak only protocol v2. Requests it does not bend reach real git.
 */
export async function startHostileGitServer(upstreamPort: number): Promise<HostileGitServer> {
  let behaviour: Behaviour | null = null;
  const log: string[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const info: HostileRequest = { method: req.method ?? 'GET', path: url.pathname, service: serviceOf(url), headers: req.headers };
    log.push(`${info.method} ${url.pathname}${url.search}`);
    let body: Promise<Buffer> | null = null;
    const readBody = (): Promise<Buffer> =>
      (body ??= new Promise((resolve) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => resolve(Buffer.concat(chunks)));
      }));
    const upstream: Upstream = async (headers = {}, path) => {
      const sent = await readBody();
      return new Promise((resolve, reject) => {
        const { 'transfer-encoding': _te, ...rest } = req.headers;
        const up = http.request({ host: '127.0.0.1', port: upstreamPort, method: req.method, path: path ?? req.url, headers: { ...rest, 'content-length': String(sent.length), ...headers } }, (r) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => resolve({ status: r.statusCode ?? 502, headers: r.headers, body: Buffer.concat(chunks), sent }));
        });
        up.on('error', reject);
        up.end(sent);
      });
    };
    void Promise.resolve(behaviour ? behaviour(info, res, upstream, req) : 'pass').then(async (verdict) => {
      if (verdict !== 'pass') return;
      const r = await upstream();
      const { 'transfer-encoding': _te, 'content-length': _cl, ...headers } = r.headers;
      res.writeHead(r.status, headers);
      res.end(r.body);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (p) => `http://127.0.0.1:${port}${p.startsWith('/') ? p : `/${p}`}`,
    setBehaviour: (b) => void (behaviour = b),
    log,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
