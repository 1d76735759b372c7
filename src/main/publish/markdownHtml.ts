import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Processor } from 'unified';
import type { DocRef } from '../../shared/links/refs';
import type { HastNode } from '../../shared/markdown/hast';
import { linkRefs } from '../../shared/markdown/hastRefs';
import { SANITIZE_SCHEMA } from '../../shared/markdown/sanitizeSchema';

/** The page of the document a reference names (relative to the site's root), or null when there is none. */
export type RefResolver = (ref: DocRef) => { href: string; title: string } | null;

const textOf = (n: HastNode): string => (n.type === 'text' ? n.value : 'children' in n && n.children ? n.children.map(textOf).join('') : '');

/**
 * A ```mermaid block becomes `<pre class="mermaid">` with its source as
 * text, which the site's script hands to mermaid (securityLevel strict) in the
 * reader's browser. Built from the sanitized tree: only text is carried over.
 */
function mermaidBlocks(node: HastNode): void {
  if (!('children' in node) || !node.children) return;
  node.children = node.children.map((c): HastNode => {
    if (c.type === 'element' && c.tagName === 'pre' && c.children.length === 1) {
      const code = c.children[0]!;
      const cls = code.type === 'element' && code.tagName === 'code' ? code.properties.className : undefined;
      if (Array.isArray(cls) && cls.includes('language-mermaid')) {
        return { type: 'element', tagName: 'pre', properties: { className: ['mermaid'] }, children: [{ type: 'text', value: textOf(code) }] };
      }
    }
    mermaidBlocks(c);
    return c;
  });
}

/**
 * An image from another host would be a request to it from the reader's
 * browser (the app holds such images back until the reader allows them):
 * on the site it becomes a plain link to the image instead.
 */
function remoteImagesAsLinks(node: HastNode): void {
  if (!('children' in node) || !node.children) return;
  node.children = node.children.map((c): HastNode => {
    if (c.type === 'element' && c.tagName === 'img') {
      const src = String(c.properties.src ?? '');
      if (/^[a-z][a-z0-9+.-]*:/i.test(src) && !/^data:image\//i.test(src)) {
        const alt = String(c.properties.alt ?? '').trim();
        return { type: 'element', tagName: 'a', properties: { href: src, className: ['remote-image'] }, children: [{ type: 'text', value: `Image: ${alt || src}` }] };
      }
    }
    remoteImagesAsLinks(c);
    return c;
  });
}

/** Our additions to the sanitized tree: diagram blocks, remote images as links, references as links. */
function siteRehype(options: { resolve: RefResolver }) {
  return (tree: HastNode): void => {
    mermaidBlocks(tree);
    remoteImagesAsLinks(tree);
    linkRefs(tree, options.resolve);
  };
}

/**
 * Renders a document's Markdown to HTML for the published site with the
 * app's pipeline: GitHub-flavoured Markdown, raw HTML parsed and then
 * rehype-sanitize with the app's schema (SANITIZE_SCHEMA), before anything
 * of ours is added (reference links, diagram blocks).
 */
export function createMarkdownRenderer(resolve: RefResolver): (markdown: string) => string {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize, SANITIZE_SCHEMA)
    .use(siteRehype, { resolve })
    .use(rehypeStringify) as unknown as Processor<never, never, never, never, string>;
  return (markdown) => String(processor.processSync(markdown));
}

/** The same Markdown library alone (GFM to HTML, sanitized, nothing of ours): the bench's yardstick. */
export function createPlainRenderer(): (markdown: string) => string {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize, SANITIZE_SCHEMA).use(rehypeStringify) as unknown as Processor<never, never, never, never, string>;
  return (markdown) => String(processor.processSync(markdown));
}
