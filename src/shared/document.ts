import { z } from 'zod';
import { fieldsShapeProblem } from './kinds/fieldsShape';
import { DocKindSchema } from './kinds/kinds';

export const DocIdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a document id (26-character ULID)');

export const TitleSchema = z
  .string()
  .trim()
  .min(1, 'a title cannot be empty')
  .max(200, 'a title is at most 200 characters');

/** Body size limit: large enough for any real design doc, small enough to keep saves instant. */
export const MAX_BODY_CHARS = 1_000_000;
export const BodySchema = z.string().max(MAX_BODY_CHARS, `a body is at most ${MAX_BODY_CHARS} characters`);

/** A document's fields as the contract carries them: plain data, bounded in depth and size (the kind's schema is checked by the service). */
export const FieldsSchema = z.record(z.string(), z.unknown()).superRefine((fields, ctx) => {
  const problem = fieldsShapeProblem(fields);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const PersonSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.string().trim().max(320),
});
export type Person = z.infer<typeof PersonSchema>;

export const DocumentSchema = z.object({
  id: DocIdSchema,
  kind: DocKindSchema,
  number: z.number().int().positive(),
  title: z.string(),
  status: z.string(),
  body: z.string(),
  fields: FieldsSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  revision: z.number().int().nonnegative(),
  createdBy: PersonSchema,
});
export type Document = z.infer<typeof DocumentSchema>;

export const DocumentSummarySchema = DocumentSchema.pick({
  id: true,
  kind: true,
  number: true,
  title: true,
  status: true,
  updatedAt: true,
  createdAt: true,
}).extend({
  author: z.string(),
  /** Set when a sync kept two colliding versions of the document (see sync:conflicts). */
  conflicted: z.boolean().optional(),
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

export const HistoryEntrySchema = z.object({
  id: z.number().int(),
  docId: DocIdSchema,
  at: z.string(),
  actor: PersonSchema,
  event: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  data: z.unknown().optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
