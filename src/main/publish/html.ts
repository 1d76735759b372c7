/** Text for HTML content and attribute values. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Nothing on a published page may ask anything of another host: scripts,
 * styles, images and fonts come from the site's own files (or data: images
 * pasted into a document). Mermaid writes style attributes into its SVG,
 * hence 'unsafe-inline' for styles only.
 */
export const SITE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** One page of the site: light and dark from the reader's system, readable on a phone. */
export function layout(p: { title: string; root: string; main: string; scripts: string[]; siteTitle: string; nav?: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${esc(SITE_CSP)}">
<meta name="color-scheme" content="light dark">
<title>${esc(p.title)}</title>
<link rel="stylesheet" href="${p.root}assets/site.css">
<link rel="alternate" type="application/atom+xml" title="${esc(p.siteTitle)}: new and changed documents" href="${p.root}feed.xml">
</head>
<body>
<header class="site-header"><a class="site-name" href="${p.root}index.html">${esc(p.siteTitle)}</a>${p.nav ?? ''}<a class="feed-link" href="${p.root}feed.xml">Atom feed</a></header>
<main id="main">
${p.main}
</main>
<footer class="site-footer"><p>Published with DesignDesk.</p></footer>
${p.scripts.map((s) => `<script src="${p.root}${s}"></script>`).join('\n')}
</body>
</html>
`;
}
