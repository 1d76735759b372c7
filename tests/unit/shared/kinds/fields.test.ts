import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldsSchema } from '../../../../src/shared/document';
import { AppError } from '../../../../src/shared/errors';
import { DOC_KINDS } from '../../../../src/shared/kinds/kinds';
import { fieldsShapeProblem, INITIAL_FIELDS, KNOWN_FIELD_KEYS, MAX_FIELDS_DEPTH, MAX_FIELDS_NODES, normalizeFields } from '../../../../src/shared/kinds/fields';

function nested(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('the shape of a fields value', () => {
  it('accepts plain data up to the depth limit and refuses one level more, naming the path', () => {
    expect(fieldsShapeProblem({ a: nested(MAX_FIELDS_DEPTH - 1) })).toBeNull();
    expect(fieldsShapeProblem({ a: nested(MAX_FIELDS_DEPTH) })).toBe(`a${'.a'.repeat(MAX_FIELDS_DEPTH - 1)}: nested deeper than ${MAX_FIELDS_DEPTH} levels`);
    expect(fieldsShapeProblem({ a: nested(1_000_000) })).toMatch(/nested deeper than 12 levels$/);
  });

  it('refuses values JSON cannot carry and too many values', () => {
    expect(fieldsShapeProblem({ n: Number.NaN })).toBe('n: not a finite number');
    expect(fieldsShapeProblem({ f: () => 1 })).toBe('f: not a plain value (function)');
    expect(fieldsShapeProblem({ m: new Map() })).toBe('m: not a plain object');
    expect(fieldsShapeProblem({ list: Array.from({ length: MAX_FIELDS_NODES }, () => 1) })).toBe(`fields hold more than ${MAX_FIELDS_NODES} values`);
    expect(fieldsShapeProblem({ when: new Date(0), ok: [1, 'a', null, true, { b: [] }] })).toBeNull();
  });

  it('property: ends on any value, returns null or a reason, and agrees with the contract schema', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything({ maxDepth: 20 }), fc.integer({ min: 0, max: 5_000 }).map((d) => ({ k: nested(d) }))), (v) => {
        const problem = fieldsShapeProblem(v);
        expect(problem === null || typeof problem === 'string').toBe(true);
        if (typeof v === 'object' && v !== null && !Array.isArray(v) && problem !== null) expect(FieldsSchema.safeParse(v).success).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('normalizeFields, per kind', () => {
  it('every new document starts with known keys only', () => {
    for (const kind of DOC_KINDS) {
      const keys = Object.keys(INITIAL_FIELDS[kind]({ me: { name: 'Ada', email: '' }, today: '2026-01-02' }));
      expect(keys.filter((k) => !KNOWN_FIELD_KEYS[kind].has(k)), kind).toEqual([]);
    }
  });

  it('refuses a key the kind does not define, naming it, unless the document already had it', () => {
    const e = refusal(() => normalizeFields('rfc', { author: 'A', tracking: 'pixel' }, { extraKeys: new Set() }));
    expect([e.code, e.message]).toEqual(['VALIDATION', 'Invalid fields: "tracking" is not a field of an RFC.']);
    expect(normalizeFields('rfc', { author: 'A', tracking: 'pixel' }, { extraKeys: new Set(['tracking']) })).toMatchObject({ tracking: 'pixel' });
    // From a file or an import: kept, as docs/format.md promises.
    expect(normalizeFields('postmortem', { 'team-channel': '#ops' })).toMatchObject({ 'team-channel': '#ops', severity: 'SEV-3' });
    expect(refusal(() => normalizeFields('matrix', { ratingz: {} }, { extraKeys: new Set() })).message).toBe('Invalid fields: "ratingz" is not a field of a decision matrix.');
  });

  it('refuses too deep a value with VALIDATION before the schema runs', () => {
    const e = refusal(() => normalizeFields('adr', { consulted: nested(50_000) }));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/^Invalid fields: consulted(\.a)+: nested deeper than 12 levels$/);
  });

  it('property: any input gives fields or VALIDATION, never another error', () => {
    const key = fc.oneof(fc.constantFrom(...new Set(DOC_KINDS.flatMap((k) => [...KNOWN_FIELD_KEYS[k]]))), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.constantFrom(...DOC_KINDS), fc.dictionary(key, fc.anything({ maxDepth: 4 }), { maxKeys: 5 }), fc.boolean(), (kind, fields, strict) => {
        try {
          normalizeFields(kind, fields, strict ? { extraKeys: new Set() } : {});
        } catch (e) {
          expect(e).toBeInstanceOf(AppError);
          expect((e as AppError).code).toBe('VALIDATION');
        }
      }),
      { numRuns: 500 },
    );
  });
});
