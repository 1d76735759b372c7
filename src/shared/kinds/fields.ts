import { z } from 'zod';
import type { Person } from '../document';
import { AppError, describeZodError } from '../errors';
import { AdrFieldsSchema } from './adr';
import type { DocKind } from './kinds';
import { MatrixFieldsSchema } from './matrix';
import { PostmortemFieldsSchema } from './postmortem';
import { RfcFieldsSchema } from './rfc';

/**
 * The structured fields of each kind. Unknown keys are kept (`loose`), so a
 * field written by a newer version or by hand in the repo is never dropped.
 */
export const FIELD_SCHEMAS: Record<DocKind, z.ZodType<Record<string, unknown>>> = {
  rfc: RfcFieldsSchema.loose(),
  adr: AdrFieldsSchema,
  matrix: MatrixFieldsSchema,
  postmortem: PostmortemFieldsSchema.loose(),
};

export interface NewDocContext {
  me: Person;
  /** Today as YYYY-MM-DD. */
  today: string;
}

/** The fields a new document of each kind starts with (before schema defaults). */
export const INITIAL_FIELDS: Record<DocKind, (ctx: NewDocContext) => Record<string, unknown>> = {
  rfc: ({ me }) => ({ author: me.name }),
  adr: ({ me, today }) => ({ author: me.name, date: today, decisionMakers: [me.name] }),
  matrix: ({ me }) => ({ author: me.name }),
  postmortem: ({ me, today }) => ({ author: me.name, incidentDate: today, severity: 'SEV-3' }),
};

/** Validates and fills defaults; throws VALIDATION naming the bad field. */
export function normalizeFields(kind: DocKind, fields: unknown): Record<string, unknown> {
  const r = FIELD_SCHEMAS[kind].safeParse(fields);
  if (!r.success) throw new AppError('VALIDATION', `Invalid fields: ${describeZodError(r.error)}`, { issues: r.error.issues });
  return r.data;
}
