import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app';
import { MAX_REQUEST_BYTES, TOKEN_HEADER, startWebHost, type WebHost } from '../../src/main/web/webHost';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { apiRequest, rawRequest, type RawResponse } from '../support/http';
import { requireRenderer } from '../support/renderer';

let dir: string;
let app: App;
let host: WebHost;
let port: number;
let auth: Record<string, string>;

const get = (p: string, headers: Record<string, string> = {}): Promise<RawResponse> => rawRequest({ port, path: p, headers });
const api = (channel: string, body: unknown, headers: Record<string, string> = auth): Promise<RawResponse> => apiRequest(port, channel, body, headers);
const docCount = (): number => (app.db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
const code = (r: RawResponse): string => (JSON.parse(r.body) as { error: { code: string } }).error.code;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-webhost-'));
  app = createApp({ workspaceDir: dir, bridge: 'web', version: 'test', fallbackIdentity: () => ({ name: 'Ada', email: 'ada@example.test' }) });
  host = await startWebHost({ dispatch: app.dispatch, staticDir: requireRenderer() });
  port = host.port;
  auth = { [TOKEN_HEADER]: host.token };
});

afterAll(async () => {
  await host?.close();
  app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('web host: where it listens', () => {
  it('binds 127.0.0.1 only, and its open URL carries a fresh token in the fragment', async () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4', port });
    expect(host.url).toBe(`http://127.0.0.1:${port}/`);
    expect(host.openUrl).toBe(`${host.url}#token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    const other = await startWebHost({ dispatch: app.dispatch, staticDir: requireRenderer() });
    expect(other.token).not.toBe(host.token);
    await other.close();
  });

  it('cannot be reached on any other address of this machine', async () => {
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((i) => i && i.address !== '127.0.0.1' && !i.address.startsWith('fe80'))
      .map((i) => i!.address);
    if (!others.includes('::1')) others.push('::1');
    for (const address of others) {
      const outcome = await new Promise<string>((resolve) => {
        const s = net.connect({ host: address, port, timeout: 2000 }, () => (s.destroy(), resolve('connected')));
        s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
        s.on('timeout', () => (s.destroy(), resolve('timeout')));
      });
      expect(outcome, address).not.toBe('connected');
    }
  });
});

describe('web host: API guard', () => {
  it('refuses a call without a token, or with a wrong one, with 401 and runs nothing', async () => {
    const before = docCount();
    const variants: Record<string, string>[] = [{}, { [TOKEN_HEADER]: '' }, { [TOKEN_HEADER]: `${host.token}x` }, { [TOKEN_HEADER]: host.token.toUpperCase() }, { authorization: `Bearer ${host.token}` }];
    for (const headers of variants) {
      const r = await api('docs:create', { kind: 'rfc' }, headers);
      expect(r.status, JSON.stringify(headers)).toBe(401);
      expect(code(r)).toBe('UNAUTHORIZED');
    }
    const inQuery = await rawRequest({ port, method: 'POST', path: `/api/docs:create?token=${host.token}`, headers: { 'content-type': 'application/json' }, body: '{"kind":"rfc"}' });
    expect(inQuery.status).toBe(401);
    expect(docCount()).toBe(before);
  });

  it('refuses a foreign Host header (DNS rebinding) for the API and for files', async () => {
    for (const h of ['evil.com', `evil.com:${port}`, `127.0.0.1:${port + 1}`, `localhost.evil.com:${port}`, `127.0.0.1.nip.io:${port}`]) {
      const r = await api('app:info', {}, { ...auth, host: h });
      expect(r.status, h).toBe(421);
      const page = await get('/', { host: h });
      expect(page.status, h).toBe(421);
      expect(page.body).not.toContain('<div id="root">');
    }
    expect((await get('/', { host: `localhost:${port}` })).status).toBe(200);
  });

  it('refuses a foreign Origin with 403, and accepts its own', async () => {
    const before = docCount();
    for (const origin of ['https://evil.com', `http://evil.com:${port}`, `http://127.0.0.1:${port + 1}`, `https://127.0.0.1:${port}`, 'null']) {
      const r = await api('docs:create', { kind: 'rfc' }, { ...auth, origin });
      expect(r.status, origin).toBe(403);
      expect(code(r)).toBe('FORBIDDEN');
    }
    expect(docCount()).toBe(before);
    expect((await api('app:info', {}, { ...auth, origin: `http://127.0.0.1:${port}` })).status).toBe(200);
  });

  it('refuses a body over MAX_REQUEST_BYTES with 413, declared or streamed', async () => {
    const before = docCount();
    const big = `{"kind":"rfc","title":"${'x'.repeat(MAX_REQUEST_BYTES)}"}`;
    const declared = await api('docs:create', big);
    expect(declared.status).toBe(413);
    expect(code(declared)).toBe('TOO_LARGE');
    const chunks = Array.from({ length: 6 }, () => Buffer.alloc(1024 * 1024, 0x20));
    const streamed = await rawRequest({ port, method: 'POST', path: '/api/docs:create', headers: { ...auth, 'content-type': 'application/json' }, body: chunks });
    expect(streamed.status).toBe(413);
    expect(docCount()).toBe(before);
  });

  it('refuses on the declared length alone, without waiting for the body', async () => {
    const headers = { ...auth, 'content-type': 'application/json', 'content-length': MAX_REQUEST_BYTES + 1 };
    const early = rawRequest({ port, method: 'POST', path: '/api/app:info', headers, body: '{}' });
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('waited for a body it should refuse')), 3000));
    expect((await Promise.race([early, timeout])).status).toBe(413);
  });

  it('refuses a body that is not JSON with 400, and a non-JSON content type with 415', async () => {
    const r = await api('docs:create', '{"kind": rfc');
    expect(r.status).toBe(400);
    expect(code(r)).toBe('VALIDATION');
    const form = await rawRequest({ port, method: 'POST', path: '/api/app:info', headers: { ...auth, 'content-type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    expect((await rawRequest({ port, path: '/api/app:info', headers: auth })).status).toBe(405);
  });

  it('answers a valid call, and contract errors as data with HTTP 200', async () => {
    const info = await api('app:info', {});
    expect(info.status).toBe(200);
    expect(info.headers['content-type']).toMatch(/^application\/json/);
    expect(info.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { bridge: 'web', version: 'test', workspace: dir } });

    const created = JSON.parse((await api('docs:create', { kind: 'rfc', title: 'Over HTTP' })).body) as { ok: true; value: { id: string } };
    const got = JSON.parse((await api('docs:get', { id: created.value.id })).body) as { ok: true; value: { title: string } };
    expect(got.value.title).toBe('Over HTTP');
    expect(app.documents.get(created.value.id).title).toBe('Over HTTP');

    expect(JSON.parse((await api('docs:nope', {})).body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(JSON.parse((await api('docs:get', { id: 'x' })).body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('web host: files', () => {
  it('serves the built renderer, whose HTML has no inline script', async () => {
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.body).toBe(fs.readFileSync(path.join(requireRenderer(), 'index.html'), 'utf8'));
    const scripts = [...index.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, inline] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(inline!.trim()).toBe('');
    }
    for (const [, ref] of index.body.matchAll(/(?:src|href)="\.\/([^"]+)"/g)) {
      const asset = await get(`/${ref}`);
      expect(asset.status, ref).toBe(200);
    }
    expect((await get('/assets/nope.js')).status).toBe(404);
    expect((await rawRequest({ port, method: 'POST', path: '/' })).status).toBe(405);
  });

  it('never serves a file outside dist/renderer, however the path is spelled', async () => {
    const pkg = fs.readFileSync('package.json', 'utf8');
    const spellings = ['/../package.json', '/../../package.json', '/%2e%2e/%2e%2e/package.json', '/%2E%2E/%2E%2E/package.json', '/..%2f..%2fpackage.json', '/assets/..%2f..%2f..%2fpackage.json', '/..%5c..%5cpackage.json', '/.%2e/.%2e/package.json', '/%2e%2e%2f%2e%2e%2fpackage.json', '/%2fetc%2fpasswd', '//etc/passwd', '/assets/../../../../../../etc/passwd', '/../../src/main/app.ts'];
    for (const p of spellings) {
      const r = await get(p);
      expect(r.status, p).not.toBe(200);
      expect(r.body).not.toContain(pkg.slice(0, 40));
      expect(r.body).not.toContain('root:x:0:0');
    }
  });
});

describe('web host: one level above the static root', () => {
  it('does not serve a secret next to the root, nor a sibling folder sharing its prefix', async () => {
    const root = path.join(dir, 'static');
    fs.mkdirSync(root);
    fs.mkdirSync(path.join(dir, 'static-evil'));
    fs.writeFileSync(path.join(root, 'index.html'), '<p>ok</p>');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'TOP SECRET');
    fs.writeFileSync(path.join(dir, 'static-evil', 'x.txt'), 'TOP SECRET');
    const local = await startWebHost({ dispatch: app.dispatch, staticDir: root });
    try {
      const fetchRaw = (p: string): Promise<RawResponse> => rawRequest({ port: local.port, path: p });
      expect((await fetchRaw('/index.html')).body).toBe('<p>ok</p>');
      for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/../static-evil/x.txt', '/..%2fstatic-evil%2fx.txt']) {
        const r = await fetchRaw(p);
        expect(r.status, p).toBe(404);
        expect(r.body).not.toContain('TOP SECRET');
      }
    } finally {
      await local.close();
    }
  });

  // Regression test for a crash: a malformed escape or a NUL threw synchronously in the request
  // handler (decodeURIComponent / fs.readFile), which killed `npm run web`.
  it('answers malformed percent-encoding and NUL bytes with 400 and keeps running', async () => {
    for (const p of ['/%E0%A4%A', '/%', '/api/%ZZ', '/%00', '/assets/%00.js']) expect((await get(p)).status, p).toBe(400);
    expect((await get('/')).status).toBe(200);
  });
});

describe('web host: Content-Security-Policy', () => {
  it('rides on every response, static and API, success and refusal, and forbids inline and eval in scripts', async () => {
    const asset = /src="\.\/([^"]+\.js)"/.exec((await get('/')).body)![1]!;
    const responses: [string, RawResponse][] = [
      ['index', await get('/')],
      ['asset', await get(`/${asset}`)],
      ['missing file', await get('/nope.html')],
      ['traversal', await get('/../../package.json')],
      ['POST to a file', await rawRequest({ port, method: 'POST', path: '/' })],
      ['foreign host', await get('/', { host: 'evil.com' })],
      ['api ok', await api('app:info', {})],
      ['api no token', await api('app:info', {}, {})],
      ['api foreign origin', await api('app:info', {}, { ...auth, origin: 'https://evil.com' })],
      ['api not json', await api('app:info', 'nope')],
      ['api too large', await api('app:info', ' '.repeat(MAX_REQUEST_BYTES + 1))],
      ['api wrong type', await rawRequest({ port, method: 'POST', path: '/api/app:info', headers: { ...auth, 'content-type': 'text/plain' }, body: '{}' })],
    ];
    expect(new Set(responses.map(([, r]) => r.status))).toEqual(new Set([200, 400, 401, 403, 404, 405, 413, 415, 421]));
    for (const [what, r] of responses) {
      expect(r.headers['content-security-policy'], what).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers['x-content-type-options'], what).toBe('nosniff');
    }
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values] as const;
      }),
    );
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });
});
