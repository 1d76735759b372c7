import { z } from 'zod';
import { DocIdSchema, DocumentSummarySchema } from '../document';

/** How many references one resolve call may ask about. */
export const MAX_RESOLVE_REFS = 500;

export const ResolvedRefSchema = z.object({
  /** The reference as asked, e.g. "RFC-12". */
  ref: z.string(),
  /** The live document it names, or null when there is none (never created, or deleted). */
  id: DocIdSchema.nullable(),
  title: z.string().nullable(),
});
export type ResolvedRef = z.infer<typeof ResolvedRefSchema>;

/** Calls on references between documents (RFC-12, ADR-3, DM-1, PM-4 written in a body). */
export const linksContract = {
  'links:backlinks': {
    input: z.object({ id: DocIdSchema }).strict(),
    output: z.array(DocumentSummarySchema),
  },
  'links:resolve': {
    input: z.object({ refs: z.array(z.string().max(40)).max(MAX_RESOLVE_REFS) }).strict(),
    output: z.array(ResolvedRefSchema),
  },
} as const;
