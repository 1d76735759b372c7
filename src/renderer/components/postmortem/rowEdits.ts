/** Pure edits of a postmortem table's rows (timeline, action items), each row known by its `id`. */

/** The rows with row `id` moved one place up (-1) or down (+1); the same rows when it cannot move. */
export function moveRow<T extends { id: string }>(rows: readonly T[], id: string, by: -1 | 1): T[] {
  const from = rows.findIndex((r) => r.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= rows.length) return [...rows];
  const next = [...rows];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/** The rows without row `id`. */
export function removeRow<T extends { id: string }>(rows: readonly T[], id: string): T[] {
  return rows.filter((r) => r.id !== id);
}

/** The rows with `patch` applied to row `id`. */
export function patchRow<T extends { id: string }>(rows: readonly T[], id: string, patch: Partial<T>): T[] {
  return rows.map((r) => (r.id === id ? { ...r, ...patch } : r));
}
