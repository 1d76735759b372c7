import { findRefs, type DocRef } from '../links/refs';
import type { HastElement, HastNode, HastText } from './hast';

/** Where a reference leads, or null when it names no document. */
export type RefLink = { href: string; title: string } | null;

/** Text inside these is never turned into a link: code stays code, and links do not nest. */
const SKIP = new Set(['a', 'code', 'pre', 'kbd', 'samp', 'script', 'style', 'textarea']);

function refNode(text: string, link: RefLink): HastElement {
  return link
    ? { type: 'element', tagName: 'a', properties: { href: link.href, className: ['ref-link'], title: link.title }, children: [{ type: 'text', value: text }] }
    : { type: 'element', tagName: 'span', properties: { className: ['ref-missing'], title: 'No such document' }, children: [{ type: 'text', value: text }] };
}

function splitText(node: HastText, resolve: (ref: DocRef) => RefLink): HastNode[] {
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

/**
 * Turns RFC-12 / ADR-3 / DM-1 / PM-4 in a rendered tree into a link (a.ref-link)
 * to where `resolve` says, or marks it missing (span.ref-missing). For the
 * app's preview and the published site alike; it runs AFTER rehype-sanitize:
 * the nodes it adds are built here, the href from a known document, never
 * from the document's text.
 */
export function linkRefs(node: HastNode, resolve: (ref: DocRef) => RefLink): void {
  if (!('children' in node) || !node.children) return;
  node.children = node.children.flatMap((child) => {
    if (child.type === 'text') return splitText(child, resolve);
    if (child.type === 'element' && SKIP.has(child.tagName)) return [child];
    linkRefs(child, resolve);
    return [child];
  });
}
