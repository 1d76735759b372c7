import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface TrickleProxy {
  /** The proxy's URL for a path of the upstream server. */
  url(path: string): string;
  /** Which POST answers are dribbled out (the request still reaches the server whole); null: none. */
  trickle: 'git-upload-pack' | 'git-receive-pack' | null;
  /** How many answers have started to trickle. */
  trickling: number;
  close(): Promise<void>;
}

/**
 * A proxy on 127.0.0.1 in front of the test git server that passes the
 * request on whole, then sends the server's answer one byte every 300 ms,
 * as a server behind a failing link does: the sync sees a live connection
 * that never finishes.
 */
export async function startTrickleProxy(upstreamPort: number): Promise<TrickleProxy> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const proxy: TrickleProxy = { url: () => '', trickle: null, trickling: 0, close: async () => undefined };
  const server = http.createServer((req, res) => {
    const service = (req.url ?? '').split('?')[0]!.split('/').pop();
    const slow = req.method === 'POST' && service === proxy.trickle;
    const upstream = http.request({ host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers: req.headers }, (up) => {
      if (!slow) {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      up.on('data', (c: Buffer) => chunks.push(c));
      up.on('end', () => {
        proxy.trickling++;
        const headers = { ...up.headers };
        delete headers['content-length'];
        res.writeHead(up.statusCode ?? 502, headers);
        const body = Buffer.concat(chunks);
        let at = 0;
        const timer = setInterval(() => {
          if (at >= body.length || res.destroyed) {
            clearInterval(timer);
            timers.delete(timer);
            res.end();
            return;
          }
          res.write(body.subarray(at, ++at));
        }, 300);
        timers.add(timer);
      });
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
  proxy.url = (p) => `http://127.0.0.1:${port}${p.startsWith('/') ? p : `/${p}`}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      for (const t of timers) clearInterval(t);
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return proxy;
}
