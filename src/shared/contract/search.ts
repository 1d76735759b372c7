import { z } from 'zod';
import { DocIdSchema } from '../document';
import { DocKindSchema } from '../kinds/kinds';

export const SegmentSchema = z.object({ text: z.string(), hit: z.boolean() });

/** One ranked search result. Snippets are segments, never HTML: the renderer marks hits itself. */
export const SearchHitSchema = z.object({
  id: DocIdSchema,
  kind: DocKindSchema,
  number: z.number().int().positive(),
  title: z.string(),
  status: z.string(),
  author: z.string(),
  updatedAt: z.string(),
  /** The title with the matched words marked. */
  titleSegments: z.array(SegmentSchema),
  /** A passage of the body or the structured fields around the best match. */
  snippet: z.array(SegmentSchema),
  /** Higher is better (bm25, weighted title > fields > body). */
  score: z.number(),
  /** The query named this document's reference ("RFC-12", "rfc 12", "12"): it comes first. */
  exact: z.boolean(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const MAX_QUERY_CHARS = 500;
export const MAX_SEARCH_LIMIT = 200;

/** Full-text search over live documents. */
export const searchContract = {
  'search:query': {
    input: z
      .object({
        q: z.string().max(MAX_QUERY_CHARS, `a search is at most ${MAX_QUERY_CHARS} characters`),
        kind: DocKindSchema.optional(),
        status: z.string().min(1).max(40).optional(),
        author: z.string().min(1).max(200).optional(),
        limit: z.number().int().min(1).max(MAX_SEARCH_LIMIT).default(50),
      })
      .strict(),
    output: z.array(SearchHitSchema),
  },
} as const;
