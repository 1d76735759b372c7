import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { parseAppUrl } from './appOrigin';

type PathApi = Pick<typeof path, 'resolve' | 'sep' | 'extname'>;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Maps an app://designdesk/... request to a file inside `rootDir` (the built
 * renderer), or null: another scheme or host, a malformed or NUL-carrying
 * escape, a backslash or drive colon, or any path that would leave `rootDir`
 * after decoding. `pathApi` lets tests check the Windows rules on Linux.
 */
export function resolveAppFile(rootDir: string, requestUrl: string, pathApi: PathApi = path): string | null {
  const url = parseAppUrl(requestUrl);
  if (!url) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (/[\0\\:]/.test(rel)) return null;
  rel = rel.replace(/^\/+/, '');
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const root = pathApi.resolve(rootDir);
  const file = pathApi.resolve(root, rel);
  return file.startsWith(root + pathApi.sep) ? file : null;
}

/** The Content-Type for a served file, by extension; unknown ones are opaque bytes. */
export function contentTypeFor(file: string, pathApi: PathApi = path): string {
  return MIME[pathApi.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Headers of every app:// response, errors included: the app's CSP (the
 * same as the web host's), no MIME sniffing, no framing, no referrer.
 */
export function appResponseHeaders(file: string | null, pathApi: PathApi = path): Record<string, string> {
  return {
    'Content-Type': file ? contentTypeFor(file, pathApi) : 'text/plain; charset=utf-8',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}
