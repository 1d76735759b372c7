import { useCallback, useMemo } from 'react';
import type { Document } from '../../../shared/document';
import { MatrixFieldsSchema, MatrixObjectSchema, type MatrixFields } from '../../../shared/kinds/matrix';
import { useAppStore } from '../../store';

type Key = keyof typeof MatrixObjectSchema.shape;

/**
 * Reads a matrix's fields with their defaults. A field that does not parse (a
 * hand-edited file) falls back to its default for display only; it is written
 * back only when the person edits that field.
 */
export function readMatrixFields(fields: Record<string, unknown>): MatrixFields {
  const whole = MatrixFieldsSchema.safeParse(fields);
  if (whole.success) return whole.data;
  const shape = MatrixObjectSchema.shape;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape) as Key[]) {
    const r = shape[key].safeParse(fields[key]);
    out[key] = r.success ? r.data : shape[key].parse(undefined);
  }
  return out as MatrixFields;
}

export type MatrixUpdate = (change: (f: MatrixFields) => MatrixFields) => void;

/** The parsed fields of `doc`, and an updater that applies a pure edit (see matrixEdits) to the latest edited copy. */
export function useMatrixFields(doc: Document): [MatrixFields, MatrixUpdate] {
  const edit = useAppStore((s) => s.edit);
  const fields = useMemo(() => readMatrixFields(doc.fields), [doc.fields]);
  const update = useCallback<MatrixUpdate>(
    (change) => {
      // Read the store, not the render's props: two edits in one event must not undo each other.
      const current = useAppStore.getState().doc;
      if (!current) return;
      const before = readMatrixFields(current.fields);
      const after = change(before);
      // Write back only the fields the edit touched, so an unreadable field is never replaced by a default.
      const changed: Record<string, unknown> = {};
      for (const key of Object.keys(after) as Key[]) if (after[key] !== before[key]) changed[key] = after[key];
      if (Object.keys(changed).length) edit({ fields: { ...current.fields, ...changed } });
    },
    [edit],
  );
  return [fields, update];
}

/** A short random id for a new criterion or option ("c-k3x9q2"), unlikely to collide with one made on another laptop. */
export function newMatrixId(prefix: 'c' | 'o'): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `${prefix}-${Array.from(bytes, (b) => (b % 36).toString(36)).join('')}`;
}
