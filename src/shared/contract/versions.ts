import { z } from 'zod';
import { DocIdSchema, DocumentSchema, FieldsSchema, PersonSchema } from '../document';

/** Why a version was kept: an editing session began, the status moved, or a restore (before and after). */
export const VERSION_REASONS = ['session', 'status', 'restore', 'before-restore'] as const;
export const VersionReasonSchema = z.enum(VERSION_REASONS);
export type VersionReason = z.infer<typeof VersionReasonSchema>;

const VersionIdSchema = z.number().int().positive();

/** A version as listed: who, when, why; no body (bodies can be large). */
export const VersionSummarySchema = z.object({
  id: VersionIdSchema,
  docId: DocIdSchema,
  /** The document revision this snapshot is of. */
  revision: z.number().int().nonnegative(),
  at: z.string(),
  actor: PersonSchema,
  reason: VersionReasonSchema,
  /** The document's status when the snapshot was taken. */
  status: z.string(),
  title: z.string(),
});
export type VersionSummary = z.infer<typeof VersionSummarySchema>;

export const VersionSchema = VersionSummarySchema.extend({ body: z.string(), fields: FieldsSchema });
export type Version = z.infer<typeof VersionSchema>;

/** Calls on a document's versions. */
export const versionsContract = {
  'versions:list': {
    input: z.object({ docId: DocIdSchema }).strict(),
    output: z.array(VersionSummarySchema),
  },
  'versions:get': {
    input: z.object({ docId: DocIdSchema, versionId: VersionIdSchema }).strict(),
    output: VersionSchema,
  },
  'versions:restore': {
    input: z
      .object({
        docId: DocIdSchema,
        versionId: VersionIdSchema,
        /** The revision the user was looking at; a newer one is refused with CONFLICT. */
        baseRevision: z.number().int().nonnegative().optional(),
      })
      .strict(),
    output: DocumentSchema,
  },
} as const;
