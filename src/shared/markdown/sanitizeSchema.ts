import { defaultSchema, type Options } from 'rehype-sanitize';

/**
 * The sanitize schema of every rendered view of a document's Markdown, in the
 * app and on the published site: GitHub's schema, plus `data:` addresses in
 * `src` so an image pasted into a document shows without asking anything of
 * a server (the app's rehypeRemoteImages then keeps only data: images).
 */
export const SANITIZE_SCHEMA: Options = { ...defaultSchema, protocols: { ...defaultSchema.protocols, src: [...(defaultSchema.protocols?.src ?? []), 'data'] } };
