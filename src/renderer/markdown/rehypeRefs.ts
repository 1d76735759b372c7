import { findRefs, type DocRef } from '../../shared/links/refs';

/** The few HAST shapes this plugin touches (hast's own types are not a direct dependency). */
interface HastText {
  type: 'text';
  value: string;
}
interface HastElement {
  type: 'element';
  tagName: string;
  properties: Record<string, unknown>;
  children: HastNode[];
}
type HastNode = HastText | HastElement | { type: 'root' | 'comment' | 'doctype' | 'raw'; children?: HastNode[]; value?: string };

export interface RefTarget {
  id: string;
  title: string;
}

export interface RehypeRefsOptions {
  /** The live document a reference names, or null when there is none. */
  resolve: (ref: DocRef) => RefTarget | null;
}

/** Text inside these is never turned into a link: code stays code, and links do not nest. */
const SKIP = new Set(['a', 'code', 'pre', 'kbd', 'samp', 'script', 'style', 'textarea']);

function refNode(text: string, target: RefTarget | null): HastElement {
  return target
    ? { type: 'element', tagName: 'a', properties: { href: `#doc/${target.id}`, className: ['ref-link'], title: target.title }, children: [{ type: 'text', value: text }] }
    : { type: 'element', tagName: 'span', properties: { className: ['ref-missing'], title: 'No such document' }, children: [{ type: 'text', value: text }] };
}

function splitText(node: HastText, resolve: RehypeRefsOptions['resolve']): HastNode[] {
  const matches = findRefs(node.value);
  if (matches.length === 0) return [node];
  const out: HastNode[] = [];
  let at = 0;
  for (const m of matches) {
    if (m.index > at) out.push({ type: 'text', value: node.value.slice(at, m.index) });
    out.push(refNode(m.text, resolve(m)));
    at = m.index + m.text.length;
  }
  if (at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
  return out;
}

function walk(node: HastNode, resolve: RehypeRefsOptions['resolve']): void {
  if (!('children' in node) || !node.children) return;
  node.children = node.children.flatMap((child) => {
    if (child.type === 'text') return splitText(child as HastText, resolve);
    if (child.type === 'element' && SKIP.has((child as HastElement).tagName)) return [child];
    walk(child, resolve);
    return [child];
  });
}

/**
 * Turns RFC-12 / ADR-3 / DM-1 / PM-4 in the rendered preview into a link to
 * that document, or marks it missing. Runs AFTER rehype-sanitize: the nodes it
 * adds are built here from a known id, never from the document's text.
 */
export function rehypeRefs(options: RehypeRefsOptions) {
  return (tree: HastNode): void => walk(tree, options.resolve);
}
