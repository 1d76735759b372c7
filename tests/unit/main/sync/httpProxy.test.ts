import { afterEach, describe, expect, it } from 'vitest';
import { noProxyMatches, proxyFor, proxyFromEnv, proxyFromPac, setProxyResolver, systemProxyResolver } from '../../../../src/main/sync/httpProxy';

const u = (s: string): URL => new URL(s);

describe('proxy choice (as git and curl read the variables)', () => {
  afterEach(() => setProxyResolver(null));

  it('https_proxy for https, http_proxy for http, either case, all_proxy as the fallback', () => {
    expect(proxyFromEnv(u('https://git.example.com/x.git'), { HTTPS_PROXY: 'http://p:3128' })).toBe('http://p:3128');
    expect(proxyFromEnv(u('https://git.example.com/x.git'), { https_proxy: 'http://low:1', HTTPS_PROXY: 'http://up:2' })).toBe('http://low:1');
    expect(proxyFromEnv(u('http://git.example.com/x.git'), { HTTP_PROXY: 'http://p:8080', HTTPS_PROXY: 'http://q:1' })).toBe('http://p:8080');
    expect(proxyFromEnv(u('http://git.example.com/x.git'), { HTTPS_PROXY: 'http://q:1' })).toBeUndefined();
    expect(proxyFromEnv(u('https://git.example.com/x.git'), { ALL_PROXY: 'http://all:1' })).toBe('http://all:1');
  });

  it('no_proxy: *, exact hosts, domain suffixes with or without a dot, ports, addresses', () => {
    expect(noProxyMatches(u('https://git.example.com/'), '*')).toBe(true);
    expect(noProxyMatches(u('https://git.example.com/'), 'localhost, example.com')).toBe(true);
    expect(noProxyMatches(u('https://git.example.com/'), '.example.com')).toBe(true);
    expect(noProxyMatches(u('https://git.example.com/'), '*.example.com')).toBe(true);
    expect(noProxyMatches(u('https://notexample.com/'), 'example.com')).toBe(false);
    expect(noProxyMatches(u('https://git.example.com/'), 'example.com:8443')).toBe(false);
    expect(noProxyMatches(u('https://git.example.com:8443/'), 'example.com:8443')).toBe(true);
    expect(noProxyMatches(u('http://127.0.0.1:9/'), '127.0.0.1')).toBe(true);
    expect(noProxyMatches(u('http://[::1]:9/'), '::1')).toBe(true);
    expect(proxyFromEnv(u('https://git.corp/x'), { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'corp' })).toBeNull();
  });

  it('the variables win over the system resolver; without them the resolver decides; a bare host:port is http', async () => {
    setProxyResolver(() => 'PROXY ignored');
    expect(await proxyFor(u('https://x.test/'), { HTTPS_PROXY: 'p.corp:3128' })).toEqual(u('http://p.corp:3128'));
    setProxyResolver((url) => (url.includes('inside') ? null : proxyFromPac('PROXY sys.corp:8080; DIRECT')));
    expect((await proxyFor(u('https://x.test/'), {}))?.href).toBe('http://sys.corp:8080/');
    expect(await proxyFor(u('https://inside.test/'), {})).toBeNull();
    setProxyResolver(null);
    expect(await proxyFor(u('https://x.test/'), {})).toBeNull();
  });

  it('a system lookup answering in PAC form (Electron\'s session.resolveProxy) becomes a resolver', async () => {
    setProxyResolver(systemProxyResolver(async (url) => (url.startsWith('https://git.corp') ? 'DIRECT' : 'PROXY proxy.corp:3128; DIRECT')));
    expect((await proxyFor(u('https://github.com/team/x.git'), {}))?.href).toBe('http://proxy.corp:3128/');
    expect(await proxyFor(u('https://git.corp/team/x.git'), {})).toBeNull();
  });

  it('reads PAC answers', () => {
    expect(proxyFromPac('DIRECT')).toBeNull();
    expect(proxyFromPac('HTTPS secure.corp:443; DIRECT')).toBe('https://secure.corp:443');
    expect(proxyFromPac('SOCKS5 s:1080')).toBe('socks://s:1080');
  });
});
