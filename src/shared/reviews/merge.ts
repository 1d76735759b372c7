import type { ReviewRecord } from './schemas';

/** JSON with object keys sorted, so two equal records compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Records in the order they happened: by time, then by id (ULIDs sort by creation). */
export function compareRecords(a: ReviewRecord, b: ReviewRecord): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Three-way merge of a document's review records, as sets by id; the sync
 * engine calls it with the records of the last synced version (`base`), the
 * local ones (`mine`) and the remote ones (`theirs`).
 *
 * - A record on either side is kept: two reviewers' records written
 *   independently combine without loss.
 * - A record changed on one side only takes that side's version; changed on
 *   both, the one whose content sorts last wins, so every machine picks the
 *   same (records are append-mostly, this is a corner case).
 * - A record removed on one side is removed unless the other side changed it
 *   (an edit is never lost to a deletion).
 *
 * The result is sorted by time then id, so the file it is written to is
 * stable and its diffs are small.
 */
export function mergeReviewRecords(base: readonly ReviewRecord[], mine: readonly ReviewRecord[], theirs: readonly ReviewRecord[]): ReviewRecord[] {
  const index = (rs: readonly ReviewRecord[]): Map<string, ReviewRecord> => new Map(rs.map((r) => [r.id, r]));
  const b = index(base);
  const m = index(mine);
  const t = index(theirs);
  const ids = new Set([...m.keys(), ...t.keys()]);
  const out: ReviewRecord[] = [];
  for (const id of ids) {
    const br = b.get(id);
    const mr = m.get(id);
    const tr = t.get(id);
    const bs = br && canonical(br);
    const ms = mr && canonical(mr);
    const ts = tr && canonical(tr);
    if (mr && tr) {
      if (ms === ts || ts === bs) out.push(mr);
      else if (ms === bs) out.push(tr);
      else out.push(ms! > ts! ? mr : tr);
    } else if (mr) {
      // Absent on their side: new here (keep), or deleted there (drop unless changed here).
      if (!br || ms !== bs) out.push(mr);
    } else if (tr) {
      if (!br || ts !== bs) out.push(tr);
    }
  }
  return out.sort(compareRecords);
}
