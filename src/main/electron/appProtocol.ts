import fs from 'node:fs/promises';
import type { CustomScheme, Protocol } from 'electron';
import { APP_SCHEME } from './appOrigin';
import { appResponseHeaders, resolveAppFile } from './appProtocolFiles';

/**
 * app:// as a standard, secure scheme: a real origin (app://designdesk) for
 * the CSP and the IPC sender check, and a secure context. Not corsEnabled,
 * not bypassCSP, no fetch API: nothing outside the app may read it.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, codeCache: true },
};

/** Must run before the app is ready (Electron's rule for scheme privileges). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

function textResponse(status: number, body: string): Response {
  return new Response(body, { status, headers: appResponseHeaders(null) });
}

/**
 * Serves the built renderer (dist/renderer) on app://designdesk/. GET and
 * HEAD only; anything outside `rendererDir` or missing is a 404; every
 * response carries the app's CSP.
 */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed.');
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return textResponse(404, 'Not found.');
    try {
      const data = await fs.readFile(file);
      return new Response(request.method === 'HEAD' ? null : data, { status: 200, headers: appResponseHeaders(file) });
    } catch {
      return textResponse(404, 'Not found.');
    }
  });
}
