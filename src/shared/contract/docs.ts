import { z } from 'zod';
import { BodySchema, DocIdSchema, DocumentSchema, DocumentSummarySchema, FieldsSchema, HistoryEntrySchema, TitleSchema } from '../document';
import { DocKindSchema } from '../kinds/kinds';
import { TeamTemplateSchema, TemplateNameSchema } from '../kinds/teamTemplates';
import { LIBRARY_SORTS } from '../search/librarySort';

/** Calls on documents. Each entry: a zod input and a zod output; types derive from them. */
export const docsContract = {
  'docs:create': {
    /** `template`: a team template of the kind by name (docs:templates); absent: the kind's default template. */
    input: z.object({ kind: DocKindSchema, title: TitleSchema.optional(), template: TemplateNameSchema.optional() }).strict(),
    output: DocumentSchema,
  },
  'docs:templates': {
    /** The team's templates, as the last sync took them from the repository (templates/ in docs/format.md). */
    input: z.object({}).strict(),
    output: z.array(TeamTemplateSchema),
  },
  'docs:get': {
    input: z.object({ id: DocIdSchema }).strict(),
    output: DocumentSchema,
  },
  'docs:list': {
    /** Live documents; every filter is optional. Default order: latest update first. */
    input: z
      .object({
        kind: DocKindSchema.optional(),
        status: z.string().min(1).max(40).optional(),
        author: z.string().min(1).max(200).optional(),
        sort: z.enum(LIBRARY_SORTS).optional(),
        dir: z.enum(['asc', 'desc']).optional(),
      })
      .strict(),
    output: z.array(DocumentSummarySchema),
  },
  'docs:update': {
    input: z
      .object({
        id: DocIdSchema,
        /** The revision the edit was based on; a stale one is refused with CONFLICT. */
        baseRevision: z.number().int().nonnegative(),
        title: TitleSchema.optional(),
        body: BodySchema.optional(),
        fields: FieldsSchema.optional(),
      })
      .strict(),
    output: DocumentSchema,
  },
  'docs:move': {
    input: z.object({ id: DocIdSchema, to: z.string().min(1).max(40) }).strict(),
    output: DocumentSchema,
  },
  'docs:history': {
    input: z.object({ id: DocIdSchema }).strict(),
    output: z.array(HistoryEntrySchema),
  },
} as const;
