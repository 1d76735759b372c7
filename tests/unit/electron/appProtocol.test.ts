import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/csp';
import { APP_SCHEME_PRIVILEGES, handleAppProtocol, registerAppScheme } from '../../../src/main/electron/appProtocol';
import { appResponseHeaders, contentTypeFor, resolveAppFile } from '../../../src/main/electron/appProtocolFiles';

const ROOT = '/srv/app/dist/renderer';

describe('resolveAppFile', () => {
  it('maps app://designdesk paths into the renderer folder', () => {
    expect(resolveAppFile(ROOT, 'app://designdesk/')).toBe(`${ROOT}/index.html`);
    expect(resolveAppFile(ROOT, 'app://designdesk')).toBe(`${ROOT}/index.html`);
    expect(resolveAppFile(ROOT, 'app://designdesk/index.html?x=1#/docs')).toBe(`${ROOT}/index.html`);
    expect(resolveAppFile(ROOT, 'app://designdesk/assets/index-abc.js')).toBe(`${ROOT}/assets/index-abc.js`);
    expect(resolveAppFile(ROOT, 'app://designdesk/fonts/My%20Font.woff2')).toBe(`${ROOT}/fonts/My Font.woff2`);
    expect(resolveAppFile(ROOT, 'app://designdesk/assets/')).toBe(`${ROOT}/assets/index.html`);
  });

  it('clamps dot segments the way the URL parser (and Chromium) does', () => {
    expect(resolveAppFile(ROOT, 'app://designdesk/../../etc/passwd')).toBe(`${ROOT}/etc/passwd`);
    expect(resolveAppFile(ROOT, 'app://designdesk/%2e%2e/%2E%2E/etc/passwd')).toBe(`${ROOT}/etc/passwd`);
  });

  it('refuses escapes hidden from the URL parser by encoding', () => {
    for (const url of [
      'app://designdesk/assets%2F..%2F..%2F..%2Fetc%2Fpasswd',
      'app://designdesk/..%2Fsecret',
      'app://designdesk/%2E%2E%2F%2E%2E%2Fsecret',
      'app://designdesk/..%5C..%5Cwindows%5Cwin.ini',
      'app://designdesk/index.html%00.png',
      'app://designdesk/%E0%A4%A',
      'app://designdesk/C:/Windows/win.ini',
    ]) {
      expect(resolveAppFile(ROOT, url), url).toBeNull();
    }
  });

  it('never returns a path outside the root, whatever the path', () => {
    const token = fc.constantFrom('..', '.', '/', '%2F', '%2f', '%5C', '%2e', '%2E', 'a', 'index.html', '%00', '%', ':', '\\');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 16 }), (tokens) => {
        const file = resolveAppFile(ROOT, `app://designdesk/${tokens.join('')}`);
        return file === null || file.startsWith(`${ROOT}/`);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses other hosts and schemes', () => {
    for (const url of ['app://other/index.html', 'file:///srv/app/dist/renderer/index.html', 'https://designdesk/index.html', 'not a url']) {
      expect(resolveAppFile(ROOT, url), url).toBeNull();
    }
  });

  it('applies the same rules with Windows paths', () => {
    const root = 'C:\\Program Files\\DesignDesk\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppFile(root, 'app://designdesk/assets/a.js', path.win32)).toBe(`${root}\\assets\\a.js`);
    expect(resolveAppFile(root, 'app://designdesk/..%5C..%5Csecret.txt', path.win32)).toBeNull();
    expect(resolveAppFile(root, 'app://designdesk/%2e%2e%2F%2e%2e%2Fsecret.txt', path.win32)).toBeNull();
    expect(resolveAppFile(root, 'app://designdesk/D:%2Fsecret.txt', path.win32)).toBeNull();
  });
});

describe('response headers', () => {
  it('put the app CSP and nosniff on every response, errors included', () => {
    for (const file of ['/x/index.html', null]) {
      const h = appResponseHeaders(file);
      expect(h['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(h['X-Content-Type-Options']).toBe('nosniff');
      expect(h['X-Frame-Options']).toBe('DENY');
    }
  });

  it('names the MIME type by extension, opaque when unknown', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/f.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/i.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('/x/blob')).toBe('application/octet-stream');
  });
});

describe('handleAppProtocol (with a stand-in for Electron protocol)', () => {
  let dir: string;
  let handler: (request: Request) => Promise<Response> | Response;

  beforeAll(() => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-proto-'));
    dir = path.join(base, 'renderer');
    fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>DesignDesk</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'main.js'), 'console.log(1)');
    fs.writeFileSync(path.join(base, 'secret.txt'), 'top secret');
    const schemes: string[] = [];
    handleAppProtocol(
      {
        handle: (scheme, h) => {
          schemes.push(scheme);
          handler = h as typeof handler;
        },
      },
      dir,
    );
    expect(schemes).toEqual(['app']);
  });

  afterAll(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => Promise.resolve(handler(new Request(url, { method })));

  it('serves the renderer files with CSP and type', async () => {
    const res = await get('app://designdesk/index.html');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>DesignDesk</title>');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const js = await get('app://designdesk/assets/main.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
  });

  it('answers 404 with CSP for traversal and missing files, 405 for writes', async () => {
    const escaped = await get('app://designdesk/%2e%2e/secret.txt');
    expect(escaped.status).toBe(404);
    expect(await escaped.text()).not.toContain('top secret');
    expect(escaped.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await get('app://designdesk/nope.js')).status).toBe(404);
    expect((await get('app://designdesk/assets')).status).toBe(404);
    expect((await get('app://designdesk/index.html', 'POST')).status).toBe(405);
  });

  it('registers app:// as standard and secure, but not CORS-readable or CSP-bypassing', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (s) => registered.push(...s) });
    expect(registered).toEqual([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('corsEnabled');
  });
});
