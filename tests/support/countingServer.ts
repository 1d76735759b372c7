import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** A self-signed certificate for 127.0.0.1 and localhost, made by openssl in `dir`: real TLS for tests. */
export function selfSignedCert(dir: string): { key: Buffer; cert: Buffer; certFile: string } {
  const key = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', certFile, '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
  return { key: fs.readFileSync(key), cert: fs.readFileSync(certFile), certFile };
}

/** A local server that answers every request the same way and counts what it was asked for. */
export interface CountingServer {
  url: string;
  hits: string[];
  close(): Promise<void>;
}

export interface CountingAnswer {
  contentType: string;
  body: Buffer | string;
  headers?: Record<string, string>;
}

/** Serves `answer` over plain HTTP, or over real TLS when given a certificate (selfSignedCert). */
export function startCountingServer(answer: CountingAnswer, tls?: { key: Buffer; cert: Buffer }): Promise<CountingServer> {
  const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }) : http.createServer();
  const hits: string[] = [];
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': answer.contentType, ...answer.headers });
    res.end(answer.body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`, hits, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}
