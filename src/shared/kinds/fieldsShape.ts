/* The bounds of a document's fields value, checked before any schema sees it (no imports: the contract uses it too). */

/**
 * How deep a fields value may nest: the deepest field of a kind (a matrix
 * rating: ratings -> criterion -> option -> cell -> note) is 5 levels; room
 * for a hand-made extra, and far below anything that strains a parser.
 */
export const MAX_FIELDS_DEPTH = 12;
/** Values (keys, items, scalars) in one document's fields: a matrix at its limits holds a few thousand. */
export const MAX_FIELDS_NODES = 50_000;

/**
 * Why a fields value is not plain bounded data, or null when it is: only
 * strings, finite numbers, booleans, null, arrays and plain objects (and
 * dates, as YAML reads them), at most MAX_FIELDS_DEPTH deep and
 * MAX_FIELDS_NODES values. Walks with its own stack, so a hostile depth
 * cannot overflow the call stack.
 */
export function fieldsShapeProblem(fields: unknown): string | null {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: fields, depth: 0, path: '' }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (++nodes > MAX_FIELDS_NODES) return `fields hold more than ${MAX_FIELDS_NODES} values`;
    if (value === null || typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return `${path || 'fields'}: not a finite number`;
      continue;
    }
    if (typeof value !== 'object') return `${path || 'fields'}: not a plain value (${typeof value})`;
    if (depth >= MAX_FIELDS_DEPTH) return `${path || 'fields'}: nested deeper than ${MAX_FIELDS_DEPTH} levels`;
    const proto: unknown = Object.getPrototypeOf(value);
    if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return `${path || 'fields'}: not a plain object`;
    for (const [k, v] of Object.entries(value)) stack.push({ value: v, depth: depth + 1, path: path ? `${path}.${k}` : k });
  }
  return null;
}
