import { z } from 'zod';
import type { Person } from '../document';
import { AppError, describeZodError } from '../errors';
import { AdrFieldsSchema } from './adr';
import type { DocKind } from './kinds';
import { MatrixFieldsSchema, MatrixObjectSchema } from './matrix';
import { PostmortemFieldsSchema } from './postmortem';
import { RfcFieldsSchema } from './rfc';
import { fieldsShapeProblem } from './fieldsShape';

export { MAX_FIELDS_DEPTH, MAX_FIELDS_NODES, fieldsShapeProblem } from './fieldsShape';

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

/** The fields each kind defines; any other key is an extra (see normalizeFields). */
export const KNOWN_FIELD_KEYS: Record<DocKind, ReadonlySet<string>> = {
  rfc: new Set(Object.keys(RfcFieldsSchema.shape)),
  adr: new Set(Object.keys(AdrFieldsSchema.shape)),
  matrix: new Set(Object.keys(MatrixObjectSchema.shape)),
  postmortem: new Set(Object.keys(PostmortemFieldsSchema.shape)),
};

const KIND_NAMES: Record<DocKind, string> = { rfc: 'an RFC', adr: 'an ADR', matrix: 'a decision matrix', postmortem: 'a postmortem' };

export interface NormalizeOptions {
  /**
   * Keys outside the kind's fields that may stay: 'any' for what a file in
   * the team repository or an import holds (kept, docs/format.md), or the
   * keys the document already has (an edit may keep or drop an extra, never
   * add one). Default 'any'.
   */
  extraKeys?: 'any' | ReadonlySet<string>;
}

/**
 * Validates a document's fields against its kind and fills defaults; throws
 * VALIDATION naming the bad field: a value that is not plain bounded data
 * (fieldsShapeProblem), a key the kind does not define and that is not
 * allowed as an extra, or a field that breaks the kind's schema. One
 * validator for every way in: the API, import and sync.
 */
export function normalizeFields(kind: DocKind, fields: unknown, options: NormalizeOptions = {}): Record<string, unknown> {
  const shape = fieldsShapeProblem(fields);
  if (shape) throw new AppError('VALIDATION', `Invalid fields: ${shape}`, { reason: 'shape' });
  const extraKeys = options.extraKeys ?? 'any';
  if (extraKeys !== 'any' && typeof fields === 'object' && fields !== null && !Array.isArray(fields)) {
    const unknown = Object.keys(fields).filter((k) => !KNOWN_FIELD_KEYS[kind].has(k) && !extraKeys.has(k));
    if (unknown.length) {
      throw new AppError('VALIDATION', `Invalid fields: ${unknown.map((k) => JSON.stringify(k)).join(', ')} ${unknown.length === 1 ? 'is not a field' : 'are not fields'} of ${KIND_NAMES[kind]}.`, { unknownKeys: unknown });
    }
  }
  const r = FIELD_SCHEMAS[kind].safeParse(fields);
  if (!r.success) throw new AppError('VALIDATION', `Invalid fields: ${describeZodError(r.error)}`, { issues: r.error.issues });
  return r.data;
}
