import { z } from 'zod';
import { AppError, describeZodError } from '../errors';
import type { DocKind } from './kinds';
import { RfcFieldsSchema } from './rfc';

/** The structured fields of each kind. Kinds without a schema yet keep any JSON object. */
export const FIELD_SCHEMAS: Record<DocKind, z.ZodType<Record<string, unknown>>> = {
  rfc: RfcFieldsSchema.loose(),
  adr: z.record(z.string(), z.unknown()),
  matrix: z.record(z.string(), z.unknown()),
  postmortem: z.record(z.string(), z.unknown()),
};

/** Validates and fills defaults; throws VALIDATION naming the bad field. */
export function normalizeFields(kind: DocKind, fields: unknown): Record<string, unknown> {
  const r = FIELD_SCHEMAS[kind].safeParse(fields);
  if (!r.success) throw new AppError('VALIDATION', `Invalid fields: ${describeZodError(r.error)}`, { issues: r.error.issues });
  return r.data;
}
