/**
 * Which proxy a request of the sync goes through, decided as git (through
 * curl) does: `https_proxy`/`HTTPS_PROXY` for https URLs,
 * `http_proxy`/`HTTP_PROXY` for http ones, `all_proxy`/`ALL_PROXY` for
 * both, and `no_proxy`/`NO_PROXY` to go direct to some hosts. When no
 * variable decides, the resolver the Electron shell gives (the system's
 * proxy settings, setProxyResolver) is asked; without one, the request
 * goes direct.
 */
export type ProxyResolver = (url: string) => string | null | Promise<string | null>;

let systemResolver: ProxyResolver | null = null;

/** Sets (or, with null, removes) the resolver asked when no proxy variable applies; the shell feeds the system proxy here. */
export function setProxyResolver(fn: ProxyResolver | null): void {
  systemResolver = fn;
}

function envValue(env: NodeJS.ProcessEnv, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = env[n]?.trim();
    if (v) return v;
  }
  return undefined;
}

function hostOnly(host: string): string {
  return host.replace(/^\[|\]$/g, '').toLowerCase();
}

/** Whether NO_PROXY lists this host (and port): `*`, exact names, domain suffixes (`example.com`, `.example.com`, `*.example.com`), addresses. */
export function noProxyMatches(url: URL, noProxy: string): boolean {
  const host = hostOnly(url.hostname);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/)) {
    let entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    let entryPort: string | null = null;
    const m = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry);
    if (m) {
      entry = m[1]!;
      entryPort = m[2]!;
    }
    entry = hostOnly(entry).replace(/^\*?\./, '');
    if (entryPort && entryPort !== port) continue;
    if (host === entry || host.endsWith(`.${entry}`)) return true;
  }
  return false;
}

/** The proxy the variables choose for a URL: a URL string, null for direct, undefined when no variable speaks. */
export function proxyFromEnv(url: URL, env: NodeJS.ProcessEnv = process.env): string | null | undefined {
  const scheme = url.protocol === 'https:' ? envValue(env, 'https_proxy', 'HTTPS_PROXY') : envValue(env, 'http_proxy', 'HTTP_PROXY');
  const proxy = scheme ?? envValue(env, 'all_proxy', 'ALL_PROXY');
  if (!proxy) return undefined;
  const noProxy = envValue(env, 'no_proxy', 'NO_PROXY');
  if (noProxy && noProxyMatches(url, noProxy)) return null;
  return proxy;
}

/**
 * Reads a PAC-style answer such as Electron's session.resolveProxy gives
 * ("PROXY host:port; DIRECT"): the first entry decides. SOCKS entries are
 * returned as socks:// URLs (refused later with a clear error).
 */
export function proxyFromPac(answer: string): string | null {
  const first = answer.split(';')[0]?.trim() ?? '';
  const m = /^(PROXY|HTTPS|SOCKS5?|SOCKS4)\s+(\S+)$/i.exec(first);
  if (!m) return null;
  const kind = m[1]!.toUpperCase();
  return `${kind === 'PROXY' ? 'http' : kind === 'HTTPS' ? 'https' : 'socks'}://${m[2]}`;
}

/** The proxy for a request, as a URL, or null to go direct. */
export async function proxyFor(url: URL, env: NodeJS.ProcessEnv = process.env): Promise<URL | null> {
  const fromEnv = proxyFromEnv(url, env);
  const chosen = fromEnv !== undefined ? fromEnv : systemResolver ? await systemResolver(url.href) : null;
  if (!chosen) return null;
  return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(chosen) ? chosen : `http://${chosen}`);
}

/**
 * A resolver over a PAC-style lookup such as Electron's
 * `session.resolveProxy(url)`: what the desktop shell passes to
 * setProxyResolver so the sync uses the system proxy settings.
 */
export function systemProxyResolver(resolveProxy: (url: string) => Promise<string>): ProxyResolver {
  return async (url) => proxyFromPac(await resolveProxy(url));
}
