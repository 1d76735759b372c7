import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app';
import { DEFAULT_RATE_LIMIT, createRateLimiter, type RateLimitOptions } from '../../src/main/web/rateLimit';
import { TOKEN_HEADER, startWebHost, type WebHost } from '../../src/main/web/webHost';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { apiRequest, rawRequest, type RawResponse } from '../support/http';
import { requireRenderer } from '../support/renderer';

// What tests/integration/webHost.test.ts does not cover: the rate limit, the
// absence of CORS, constant-time token comparison, and requests that used to
// crash the host (malformed escapes, NUL) or might (random raw requests).

let dir: string;
let app: App;
const hosts: WebHost[] = [];
let clock = 0;

async function host(rateLimit: RateLimitOptions = { ...DEFAULT_RATE_LIMIT, now: () => clock }): Promise<WebHost> {
  const h = await startWebHost({ dispatch: app.dispatch, staticDir: requireRenderer(), rateLimit });
  hosts.push(h);
  return h;
}

const codeOf = (r: RawResponse): string => (JSON.parse(r.body) as { error: { code: string } }).error.code;
const accessControlHeaders = (r: RawResponse): string[] => Object.keys(r.headers).filter((h) => h.startsWith('access-control-'));

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-webhost-hard-'));
  app = createApp({ workspaceDir: dir, bridge: 'web', version: 'test', fallbackIdentity: () => ({ name: 'Ada', email: 'ada@example.test' }) });
});

