import { z } from 'zod';
import { DocIdSchema, DocumentSchema } from '../document';

/** Calls specific to ADRs. */
export const adrsContract = {
  /**
   * Marks ADR `id` superseded by ADR `byId` and links both ways in one step:
   * the old one gets `supersededBy`, the new one lists it in `supersedes`.
   */
  'adrs:supersede': {
    input: z.object({ id: DocIdSchema, byId: DocIdSchema }).strict(),
    output: z.object({ old: DocumentSchema, new: DocumentSchema }),
  },
} as const;
