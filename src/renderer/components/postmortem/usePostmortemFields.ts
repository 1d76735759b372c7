import { useCallback, useMemo } from 'react';
import type { Document } from '../../../shared/document';
import { PostmortemFieldsSchema, type PostmortemFields } from '../../../shared/kinds/postmortem';
import { useAppStore } from '../../store';

type Key = keyof PostmortemFields;

/**
 * Reads a postmortem's fields with their defaults. A field that does not
 * parse (a hand-edited file) falls back to its default for display only; it
 * is written back only when the person edits that field.
 */
export function readPostmortemFields(fields: Record<string, unknown>): PostmortemFields {
  const whole = PostmortemFieldsSchema.safeParse(fields);
  if (whole.success) return whole.data;
  const shape = PostmortemFieldsSchema.shape;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape) as Key[]) {
    const r = shape[key].safeParse(fields[key]);
    out[key] = r.success ? r.data : shape[key].parse(undefined);
  }
  return out as PostmortemFields;
}

/** The parsed fields of `doc`, and a setter that changes some of them on the latest edited copy. */
export function usePostmortemFields(doc: Document): [PostmortemFields, (update: (f: PostmortemFields) => Partial<PostmortemFields>) => void] {
  const edit = useAppStore((s) => s.edit);
  const fields = useMemo(() => readPostmortemFields(doc.fields), [doc.fields]);
  const update = useCallback(
    (fn: (f: PostmortemFields) => Partial<PostmortemFields>) => {
      // Read the store, not the render's props: two edits in one event must not undo each other.
      const current = useAppStore.getState().doc;
      if (!current) return;
      edit({ fields: { ...current.fields, ...fn(readPostmortemFields(current.fields)) } });
    },
    [edit],
  );
  return [fields, update];
}

/** Today in the person's own time zone, as YYYY-MM-DD: what "overdue" is measured against. */
export function localToday(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
