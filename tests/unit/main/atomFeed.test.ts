import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atomFeed } from '../../../src/main/publish/atomFeed';
import type { SiteDocument } from '../../../src/main/publish/siteModel';
import { checkAtomFeed } from '../../support/atomCheck';

const doc = (n: number, title: string, author: string): SiteDocument => ({
  id: `01J${String(n).padStart(23, '0')}`,
  kind: 'adr',
  number: n,
  ref: `ADR-${n}`,
  title,
  status: 'accepted',
  author,
  tags: [],
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: `2026-11-${String((n % 28) + 1).padStart(2, '0')}T10:00:00.000Z`,
  body: '',
  fields: {},
  reviews: [],
});

describe('the checker of Atom feeds', () => {
  it('refuses what is not a valid feed', () => {
    expect(checkAtomFeed('<feed xmlns="http://www.w3.org/2005/Atom"><id>x</id>')).not.toEqual([]);
    expect(checkAtomFeed('<feed><id>x</id><title>t</title><updated>2026-01-01T00:00:00Z</updated><link href="a"/></feed>')[0]).toContain('not an Atom feed');
    expect(checkAtomFeed('<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><updated>yesterday</updated><link href="a"/><author><name>a</name></author></feed>')).toEqual(['feed: 0 <id> elements, one expected', 'feed: <updated> "yesterday" is not an RFC 3339 date-time']);
  });
});

describe('atomFeed', () => {
  it('is a valid Atom feed whatever the titles and names hold (markup, quotes, control characters)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 40 }), fc.string({ maxLength: 20 })), { maxLength: 8 }), fc.string({ maxLength: 30 }), (items, siteTitle) => {
        const xml = atomFeed(items.map(([t, a], i) => doc(i + 1, t, a)), { siteTitle, siteId: 'urn:designdesk:site:test', baseUrl: '' });
        expect(checkAtomFeed(xml)).toEqual([]);
      }),
    );
  });

  it('keeps one entry id per document and links absolute under --base-url', () => {
    const xml = atomFeed([doc(3, 'Use <Kafka> & "Zookeeper"', 'Ada')], { siteTitle: 'T', siteId: 'urn:x', baseUrl: 'https://team.example/d' });
    expect(xml).toContain('<id>urn:designdesk:doc:01J00000000000000000000003</id>');
    expect(xml).toContain('href="https://team.example/d/adr-3.html"');
    expect(xml).toContain('ADR-3: Use &lt;Kafka&gt; &amp; &quot;Zookeeper&quot;');
  });
});
