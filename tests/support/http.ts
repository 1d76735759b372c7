import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  port: number;
  method?: string;
  /** Sent byte for byte: no normalisation of "..", unlike fetch. */
  path: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer | Buffer[];
  /** Connect here instead of 127.0.0.1. */
  address?: string;
}

/**
 * One HTTP/1.1 request with full control over path and headers (Host,
 * Origin). A body given as several buffers is sent chunked. Resolves with
 * the response even when the server cuts the upload short after answering.
 */
export function rawRequest(r: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(
      { host: r.address ?? '127.0.0.1', port: r.port, method: r.method ?? 'GET', path: r.path, headers: r.headers, agent: false },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    if (Array.isArray(r.body)) {
      const parts = [...r.body];
      const pump = (): void => {
        while (parts.length) {
          if (req.destroyed) return;
          if (!req.write(parts.shift()!)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    } else {
      req.end(r.body);
    }
  });
}

/** A POST to the web host's API with the JSON headers the renderer sends. */
export function apiRequest(port: number, channel: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return rawRequest({
    port,
    method: 'POST',
    path: `/api/${channel}`,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers },
    body: text,
  });
}
