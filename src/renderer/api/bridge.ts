import type { Result } from '../../shared/errors';

/** What the Electron preload exposes: one method per contract channel. */
export type PreloadBridge = Record<string, (input: unknown) => Promise<Result<unknown>>>;

declare global {
  interface Window {
    designdesk?: PreloadBridge;
  }
}

export type Transport = (channel: string, input: unknown, opts?: { keepalive?: boolean }) => Promise<Result<unknown>>;

const TOKEN_KEY = 'designdesk.token';

/** Reads the web host's per-launch token from the URL fragment once, then keeps it for this tab only. */
function webToken(): string {
  const m = /(?:^|[#&])token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, m[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function webTransport(): Transport {
  const token = webToken();
  return async (channel, input, opts) => {
    let res: Response;
    try {
      res = await fetch(`./api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-DesignDesk-Token': token },
        body: JSON.stringify(input ?? {}),
        keepalive: opts?.keepalive ?? false,
      });
    } catch {
      return { ok: false, error: { code: 'NETWORK', message: 'DesignDesk is not reachable. Is `npm run web` still running?' } };
    }
    try {
      return (await res.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: `Unexpected answer from DesignDesk (HTTP ${res.status}).` } };
    }
  };
}

function electronTransport(bridge: PreloadBridge): Transport {
  return (channel, input) => {
    const method = bridge[channel];
    if (!method) return Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: `Unknown call ${channel}.` } });
    return method(input);
  };
}

/** Picks the Electron preload bridge when present, otherwise the web host over HTTP. */
export function detectTransport(): { transport: Transport; kind: 'electron' | 'web' } {
  return window.designdesk ? { transport: electronTransport(window.designdesk), kind: 'electron' } : { transport: webTransport(), kind: 'web' };
}
