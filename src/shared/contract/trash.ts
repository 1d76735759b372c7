import { z } from 'zod';
import { DocIdSchema, DocumentSummarySchema, PersonSchema } from '../document';
import { DocKindSchema } from '../kinds/kinds';

/** A document in the trash: restorable until the trash is emptied. */
export const TrashEntrySchema = z.object({
  id: DocIdSchema,
  kind: DocKindSchema,
  number: z.number().int().positive(),
  title: z.string(),
  status: z.string(),
  deletedAt: z.string(),
  deletedBy: PersonSchema.nullable(),
});
export type TrashEntry = z.infer<typeof TrashEntrySchema>;

/** Deleting (to the trash), restoring, and emptying the trash. */
export const trashContract = {
  'docs:delete': {
    input: z.object({ id: DocIdSchema }).strict(),
    output: TrashEntrySchema,
  },
  'docs:restore': {
    input: z.object({ id: DocIdSchema }).strict(),
    output: DocumentSummarySchema,
  },
  'trash:list': {
    input: z.object({}).strict(),
    output: z.array(TrashEntrySchema),
  },
  'trash:empty': {
    input: z.object({}).strict(),
    output: z.object({ deleted: z.number().int().nonnegative() }),
  },
} as const;
