import rehypeSanitize from 'rehype-sanitize';
import { SANITIZE_SCHEMA } from '../../shared/markdown/sanitizeSchema';
import type { DocRef } from '../../shared/links/refs';
import { useAppStore } from '../store';
import type { HastElement, HastNode } from '../../shared/markdown/hast';
import { startMermaidDiagrams } from './mermaidDiagrams';
import { rehypeMermaid } from './rehypeMermaid';
import { rehypeRefs } from './rehypeRefs';
import { rehypeRemoteImages } from './remoteImages';

startMermaidDiagrams();

/** A reference in the preview links to the live document of that kind and number, if there is one. */
export function resolveRef(ref: DocRef): { id: string; title: string } | null {
  const hit = useAppStore.getState().summaries.find((s) => s.kind === ref.kind && s.number === ref.number);
  return hit ? { id: hit.id, title: hit.title } : null;
}

/** The sanitize schema the published site uses too (src/shared/markdown/sanitizeSchema.ts). */
const SCHEMA = SANITIZE_SCHEMA;

const textOf = (n: HastNode): string => (n.type === 'text' ? (n.value ?? '') : 'children' in n && n.children ? n.children.map(textOf).join('') : '');

/**
 * The preview's own plugins put an empty "#slug" link in every heading: it
 * has no name for a screen reader, and in the app a "#..." address is a
 * page of the app, not a place in the document. Take them out.
 */
function rehypeDropHeadingAnchors() {
  const walk = (n: HastNode): void => {
    if (!('children' in n) || !n.children) return;
    const heading = n.type === 'element' && /^h[1-6]$/.test((n as HastElement).tagName);
    n.children = n.children.filter((c) => !(heading && c.type === 'element' && (c as HastElement).tagName === 'a' && String((c as HastElement).properties.href ?? '').startsWith('#') && !textOf(c).trim()));
    n.children.forEach(walk);
  };
  return walk;
}

/**
 * The rehype plugins of every rendered view of a document's Markdown.
 * Documents arrive from other people's pushes: rehype-sanitize always runs
 * first; references become links after it, and remote images are held back
 * unless the reader allowed them (remoteImages.ts); ```mermaid blocks
 * become diagrams, drawn lazily and sandboxed (mermaidDiagrams.ts).
 */
export function previewRehypePlugins(allowImages: boolean, onBlocked?: (count: number) => void, ...more: unknown[]): never {
  return [[rehypeSanitize, SCHEMA], [rehypeDropHeadingAnchors], [rehypeRefs, { resolve: resolveRef }], [rehypeRemoteImages, { allow: allowImages, onBlocked }], [rehypeMermaid], ...more] as never;
}
