import { extractRefs, refKey } from '../../shared/links/refs';
import { atomFeed } from './atomFeed';
import { docPage, pageName, type PageContext } from './docPage';
import { indexPage } from './indexPage';
import { createMarkdownRenderer } from './markdownHtml';
import { searchIndexScript } from './searchIndex';
import { DIAGRAMS_JS, SITE_CSS, SITE_JS, vendorBytes } from './siteAssets';
import type { SiteDocument, SiteSource } from './siteModel';
import { hashOf, SiteWriter, type WriteReport } from './siteWriter';
import { supersedeComponent, supersedeEdges, supersedeSvg } from './supersedeGraph';

/** Bump when the pages' HTML changes shape: every page is rendered again on the next publish. */
const RENDER_VERSION = 'site-1';

export interface PublishOptions {
  /** The site's heading and feed title. */
  title?: string;
  /** The address the site will be served from, for absolute links in the feed ('' = relative). */
  baseUrl?: string;
  /** Called as pages are done (the CLI prints it, the app shows a bar). */
  onProgress?: (p: PublishProgress) => void;
  /** Checked between pages: true stops the publish (what is written so far stays consistent). */
  cancelled?: () => boolean;
}

export interface PublishProgress {
  phase: 'pages' | 'index' | 'done';
  done: number;
  total: number;
}

export interface PublishReport extends WriteReport {
  dir: string;
  documents: number;
  rendered: number;
  skipped: SiteSource['skipped'];
}

interface Link {
  ref: string;
  title: string;
  href: string;
}

/**
 * Builds the static site of a set of documents into `dir` (docs/publish.md):
 * index.html (search, filters, timeline), one page per document, feed.xml
 * (Atom), the search index as a script, and the site's assets, mermaid's and
 * MiniSearch's browser builds among them, so the site asks nothing of any
 * other host. Incremental: a page whose document and context did not change
 * is neither rendered nor written (siteWriter.ts).
 */
export function publishSite(source: SiteSource, dir: string, options: PublishOptions = {}): PublishReport {
  const docs = [...source.documents].sort((a, b) => (a.kind === b.kind ? a.number - b.number : a.kind < b.kind ? -1 : 1));
  const siteTitle = options.title?.trim() || 'Design documents';
  const byKey = new Map(docs.map((d) => [refKey(d), d]));
  const link = (d: SiteDocument): Link => ({ ref: d.ref, title: d.title, href: pageName(d.ref) });
  const render = createMarkdownRenderer((ref) => {
    const d = byKey.get(refKey(ref));
    return d ? { href: pageName(d.ref), title: d.title } : null;
  });

  const refsOf = new Map<SiteDocument, SiteDocument[]>();
  const backlinks = new Map<SiteDocument, SiteDocument[]>();
  for (const d of docs) {
    const targets = extractRefs(d.body).flatMap((r) => byKey.get(refKey(r)) ?? []).filter((t) => t !== d);
    refsOf.set(d, targets);
    for (const t of targets) (backlinks.get(t) ?? backlinks.set(t, []).get(t)!).push(d);
  }
  const edges = supersedeEdges(docs);
  const adr = (n: number): SiteDocument | undefined => byKey.get(refKey({ kind: 'adr', number: n }));

  const writer = new SiteWriter(dir);
  const assetsKey = hashOf(RENDER_VERSION + SITE_CSS + SITE_JS + DIAGRAMS_JS);
  let rendered = 0;
  const total = docs.length;
  for (let i = 0; i < docs.length; i++) {
    if (options.cancelled?.()) break;
    const d = docs[i]!;
    const context = pageContext(d, backlinks.get(d) ?? [], edges, adr, link, siteTitle);
    // What the page shows: the document, the titles of what it links to, its backlinks and supersede chain.
    const input = hashOf(JSON.stringify([RENDER_VERSION, siteTitle, d, (refsOf.get(d) ?? []).map(link), context.key]));
    const rel = pageName(d.ref);
    if (!writer.keep(rel, input)) {
      writer.write(rel, input, docPage(d, { ...context.page, renderMarkdown: render }));
      rendered++;
    }
    if (i % 50 === 49) options.onProgress?.({ phase: 'pages', done: i + 1, total });
  }
  options.onProgress?.({ phase: 'index', done: total, total });

  const index = indexPage(docs, siteTitle);
  writer.write('index.html', hashOf(index), index);
  const search = searchIndexScript(docs);
  writer.write('assets/search-index.js', hashOf(search), search);
  const feed = atomFeed(docs, { siteTitle, siteId: `urn:designdesk:site:${hashOf(siteTitle).slice(0, 16)}`, baseUrl: options.baseUrl ?? '' });
  writer.write('feed.xml', hashOf(feed), feed);
  for (const [rel, text] of [['assets/site.css', SITE_CSS], ['assets/site.js', SITE_JS], ['assets/diagrams.js', DIAGRAMS_JS]] as const) writer.write(rel, assetsKey, text);
  for (const [rel, pkg] of [['assets/mermaid.min.js', 'mermaid'], ['assets/minisearch.js', 'minisearch']] as const) {
    if (!writer.keep(rel, `${pkg}-${vendorBytes(pkg).length}`)) writer.write(rel, `${pkg}-${vendorBytes(pkg).length}`, vendorBytes(pkg));
  }
  const report = writer.finish();
  options.onProgress?.({ phase: 'done', done: total, total });
  return { ...report, dir, documents: docs.length, rendered, skipped: source.skipped };
}

function pageContext(d: SiteDocument, back: SiteDocument[], edges: ReturnType<typeof supersedeEdges>, adr: (n: number) => SiteDocument | undefined, link: (d: SiteDocument) => Link, siteTitle: string): { page: Omit<PageContext, 'renderMarkdown'>; key: unknown } {
  let supersedes: Link[] = [];
  let supersededBy: Link | null = null;
  let graph = '';
  if (d.kind === 'adr') {
    supersedes = [...edges].filter(([, bs]) => bs.has(d.number)).map(([a]) => adr(a)).filter((x): x is SiteDocument => !!x).map(link);
    const next = [...(edges.get(d.number) ?? [])].map(adr).find((x) => x);
    supersededBy = next ? link(next) : null;
    const nodes = supersedeComponent(d.number, edges);
    graph = supersedeSvg(d.number, nodes, edges, (n) => `adr-${n}.html`, (n) => adr(n)?.title ?? '');
  }
  const page = { siteTitle, backlinks: back.map(link), supersedes, supersededBy, graph };
  return { page, key: [page.backlinks, supersedes, supersededBy, graph] };
}
