import { parseDisplayRef, displayRef } from '../../shared/kinds/kinds';

/** The URL scheme the app registers with the OS. */
export const DEEP_LINK_SCHEME = 'designdesk';

const ULID_RE = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * Reads `designdesk://open/RFC-12` or `designdesk://open/<ULID>` and returns
 * the document to open (a display reference normalised to "RFC-12", or an
 * upper-case ULID); null for anything else: another scheme or action, extra
 * path segments, a query, a fragment, credentials, a port, escapes.
 * A link comes from any web page or mail, so nothing else gets through.
 */
export function parseDeepLink(url: string): { target: string } | null {
  if (typeof url !== 'string' || url.length > 200) return null;
  const m = /^designdesk:\/\/open\/([A-Za-z0-9-]+)\/?$/i.exec(url.trim());
  if (!m) return null;
  const token = m[1]!;
  const ref = parseDisplayRef(token);
  if (ref && ref.number > 0) return { target: displayRef(ref.kind, ref.number) };
  const id = token.toUpperCase();
  return ULID_RE.test(id) ? { target: id } : null;
}

/** The first designdesk:// argument a launch or a second instance was given (Windows and Linux pass links this way). */
export function deepLinkFromArgv(argv: readonly string[]): { target: string } | null {
  for (const arg of argv) {
    if (typeof arg === 'string' && arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) {
      const link = parseDeepLink(arg);
      if (link) return link;
    }
  }
  return null;
}
