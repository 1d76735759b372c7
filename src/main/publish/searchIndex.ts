import MiniSearch from 'minisearch';
import type { SiteDocument } from './siteModel';

/** The fields the site's search looks in; site.js loads the index with the same options. */
export const SEARCH_OPTIONS = { fields: ['ref', 'title', 'tags', 'author', 'body'], storeFields: [] as string[], idField: 'id' };

/**
 * The full-text index of the site, built at publish time with MiniSearch and
 * written as a script that assigns a global (`DD_SEARCH`), so the search
 * works from file:// (where a page cannot fetch a JSON file) and from any
 * static host alike.
 */
export function searchIndexScript(docs: readonly SiteDocument[]): string {
  const ms = new MiniSearch(SEARCH_OPTIONS);
  ms.addAll(docs.map((d) => ({ id: d.id, ref: d.ref, title: d.title, tags: d.tags.join(' '), author: d.author, body: d.body })));
  return `window.DD_SEARCH = ${JSON.stringify({ options: SEARCH_OPTIONS, index: ms.toJSON() })};\n`;
}
