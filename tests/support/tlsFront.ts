import fs from 'node:fs';
import net, { type AddressInfo, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { selfSignedCert } from './countingServer';

export interface TlsFront {
  port: number;
  /** https://localhost:<port><path> */
  url(path: string): string;
  /** The self-signed certificate, for NODE_EXTRA_CA_CERTS. */
  caFile: string;
  close(): Promise<void>;
}

/**
 * TLS in front of a plain HTTP server on 127.0.0.1, with a self-signed
 * certificate for "localhost" made by openssl: real TLS for tests of https
 * remotes, proxies (CONNECT) and certificate trust.
 */
export async function startTlsFront(upstreamPort: number): Promise<TlsFront> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-tls-'));
  const { key, cert, certFile } = selfSignedCert(dir);
  const sockets = new Set<Socket>();
  const server = tls.createServer({ key, cert }, (client) => {
    const upstream = net.connect({ host: '127.0.0.1', port: upstreamPort });
    client.pipe(upstream);
    upstream.pipe(client);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (p) => `https://localhost:${port}${p.startsWith('/') ? p : `/${p}`}`,
    caFile: certFile,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => {
          fs.rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
