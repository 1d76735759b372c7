import { DOC_KINDS, KINDS } from '../../shared/kinds/kinds';
import { statusLabel } from '../../shared/kinds/lifecycle';
import { pageName } from './docPage';
import { esc, layout } from './html';
import type { SiteDocument } from './siteModel';

const month = (iso: string): string => (/^\d{4}-\d{2}/.test(iso) ? iso.slice(0, 7) : 'undated');
const day = (iso: string): string => (/^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : '');

function options(values: Iterable<[string, string]>): string {
  return [...values].map(([v, label]) => `<option value="${esc(v)}">${esc(label)}</option>`).join('');
}

/**
 * The site's front page: search, filters by kind, status, author and tag,
 * and every document on a timeline (newest month first, by the date the
 * document was created). Filtering and search run in the reader's browser
 * (assets/site.js); without scripts the whole list still reads.
 */
export function indexPage(docs: readonly SiteDocument[], siteTitle: string): string {
  const sorted = [...docs].sort((a, b) => (a.createdAt === b.createdAt ? a.ref.localeCompare(b.ref) : a.createdAt < b.createdAt ? 1 : -1));
  const kinds = DOC_KINDS.filter((k) => docs.some((d) => d.kind === k));
  const statuses = new Map<string, string>();
  for (const d of docs) if (!statuses.has(d.status)) statuses.set(d.status, statusLabel(d.kind, d.status));
  const authors = [...new Set(docs.map((d) => d.author).filter(Boolean))].sort((a, b) => a.localeCompare(b));
  const tags = [...new Set(docs.flatMap((d) => d.tags))].sort((a, b) => a.localeCompare(b));

  const months = new Map<string, SiteDocument[]>();
  for (const d of sorted) (months.get(month(d.createdAt)) ?? months.set(month(d.createdAt), []).get(month(d.createdAt))!).push(d);
  const max = Math.max(1, ...[...months.values()].map((m) => m.length));

  const bars = [...months].map(([m, list]) => `<li><a href="#m-${esc(m)}"><span class="bar-label">${esc(m)}</span><span class="bar" style="width:${Math.max(4, Math.round((list.length / max) * 100))}%"></span><span class="bar-count">${list.length}</span></a></li>`);
  const groups = [...months].map(
    ([m, list]) => `<section class="month" data-month="${esc(m)}" aria-labelledby="m-${esc(m)}"><h3 id="m-${esc(m)}">${esc(m)}</h3><ul class="doc-list">${list
      .map(
        (d) =>
          `<li class="doc-item" data-id="${esc(d.id)}" data-kind="${d.kind}" data-status="${esc(d.status)}" data-author="${esc(d.author)}" data-tags="${esc(d.tags.join('\u001f'))}"><a href="${pageName(d.ref)}"><span class="doc-ref">${esc(d.ref)}</span> ${esc(d.title)}</a> <span class="status status-${esc(d.status)}">${esc(statusLabel(d.kind, d.status))}</span> <span class="muted">${esc(d.author)}${d.author && day(d.createdAt) ? ' · ' : ''}${esc(day(d.createdAt))}</span></li>`,
      )
      .join('')}</ul></section>`,
  );

  const main = `<h1>${esc(siteTitle)}</h1>
<p class="lede">${docs.length} design document${docs.length === 1 ? '' : 's'}: ${kinds.map((k) => { const n = docs.filter((d) => d.kind === k).length; return `${n} ${n === 1 ? KINDS[k].label : KINDS[k].plural}`; }).join(', ') || 'none yet'}.</p>
<form class="filters" role="search" aria-label="Search and filter the documents">
<div class="field search-field"><label for="q">Search</label><input id="q" name="q" type="search" autocomplete="off" placeholder="Words from a title or the text"></div>
<div class="field"><label for="f-kind">Kind</label><select id="f-kind" name="kind"><option value="">All kinds</option>${options(kinds.map((k) => [k, KINDS[k].label]))}</select></div>
<div class="field"><label for="f-status">Status</label><select id="f-status" name="status"><option value="">Any status</option>${options([...statuses].sort((a, b) => a[1].localeCompare(b[1])))}</select></div>
<div class="field"><label for="f-author">Author</label><select id="f-author" name="author"><option value="">Anyone</option>${options(authors.map((a) => [a, a]))}</select></div>
<div class="field"><label for="f-tag">Tag</label><select id="f-tag" name="tag"><option value="">Any tag</option>${options(tags.map((t) => [t, t]))}</select></div>
</form>
<p id="result-count" class="muted" role="status" aria-live="polite"></p>
<section class="timeline" aria-labelledby="timeline-h"><h2 id="timeline-h">Timeline</h2><ol class="bars">${bars.join('')}</ol></section>
<section class="all" aria-labelledby="all-h"><h2 id="all-h">Documents</h2>${groups.join('\n')}<p id="no-results" class="muted" hidden>No document matches.</p></section>`;
  return layout({ title: siteTitle, root: '', siteTitle, main, scripts: ['assets/minisearch.js', 'assets/search-index.js', 'assets/site.js'] });
}
