import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppError } from '../../shared/errors';

/**
 * The site's own style: light and dark from the reader's system (each
 * colour declared once with light-dark()), one column that fits a phone.
 */
export const SITE_CSS = `:root{color-scheme:light dark;--bg:light-dark(#ffffff,#15181c);--fg:light-dark(#1c2024,#e6e8eb);--muted:light-dark(#545b64,#a9b0b8);--line:light-dark(#d5d9de,#3a4048);--panel:light-dark(#f4f6f8,#1e2227);--link:light-dark(#0b57b7,#8cbcff);--accent:light-dark(#0b57b7,#8cbcff);--badge:light-dark(#e7eefb,#223049);--badge-fg:light-dark(#123a73,#cfe0ff);--warn:light-dark(#7a4b00,#f3c677);--bar:light-dark(#6d97d6,#4f79b8)}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:var(--link)}
a:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.site-header{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;align-items:center;padding:.75rem 1rem;border-bottom:1px solid var(--line);background:var(--panel)}
.site-name{font-weight:700;color:var(--fg);text-decoration:none}
.feed-link{margin-left:auto}
main{max-width:60rem;margin:0 auto;padding:1rem}
.site-footer{max-width:60rem;margin:2rem auto 0;padding:1rem;border-top:1px solid var(--line);color:var(--muted);font-size:.9rem}
h1{font-size:1.8rem;line-height:1.25;margin:.5rem 0}
.lede,.muted{color:var(--muted)}
.filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.75rem;margin:1rem 0;padding:.75rem;border:1px solid var(--line);border-radius:8px;background:var(--panel)}
.search-field{grid-column:1/-1}
.field label{display:block;font-weight:600;font-size:.9rem;margin-bottom:.2rem}
.field input,.field select{width:100%;font:inherit;padding:.4rem .5rem;border:1px solid var(--muted);border-radius:6px;background:var(--bg);color:var(--fg)}
.bars{list-style:none;margin:0;padding:0;display:grid;gap:.2rem}
.bars a{display:grid;grid-template-columns:6rem 1fr 3rem;gap:.5rem;align-items:center;text-decoration:none;color:var(--fg)}
.bar{display:block;height:.7rem;border-radius:3px;background:var(--bar)}
.bar-count{text-align:right;color:var(--muted)}
.doc-list{list-style:none;margin:0;padding:0}
.doc-item{padding:.45rem 0;border-bottom:1px solid var(--line)}
.doc-ref{font-weight:600;font-variant-numeric:tabular-nums}
.status{display:inline-block;padding:0 .45rem;border-radius:999px;background:var(--badge);color:var(--badge-fg);font-size:.85rem}
.tag{display:inline-block;padding:0 .45rem;border:1px solid var(--line);border-radius:4px;font-size:.85rem}
.meta{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;margin:.5rem 0 1rem}
.meta dt{font-size:.8rem;color:var(--muted)}
.meta dd{margin:0}
.notice{padding:.5rem .75rem;border-left:4px solid var(--warn);background:var(--panel)}
.stale{color:var(--warn)}
table{border-collapse:collapse;display:block;overflow-x:auto;max-width:100%;margin:.75rem 0}
th,td{border:1px solid var(--line);padding:.35rem .6rem;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:600;padding:.25rem 0}
pre{overflow-x:auto;padding:.75rem;background:var(--panel);border-radius:6px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}
pre.mermaid{background:light-dark(#ffffff,#f4f6f8);color:#1c2024}
img,svg{max-width:100%;height:auto}
.graph{margin:.75rem 0;overflow-x:auto}
.graph figcaption{font-size:.85rem;color:var(--muted)}
.graph-node{fill:var(--panel);stroke:var(--muted);stroke-width:1.5}
.graph-current{stroke:var(--accent);stroke-width:3}
.graph-label{fill:var(--fg);font-size:13px;font-weight:600}
.graph-edge{stroke:var(--muted);stroke-width:1.5}
.graph-arrow{fill:var(--muted)}
.ref-missing{text-decoration:underline dotted}
.markdown blockquote{margin:0;padding:0 1rem;border-left:4px solid var(--line);color:var(--muted)}
@media (max-width:40rem){main{padding:.75rem}h1{font-size:1.45rem}.bars a{grid-template-columns:4.5rem 1fr 2rem}}
`;

/** Search and filters of the index page; runs from file:// and any static host (the index is a script, not a fetch). */
export const SITE_JS = `(function () {
  'use strict';
  var form = document.querySelector('form.filters');
  if (!form) return;
  var items = Array.prototype.slice.call(document.querySelectorAll('.doc-item'));
  var months = Array.prototype.slice.call(document.querySelectorAll('section.month'));
  var count = document.getElementById('result-count');
  var none = document.getElementById('no-results');
  var ms = window.MiniSearch && window.DD_SEARCH ? window.MiniSearch.loadJS(window.DD_SEARCH.index, window.DD_SEARCH.options) : null;
  function val(name) { return form.elements[name].value; }
  function apply() {
    var q = val('q').trim(), kind = val('kind'), status = val('status'), author = val('author'), tag = val('tag');
    var hits = null;
    if (q && ms) {
      hits = {};
      ms.search(q, { prefix: true, fuzzy: 0.2, combineWith: 'AND' }).forEach(function (r) { hits[r.id] = true; });
    }
    var shown = 0;
    items.forEach(function (li) {
      var d = li.dataset;
      var ok = (!hits || hits[d.id]) && (!kind || d.kind === kind) && (!status || d.status === status) && (!author || d.author === author) && (!tag || d.tags.split('\\u001f').indexOf(tag) >= 0);
      li.hidden = !ok;
      if (ok) shown++;
    });
    months.forEach(function (m) { m.hidden = !m.querySelector('.doc-item:not([hidden])'); });
    var filtered = q || kind || status || author || tag;
    count.textContent = filtered ? shown + ' of ' + items.length + ' documents match.' : '';
    none.hidden = shown > 0;
  }
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });
  apply();
})();
`;

/** Renders the page's diagrams with the mermaid shipped in the site (no CDN), at mermaid's strictest security level. */
export const DIAGRAMS_JS = `(function () {
  'use strict';
  if (!window.mermaid) return;
  window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' });
  window.mermaid.run({ querySelector: 'pre.mermaid' }).catch(function () {});
})();
`;

const here = typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'index.js');

/** A file of an installed package (mermaid's bundle, MiniSearch's browser build), copied into the site as it is. */
export function vendorFile(specifier: 'mermaid' | 'minisearch'): string {
  const req = createRequire(here);
  try {
    if (specifier === 'mermaid') return req.resolve('mermaid/dist/mermaid.min.js');
    return path.join(path.dirname(req.resolve('minisearch')), '..', 'umd', 'index.js');
  } catch (e) {
    throw new AppError('NOT_FOUND', `The published site needs the ${specifier} package's browser build, and it was not found: ${(e as Error).message}`);
  }
}

/** The bytes of a vendor file, read once per process. */
const cache = new Map<string, Buffer>();
export function vendorBytes(specifier: 'mermaid' | 'minisearch'): Buffer {
  const hit = cache.get(specifier);
  if (hit) return hit;
  const bytes = fs.readFileSync(vendorFile(specifier));
  cache.set(specifier, bytes);
  return bytes;
}
