/**
 * The one origin the desktop renderer runs in. The renderer is served from a
 * privileged custom scheme (see appProtocol.ts), never from file://, so it has
 * a real origin that the CSP, the IPC sender check and navigation rules can
 * name. Electron-free: unit-tested under Node.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'designdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The parsed URL when it is exactly on app://designdesk (no port, no credentials); else null. */
export function parseAppUrl(url: string): URL | null {
  const u = parse(url);
  if (!u || u.protocol !== `${APP_SCHEME}:`) return null;
  // Chromium lowercases the host of a standard scheme; Node's URL does not.
  if (u.host.toLowerCase() !== APP_HOST || u.username !== '' || u.password !== '') return null;
  return u;
}

/** True when the URL (or serialized origin such as "app://designdesk") belongs to the app. */
export function isAppUrl(url: string): boolean {
  return parseAppUrl(url) !== null;
}
