import type { Document } from '../../shared/document';
import { generatedBlock } from '../../shared/format/generatedBlocks';
import { KINDS } from '../../shared/kinds/kinds';
import { statusLabel } from '../../shared/kinds/lifecycle';
import { deriveConcerns } from '../../shared/reviews/concerns';
import { textVersion } from '../../shared/reviews/contentHash';
import { VERDICT_LABELS } from '../../shared/reviews/schemas';
import { deriveReviewers } from '../../shared/reviews/state';
import { esc, layout } from './html';
import type { SiteDocument } from './siteModel';

/** What a document's page shows besides the document itself, worked out once for the whole site. */
export interface PageContext {
  siteTitle: string;
  /** Documents whose body refers to this one. */
  backlinks: { ref: string; title: string; href: string }[];
  /** Supersede links of an ADR, both ways. */
  supersedes: { ref: string; title: string; href: string }[];
  supersededBy: { ref: string; title: string; href: string } | null;
  /** The supersede chain as an SVG ('' when the ADR has no supersede links). */
  graph: string;
  renderMarkdown(markdown: string): string;
}

/** The file name of a document's page: rfc-12.html, adr-3.html, dm-1.html, pm-4.html. */
export function pageName(ref: string): string {
  return `${ref.toLowerCase()}.html`;
}

const day = (iso: string): string => (/^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : iso);
const linkList = (items: { ref: string; title: string; href: string }[]): string => `<ul class="link-list">${items.map((i) => `<li><a href="${esc(i.href)}">${esc(i.ref)}</a> ${esc(i.title)}</li>`).join('')}</ul>`;

function reviewSection(doc: SiteDocument): string {
  if (!doc.reviews.length) return '';
  const now = textVersion(doc);
  const reviewers = deriveReviewers(doc.reviews, now);
  const concerns = deriveConcerns(doc.reviews).filter((c) => c.open);
  const rows = reviewers.map((r) => {
    const verdict = r.verdict ? VERDICT_LABELS[r.verdict] : 'No verdict yet';
    const rev = r.verdict && r.reviewedOn ? ` revision ${r.reviewedOn.revision}` : '';
    const stale = r.stale ? ' <span class="stale">(the text changed since)</span>' : '';
    return `<tr><td>${esc(r.name)}${r.required ? '' : ' <span class="muted">(optional)</span>'}</td><td>${esc(verdict)}${esc(rev)}${stale}</td><td>${esc(r.verdictAt ? day(r.verdictAt) : '')}</td></tr>`;
  });
  const table = rows.length ? `<table class="reviewers"><caption>Reviewers</caption><thead><tr><th scope="col">Reviewer</th><th scope="col">Verdict</th><th scope="col">Given</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : '';
  const open = concerns.length
    ? `<h3>Open concerns</h3><ul class="concerns">${concerns.map((c) => `<li><strong>${esc(c.title)}</strong> by ${esc(c.by.name)} (${esc(day(c.at))})${c.text ? `: ${esc(c.text)}` : ''}</li>`).join('')}</ul>`
    : '<p>No open concerns.</p>';
  return `<section class="review" aria-labelledby="review-h"><h2 id="review-h">Review</h2>${table}${open}</section>`;
}

function structured(doc: SiteDocument, ctx: PageContext): string {
  if (doc.kind !== 'matrix' && doc.kind !== 'postmortem') return '';
  try {
    const block = generatedBlock({ ...doc, revision: 0, createdBy: { name: doc.author, email: '' } } as Document);
    return block ? `<section class="structured">${ctx.renderMarkdown(block)}</section>` : '';
  } catch {
    return `<p class="notice">The ${esc(KINDS[doc.kind].label.toLowerCase())}'s data could not be read; the text follows.</p>`;
  }
}

/** The page of one document: its metadata, review state, links, its data (matrix, timeline, action items) and its text. */
export function docPage(doc: SiteDocument, ctx: PageContext): string {
  const meta = [
    ['Kind', KINDS[doc.kind].label],
    ['Status', statusLabel(doc.kind, doc.status)],
    ['Author', doc.author || '—'],
    ['Created', day(doc.createdAt) || '—'],
    ['Updated', day(doc.updatedAt) || '—'],
  ];
  const tags = doc.tags.length ? `<p class="tags">${doc.tags.map((t) => `<span class="tag">${esc(t)}</span>`).join(' ')}</p>` : '';
  const links: string[] = [];
  if (ctx.supersededBy) links.push(`<p class="notice">Superseded by <a href="${esc(ctx.supersededBy.href)}">${esc(ctx.supersededBy.ref)}</a> ${esc(ctx.supersededBy.title)}.</p>`);
  if (ctx.supersedes.length) links.push(`<h3>Supersedes</h3>${linkList(ctx.supersedes)}`);
  if (ctx.graph) links.push(`<figure class="graph">${ctx.graph}<figcaption>Supersede chain (oldest first)</figcaption></figure>`);
  if (ctx.backlinks.length) links.push(`<h3>Referred to by</h3>${linkList(ctx.backlinks)}`);
  const main = `<article class="doc" data-kind="${doc.kind}">
<p class="doc-ref">${esc(doc.ref)} · ${esc(KINDS[doc.kind].label)}</p>
<h1>${esc(doc.title)}</h1>
<dl class="meta">${meta.map(([k, v]) => `<div><dt>${k}</dt><dd>${k === 'Status' ? `<span class="status status-${esc(doc.status)}">${esc(v!)}</span>` : esc(v!)}</dd></div>`).join('')}</dl>
${tags}
${links.length ? `<section class="links" aria-label="Links">${links.join('')}</section>` : ''}
${reviewSection(doc)}
${structured(doc, ctx)}
<section class="body markdown">${ctx.renderMarkdown(doc.body)}</section>
</article>`;
  const hasDiagram = main.includes('<pre class="mermaid">');
  return layout({
    title: `${doc.ref}: ${doc.title} · ${ctx.siteTitle}`,
    root: '',
    siteTitle: ctx.siteTitle,
    main,
    scripts: hasDiagram ? ['assets/mermaid.min.js', 'assets/diagrams.js'] : [],
  });
}
