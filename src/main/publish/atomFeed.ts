import { KINDS } from '../../shared/kinds/kinds';
import { statusLabel } from '../../shared/kinds/lifecycle';
import { pageName } from './docPage';
import type { SiteDocument } from './siteModel';

/** How many entries the feed carries: the most recently changed documents. */
export const FEED_ENTRIES = 50;

/** Text for XML content and attributes; characters XML 1.0 forbids are dropped. */
export function xmlText(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** An RFC 3339 date-time from what a document holds (a full timestamp, or a day). */
function rfc3339(iso: string): string {
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(t) ? '1970-01-01T00:00:00Z' : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * An Atom feed (RFC 4287) of new and changed documents, newest change
 * first. Entry ids are stable per document (`urn:designdesk:doc:<id>`), so a
 * reader shows a changed document as updated, not as a new one. Links are
 * absolute when the site's address is given (--base-url), else relative to
 * the feed.
 */
export function atomFeed(docs: readonly SiteDocument[], p: { siteTitle: string; siteId: string; baseUrl: string }): string {
  const recent = [...docs].sort((a, b) => (a.updatedAt === b.updatedAt ? a.ref.localeCompare(b.ref) : a.updatedAt < b.updatedAt ? 1 : -1)).slice(0, FEED_ENTRIES);
  const updated = recent[0] ? rfc3339(recent[0].updatedAt) : '1970-01-01T00:00:00Z';
  const base = p.baseUrl.replace(/\/?$/, p.baseUrl ? '/' : '');
  const entries = recent.map((d) => {
    const created = d.createdAt === d.updatedAt;
    const summary = `${KINDS[d.kind].label}, ${statusLabel(d.kind, d.status)}${created ? ', new' : ', changed'}${d.author ? `, by ${d.author}` : ''}.`;
    return `  <entry>
    <id>urn:designdesk:doc:${xmlText(d.id)}</id>
    <title>${xmlText(`${d.ref}: ${d.title}`)}</title>
    <updated>${rfc3339(d.updatedAt)}</updated>
    <published>${rfc3339(d.createdAt)}</published>
    <author><name>${xmlText(d.author || 'unknown')}</name></author>
    <link rel="alternate" type="text/html" href="${xmlText(base + pageName(d.ref))}"/>
    <category term="${d.kind}" label="${xmlText(KINDS[d.kind].label)}"/>
    <summary>${xmlText(summary)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xmlText(p.siteId)}</id>
  <title>${xmlText(p.siteTitle)}</title>
  <subtitle>New and changed design documents</subtitle>
  <updated>${updated}</updated>
  <author><name>${xmlText(p.siteTitle)}</name></author>
  <link rel="self" type="application/atom+xml" href="${xmlText(base + 'feed.xml')}"/>
  <link rel="alternate" type="text/html" href="${xmlText(base + 'index.html')}"/>
  <generator>DesignDesk</generator>
${entries.join('\n')}
</feed>
`;
}
