import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the proxy does with one request. */
export type Fault = { status: number; body?: string; headers?: Record<string, string> } | 'drop' | 'pass';

export interface FaultRequest {
  method: string;
  path: string;
  /** git-upload-pack (fetch) or git-receive-pack (push), from the path or ?service=. */
  service: 'git-upload-pack' | 'git-receive-pack' | null;
}

export interface FaultProxy {
  port: number;
  /** The proxy's URL for a path of the upstream server, e.g. url('/team.git'). */
  url(path: string): string;
  /** Decides per request; 'pass' forwards it unchanged. */
  setFault(decide: ((req: FaultRequest) => Fault) | null): void;
  /** Requests seen, with what was done to them. */
  log: (FaultRequest & { fault: string })[];
  close(): Promise<void>;
}

function serviceOf(url: URL): FaultRequest['service'] {
  const s = url.searchParams.get('service') ?? url.pathname.split('/').pop();
  return s === 'git-upload-pack' || s === 'git-receive-pack' ? s : null;
}

/**
 * A small HTTP proxy on 127.0.0.1 in front of the test git server that can
 * answer a chosen request with an error status (500, 401, 503...) or cut it,
 * so sync tests can fail any step of a fetch or a push on purpose.
 */
export async function startFaultProxy(upstreamPort: number): Promise<FaultProxy> {
  let decide: ((req: FaultRequest) => Fault) | null = null;
  const log: FaultProxy['log'] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const info: FaultRequest = { method: req.method ?? 'GET', path: url.pathname, service: serviceOf(url) };
    const fault = decide?.(info) ?? 'pass';
    log.push({ ...info, fault: typeof fault === 'string' ? fault : String(fault.status) });
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault !== 'pass') {
      res.writeHead(fault.status, { 'content-type': 'text/plain', ...fault.headers });
      res.end(fault.body ?? `injected ${fault.status}\n`);
      req.resume();
      return;
    }
    const upstream = http.request({ host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
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
    setFault: (d) => void (decide = d),
    log,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
