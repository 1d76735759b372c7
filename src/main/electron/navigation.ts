import type { Session, WebContents } from 'electron';
import { isAppUrl } from './appOrigin';

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The normalized URL to hand to the OS when a link leaves the app, or null.
 * Only http:, https: and mailto: pass (parsed, so " JaVaScRiPt:" is seen as
 * javascript:); web URLs need a host and may not carry credentials, so
 * "https://bank.example@evil.example" cannot pose as another site.
 */
export function safeExternalUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.has(u.protocol)) return null;
  if (u.protocol !== 'mailto:' && (u.hostname === '' || u.username !== '' || u.password !== '')) return null;
  return u.href;
}

/**
 * Permissions the renderer may use: writing to the clipboard (copy buttons),
 * and only for the app's own origin. Everything else (camera, geolocation,
 * notifications, HID, openExternal...) is refused.
 */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

/** Default-deny permission policy shared by the request and check handlers. */
export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}

type HardenedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;
type OpenExternal = (url: string) => Promise<void>;

function openIfSafe(url: string, openExternal: OpenExternal): void {
  const external = safeExternalUrl(url);
  if (external) openExternal(external).catch(() => undefined);
}

/**
 * Locks one web contents (run from app 'web-contents-created', so it covers
 * every window): no navigation away from app://designdesk (a safe link opens
 * in the system browser instead), no new windows, no <webview>.
 */
export function hardenWebContents(contents: HardenedContents, openExternal: OpenExternal): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openIfSafe(event.url, openExternal);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openIfSafe(url, openExternal);
    return { action: 'deny' };
  });
}

type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/** Installs the default-deny permission policy on a session. */
export function lockSessionPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
}
