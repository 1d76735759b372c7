import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setTrustedCertificates } from '../../src/main/sync/httpClient';
import { setProxyResolver } from '../../src/main/sync/httpProxy';
import { startConnectProxy, type ConnectProxy } from '../support/connectProxy';
import { startGitServer, type GitServer } from '../support/gitServer';
import { startTlsFront, type TlsFront } from '../support/tlsFront';
import { refusalOf, seedBareRepo, tempGitRepo } from '../support/transportRepo';

// Proxies (issue 13 item 18) and TLS trust (item 16): HTTPS_PROXY through a
// real CONNECT tunnel to a real TLS front of `git http-backend`, HTTP_PROXY
// with absolute-URI requests, NO_PROXY, a proxy demanding credentials, the
// system resolver the desktop shell feeds, and a self-signed certificate.

let git: GitServer;
let tlsFront: TlsFront;
let proxy: ConnectProxy;
let strictProxy: ConnectProxy;
let head: string;
const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy', 'NO_PROXY', 'no_proxy'];
const saved = Object.fromEntries(PROXY_VARS.map((k) => [k, process.env[k]]));

beforeAll(async () => {
  git = await startGitServer();
  git.createRepo('team.git');
  head = seedBareRepo(git.repoDir('team.git'));
  tlsFront = await startTlsFront(git.port);
  proxy = await startConnectProxy();
  strictProxy = await startConnectProxy({ auth: { username: 'corp', password: 's3cret' } });
});

afterAll(async () => {
  await Promise.all([proxy.close(), strictProxy.close(), tlsFront.close(), git.close()]);
});

afterEach(() => {
  for (const k of PROXY_VARS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  setProxyResolver(null);
  proxy.log.length = 0;
});

/** Runs tests/support/transportOnce.ts with these variables (and no inherited proxy ones). */
function inChild(url: string, env: Record<string, string>): Promise<{ ok: boolean; branches?: string[]; head?: string; error?: { code: string; message: string } }> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !PROXY_VARS.includes(k)));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', 'tests/support/transportOnce.ts', url], { env: { ...base, ...env }, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`${err.message}\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split('\n').pop()!));
    });
  });
}

describe('proxies, as git honours them', () => {
  it('HTTP_PROXY: an http remote is asked for through the proxy with absolute URIs; NO_PROXY goes direct', async () => {
    process.env.HTTP_PROXY = proxy.url;
    const url = `${git.baseUrl}/team.git`;
    expect(await tempGitRepo().fetch({ url, branch: 'main' })).toBe(head);
    expect(proxy.log).toContain(`GET ${url}/info/refs?service=git-upload-pack`);
    expect(proxy.log).toContain(`POST ${url}/git-upload-pack`);

    proxy.log.length = 0;
    process.env.NO_PROXY = 'localhost,127.0.0.1';
    expect(await tempGitRepo().fetch({ url, branch: 'main' })).toBe(head);
    expect(proxy.log).toEqual([]);
  });

  it('HTTPS_PROXY: an https remote goes through a CONNECT tunnel, TLS end to end (certificate trusted with NODE_EXTRA_CA_CERTS)', async () => {
    const url = tlsFront.url('/team.git');
    const r = await inChild(url, { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: tlsFront.caFile });
    expect(r).toMatchObject({ ok: true, branches: ['main'], head });
    expect(proxy.log.filter((l) => l === `CONNECT localhost:${tlsFront.port}`).length).toBe(3);

    // A proxy that wants credentials: given in the variable's URL, they reach it; without them, a clear error.
    const [scheme, rest] = strictProxy.url.split('//');
    expect(await inChild(url, { https_proxy: `${scheme}//corp:s3cret@${rest}`, NODE_EXTRA_CA_CERTS: tlsFront.caFile })).toMatchObject({ ok: true, head });
    process.env.HTTPS_PROXY = strictProxy.url;
    const e = await refusalOf(tempGitRepo().fetch({ url, branch: 'main' }), url);
    expect(e).toMatchObject({ code: 'NETWORK', data: { reason: 'proxy', proxyStatus: 407 } });
    expect(e.message).toMatch(/The proxy did not open a connection to localhost:\d+: it answered the tunnel request with "HTTP\/1.1 407/);
  });

  it('the system proxy (what the desktop shell feeds setProxyResolver) is used when no variable decides', async () => {
    const seen: string[] = [];
    setProxyResolver((u) => (seen.push(u), proxy.url));
    const url = `${git.baseUrl}/team.git`;
    expect(await tempGitRepo().listBranches({ url, branch: 'main' })).toEqual(['main']);
    expect(seen).toEqual([`${url}/info/refs?service=git-upload-pack`]);
    expect(proxy.log).toEqual([`GET ${url}/info/refs?service=git-upload-pack`]);
  });
});

describe('TLS trust', () => {
  it('a self-signed certificate fails with a hint how to trust it', async () => {
    const url = tlsFront.url('/team.git');
    const e = await refusalOf(tempGitRepo().fetch({ url, branch: 'main' }), url);
    expect(e).toMatchObject({ code: 'NETWORK', data: { reason: 'tls-untrusted' } });
    expect(e.message).toMatch(/not signed by an authority DesignDesk trusts \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
    expect(e.message).toMatch(/NODE_EXTRA_CA_CERTS=\/path\/to\/ca\.pem/);
  });

  it('certificates the shell hands over (setTrustedCertificates) are trusted for the sync', async () => {
    const url = tlsFront.url('/team.git');
    setTrustedCertificates([fs.readFileSync(tlsFront.caFile, 'utf8')]);
    try {
      expect(await tempGitRepo().fetch({ url, branch: 'main' })).toBe(head);
    } finally {
      setTrustedCertificates(null);
    }
    expect((await refusalOf(tempGitRepo().fetch({ url, branch: 'main' }), url)).data).toMatchObject({ reason: 'tls-untrusted' });
  });
});
