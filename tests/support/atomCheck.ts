import { DOMParser } from '@xmldom/xmldom';

/** The few DOM shapes the checker reads. */
interface Element {
  nodeType: number;
  localName: string | null;
  namespaceURI: string | null;
  textContent: string | null;
  firstChild: Element | null;
  nextSibling: Element | null;
  getAttribute(name: string): string | null;
}

const ATOM = 'http://www.w3.org/2005/Atom';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function children(el: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).namespaceURI === ATOM && (n as Element).localName === name) out.push(n as Element);
  return out;
}

/**
 * Checks an Atom feed against RFC 4287's must-haves: well-formed XML, the
 * root a feed in the Atom namespace, and on the feed and each entry exactly
 * one id, title and updated (an RFC 3339 date-time), an author (on the feed
 * or every entry) and a link. Returns the problems found, [] when none.
 */
export function checkAtomFeed(xml: string): string[] {
  const problems: string[] = [];
  const doc = new DOMParser({
    errorHandler: { warning: () => undefined, error: (m: string) => void problems.push(`not well-formed: ${m}`), fatalError: (m: string) => void problems.push(`not well-formed: ${m}`) },
  }).parseFromString(xml, 'application/xml');
  if (problems.length) return problems;
  const feed = doc.documentElement as unknown as Element | null;
  if (!feed || feed.localName !== 'feed' || feed.namespaceURI !== ATOM) return [`the root is not an Atom feed (${feed?.namespaceURI ?? ''} ${feed?.localName ?? ''})`];
  const must = (el: Element, where: string, names: string[]): void => {
    for (const n of names) {
      const found = children(el, n);
      if (found.length !== 1) problems.push(`${where}: ${found.length} <${n}> elements, one expected`);
      if (n === 'updated' && found[0] && !RFC3339.test(found[0].textContent ?? '')) problems.push(`${where}: <updated> "${found[0].textContent}" is not an RFC 3339 date-time`);
    }
  };
  must(feed, 'feed', ['id', 'title', 'updated']);
  if (!children(feed, 'link').length) problems.push('feed: no <link>');
  const feedAuthor = children(feed, 'author').length > 0;
  children(feed, 'entry').forEach((e, i) => {
    const where = `entry ${i + 1}`;
    must(e, where, ['id', 'title', 'updated']);
    if (!feedAuthor && !children(e, 'author').length) problems.push(`${where}: no <author> and the feed has none`);
    const links = children(e, 'link');
    if (!links.length && !children(e, 'content').length) problems.push(`${where}: no <link> and no <content>`);
    for (const l of links) if (!l.getAttribute('href')) problems.push(`${where}: a <link> without href`);
  });
  return problems;
}
