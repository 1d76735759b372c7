import type { DocRef } from '../../shared/links/refs';
import type { HastNode } from '../../shared/markdown/hast';
import { linkRefs } from '../../shared/markdown/hastRefs';

export interface RefTarget {
  id: string;
  title: string;
}

export interface RehypeRefsOptions {
  /** The live document a reference names, or null when there is none. */
  resolve: (ref: DocRef) => RefTarget | null;
}

/**
 * Turns RFC-12 / ADR-3 / DM-1 / PM-4 in the rendered preview into a link to
 * that document, or marks it missing. Runs AFTER rehype-sanitize: the nodes it
 * adds are built here from a known id, never from the document's text.
 */
export function rehypeRefs(options: RehypeRefsOptions) {
  return (tree: HastNode): void =>
    linkRefs(tree, (ref) => {
      const target = options.resolve(ref);
      return target && { href: `#doc/${target.id}`, title: target.title };
    });
}