afterAll(async () => {
  for (const h of hosts) await h.close();
  app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('rate limit (token buckets per client address)', () => {
  it('uses 100/s burst 200 without the token and a 5000/s burst 10000 backstop with it', () => {
    expect(DEFAULT_RATE_LIMIT.anonymous).toEqual({ perSecond: 100, burst: 200 });
    expect(DEFAULT_RATE_LIMIT.session).toEqual({ perSecond: 5000, burst: 10_000 });
  });

  it('answers 429 RATE_LIMITED with Retry-After and the CSP once the anonymous burst is spent, and refills with time', async () => {
    clock = 0;
    const h = await host();
    const statuses: number[] = [];
    for (let i = 0; i < 201; i++) statuses.push((await rawRequest({ port: h.port, path: '/', headers: { host: `127.0.0.1:${h.port}` } })).status);
    expect(statuses.slice(0, 200).every((s) => s === 200)).toBe(true);
    const limited = await rawRequest({ port: h.port, path: '/' });
    expect(statuses[200]).toBe(429);
    expect(limited.status).toBe(429);
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    // Wrong tokens draw from the same anonymous bucket: guessing gets no extra tries.
    expect((await apiRequest(h.port, 'app:info', {}, { [TOKEN_HEADER]: 'guess' })).status).toBe(429);
    // The app itself (valid token) has its own bucket and keeps working meanwhile.
    const own = await apiRequest(h.port, 'app:info', {}, { [TOKEN_HEADER]: h.token });
    expect(own.status).toBe(200);
    clock += 1000; // one second: 100 more
    for (let i = 0; i < 100; i++) expect((await rawRequest({ port: h.port, path: '/' })).status).toBe(200);
    expect((await rawRequest({ port: h.port, path: '/' })).status).toBe(429);
  });

  it('limits a runaway client holding the token too, without touching the anonymous bucket', async () => {
    clock = 0;
    const h = await host({ session: { perSecond: 10, burst: 20 }, anonymous: { perSecond: 1, burst: 5 }, now: () => clock });
    const auth = { [TOKEN_HEADER]: h.token };
    const results = [];
    for (let i = 0; i < 21; i++) results.push((await apiRequest(h.port, 'docs:list', {}, auth)).status);
    expect(results.filter((s) => s === 200)).toHaveLength(20);
    expect(results[20]).toBe(429);
    expect((await rawRequest({ port: h.port, path: '/' })).status).toBe(200);
  });

  it('keeps a bounded number of buckets, forgetting the idlest first', () => {
    let t = 0;
    const limiter = createRateLimiter({ session: { perSecond: 1, burst: 1 }, anonymous: { perSecond: 1, burst: 1 }, now: () => t, maxBuckets: 3 });
    expect(limiter.take('a', false)).toBe(true);
    expect(limiter.take('a', false)).toBe(false);
    for (const c of ['b', 'c', 'd']) limiter.take(c, false); // 'a' is the idlest and is dropped
    expect(limiter.take('a', false)).toBe(true);
    t += 500;
    expect(limiter.retryAfter('d', false)).toBe(1);
  });
});

describe('no CORS, ever', () => {
  it('sends no Access-Control-* header on preflights, cross-origin or same-origin calls, files or errors', async () => {
    const h = await host({ ...DEFAULT_RATE_LIMIT });
    const self = `http://127.0.0.1:${h.port}`;
    const preflight = { 'access-control-request-method': 'POST', 'access-control-request-headers': `content-type,${TOKEN_HEADER}` };
    const responses: [string, RawResponse][] = [
      ['preflight from evil', await rawRequest({ port: h.port, method: 'OPTIONS', path: '/api/docs:create', headers: { origin: 'https://evil.example', ...preflight } })],
      ['preflight from self', await rawRequest({ port: h.port, method: 'OPTIONS', path: '/api/docs:create', headers: { origin: self, ...preflight } })],
      ['preflight on a file', await rawRequest({ port: h.port, method: 'OPTIONS', path: '/', headers: { origin: 'null', ...preflight } })],
      ['api from evil', await apiRequest(h.port, 'app:info', {}, { [TOKEN_HEADER]: h.token, origin: 'https://evil.example' })],
      ['api from self', await apiRequest(h.port, 'app:info', {}, { [TOKEN_HEADER]: h.token, origin: self })],
      ['file from evil', await rawRequest({ port: h.port, path: '/', headers: { origin: 'https://evil.example' } })],
      ['file', await rawRequest({ port: h.port, path: '/' })],
      ['missing', await rawRequest({ port: h.port, path: '/nope.js' })],
    ];
    for (const [what, r] of responses) {
      expect(accessControlHeaders(r), what).toEqual([]);
      expect(r.headers['content-security-policy'], what).toBe(CONTENT_SECURITY_POLICY);
    }
    expect(responses[0]![1].status).toBe(403);
    expect(responses[1]![1].status).toBe(405);
    expect(responses[4]![1].status).toBe(200);
  });
});

describe('token comparison', () => {
  it('is constant-time: hashes both sides and compares with crypto.timingSafeEqual, never with ===', () => {
    const src = fs.readFileSync(path.resolve('src/main/web/webHost.ts'), 'utf8');
    expect(src).toMatch(/crypto\.timingSafeEqual\(/);
    expect(src).not.toMatch(/[!=]==?\s*token\b|\btoken\s*[!=]==?/);
    expect(src).toMatch(/tokensEqual\(given, token\)/);
  });
});

describe('requests that must never take the host down', () => {
  it('answers malformed escapes and NUL with 400 and keeps serving', async () => {
    const h = await host({ ...DEFAULT_RATE_LIMIT });
    for (const p of ['/%E0%A4%A', '/%', '/api/%ZZ', '/%00', '/assets/%00.js', '/api/docs%3Aget%00', '*', 'http://evil.example/']) {
      const r = await rawRequest({ port: h.port, path: p, method: p.startsWith('/api/') ? 'POST' : 'GET', headers: { [TOKEN_HEADER]: h.token, 'content-type': 'application/json' }, body: '{}' });
      expect(r.status, p).toBe(400);
      expect(codeOf(r), p).toBe('VALIDATION');
    }
    // "//" threw "Invalid URL" out of the request handler (a crash of `npm run web`); now it is a path like any other.
    for (const p of ['//', '//evil.example/index.html', '///']) expect((await rawRequest({ port: h.port, path: p })).status, p).toBe(404);
    expect((await rawRequest({ port: h.port, path: '/' })).status).toBe(200);
  });

  it('survives random raw requests: every one gets an answer, and the host still serves afterwards', async () => {
    const h = await host({ session: { perSecond: 1e6, burst: 1e6 }, anonymous: { perSecond: 1e6, burst: 1e6 } });
    const pathChar = fc.constantFrom('/', 'a', '.', '%', '%2e', '%2f', '%00', '%ZZ', '%E0', 'api', ':', '?', '#', '\\', '~', 'index.html', 'docs:get', '%3A', '%C0%AF');
    const rawPath = fc.array(pathChar, { maxLength: 12 }).map((p) => `/${p.join('')}`);
    const method = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH');
    const headerValue = fc.string({ maxLength: 30 }).map((s) => s.replace(/[^\x20-\x7e]/g, ''));
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(rawPath, method, fc.option(headerValue), fc.option(headerValue), fc.boolean(), fc.string({ maxLength: 60 }), async (p, m, origin, ctype, withToken, body) => {
        const headers: Record<string, string> = {};
        if (origin !== null) headers.origin = origin;
        if (ctype !== null) headers['content-type'] = ctype;
        if (withToken) headers[TOKEN_HEADER] = h.token;
        const r = await rawRequest({ port: h.port, method: m, path: p, headers, body: m === 'GET' || m === 'HEAD' ? undefined : body });
        seen.add(r.status);
        expect([200, 400, 401, 403, 404, 405, 413, 415, 421]).toContain(r.status);
        expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
        expect(accessControlHeaders(r)).toEqual([]);
      }),
      { numRuns: 400 },
    );
    expect(seen.size).toBeGreaterThan(3);
    expect((await rawRequest({ port: h.port, path: '/' })).status).toBe(200);
  });
});
