import type { HastElement, HastNode } from '../../shared/markdown/hast';

/**
 * Remote images in a teammate's document are tracking pixels waiting to
 * happen: each view would tell the image's host who read what, and when. So
 * the rendered Markdown never carries a remote address until the reader
 * allows it (the "Load images" bar, or Settings), as mail clients do.
 */

/** A URL that leaves the app: http(s), or scheme-relative (`//host/x.png`, which takes the page's scheme). */
export function isRemoteUrl(url: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("ht\ttp:"), so do the same.
  const u = url.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  return u.startsWith('http:') || u.startsWith('https:') || u.startsWith('//') || u.startsWith('\\\\') || u.startsWith('/\\') || u.startsWith('\\/');
}

/** A data: address of a raster image: the only data: a rendered document may carry (never data:text/html or SVG with script). */
export function isDataImage(url: string): boolean {
  return /^data:image\/(?:png|jpeg|gif|webp|avif);base64,[a-z0-9+/=\s]*$/i.test(url.trim());
}

/** Every URL a srcset names ("a.png 1x, b.png 2x"). */
export function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((part) => part.trim().split(/\s+/)[0] ?? '')
    .filter((u) => u !== '');
}

/** The url(...) references of a CSS text (a style attribute). */
export function cssUrls(css: string): string[] {
  const out: string[] = [];
  const re = /url\(\s*(['"]?)(.*?)\1\s*\)/gi;
  for (let m = re.exec(css); m; m = re.exec(css)) out.push(m[2] ?? '');
  // image-set("x.png" 1x) and @import "x" name a URL without url().
  const bare = /(?:image-set\(|@import)\s*(['"])(.*?)\1/gi;
  for (let m = bare.exec(css); m; m = bare.exec(css)) out.push(m[2] ?? '');
  return out;
}

/** Attributes (hast property names) whose value the browser fetches by itself. */
const URL_PROPS = ['src', 'poster', 'data', 'background', 'lowsrc', 'dynsrc'] as const;
const SRCSET_PROPS = ['srcSet', 'imageSrcSet'] as const;
/** Elements whose href is fetched on render, not followed on click. */
const FETCHING_HREF = new Set(['link', 'image', 'use', 'feimage']);

const text = (v: unknown): string => (Array.isArray(v) ? v.join(' ') : typeof v === 'string' ? v : '');

/** Takes every remote address out of one element; true when it had one. */
function stripRemote(el: HastElement): boolean {
  const p = el.properties;
  let found = false;
  for (const k of URL_PROPS) {
    if (k in p && isRemoteUrl(text(p[k]))) {
      delete p[k];
      found = true;
    }
  }
  for (const k of SRCSET_PROPS) {
    if (k in p && srcsetUrls(text(p[k])).some(isRemoteUrl)) {
      delete p[k];
      found = true;
    }
  }
  if ('style' in p && cssUrls(text(p.style)).some(isRemoteUrl)) {
    delete p.style;
    found = true;
  }
  if (FETCHING_HREF.has(el.tagName.toLowerCase())) {
    for (const k of ['href', 'xLinkHref']) {
      if (k in p && isRemoteUrl(text(p[k]))) {
        delete p[k];
        found = true;
      }
    }
  }
  return found;
}

/** What an image whose address was taken out shows instead: its alt text, marked as blocked. */
function placeholder(el: HastElement): HastElement {
  const alt = text(el.properties.alt).trim();
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['blocked-image'], role: 'img', ariaLabel: `Remote image not loaded${alt ? `: ${alt}` : ''}` },
    children: [{ type: 'text', value: alt ? `[image: ${alt}]` : '[image]' }],
  };
}

export interface RemoteImagesOptions {
  /** The reader allowed remote images for this document (or always): leave them as they are. */
  allow: boolean;
  /** Told how many remote references were taken out of the tree (0 too), once per render. */
  onBlocked?: (count: number) => void;
}

/** Takes out data: addresses that are not raster images; they are allowed in `src` only for pasted pictures. */
function stripOddData(el: HastElement): void {
  for (const k of URL_PROPS) {
    const v = text(el.properties[k]).trim();
    if (v.toLowerCase().startsWith('data:') && !isDataImage(v)) delete el.properties[k];
  }
}

function walk(node: HastNode, count: { n: number }, allow: boolean): void {
  if (!('children' in node) || !node.children) return;
  node.children = node.children.map((child) => {
    if (child.type !== 'element') return child;
    const el = child as HastElement;
    stripOddData(el);
    if (!allow && stripRemote(el)) {
      count.n++;
      if (el.tagName === 'img') return placeholder(el);
    }
    walk(el, count, allow);
    return el;
  });
}

/**
 * Rehype plugin: removes remote image addresses (src, srcset, poster, CSS
 * url() in style, fetching hrefs) unless `allow`, and any data: address that
 * is not a raster image. Runs after rehype-sanitize,
 * so it sees the same tree the page will show.
 */
export function rehypeRemoteImages(options: RemoteImagesOptions) {
  return (tree: HastNode): void => {
    const count = { n: 0 };
    walk(tree, count, options.allow);
    options.onBlocked?.(count.n);
  };
}
