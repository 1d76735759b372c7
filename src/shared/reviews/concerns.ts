import { compareRecords } from './merge';
import { samePerson } from './people';
import type { RecordOf, ReviewRecord } from './schemas';
import type { ConcernView, HoldView } from './view';

const ofType = <T extends ReviewRecord['type']>(records: readonly ReviewRecord[], type: T): RecordOf<T>[] =>
  records.filter((r): r is RecordOf<T> => r.type === type).sort(compareRecords);

/**
 * Blocking concerns with their state. A resolution counts only when made by
 * the raiser or by the person the raiser last delegated the concern to (a
 * record written by anyone else, e.g. by hand in the repository, is
 * ignored); the latest one that counts decides.
 */
export function deriveConcerns(records: readonly ReviewRecord[]): ConcernView[] {
  const concerns = new Map<string, ConcernView>();
  for (const c of ofType(records, 'concern')) {
    concerns.set(c.id, { id: c.id, by: c.by, at: c.at, title: c.title, text: c.text, anchor: c.anchor, open: true, delegate: null, resolvedBy: null, resolvedAt: null, note: '' });
  }
  const acts = [...ofType(records, 'concern-delegation'), ...ofType(records, 'concern-resolution')].sort(compareRecords);
  for (const a of acts) {
    const c = concerns.get(a.concernId);
    if (!c) continue;
    if (a.type === 'concern-delegation') {
      if (samePerson(a.by, c.by)) c.delegate = a.to;
      continue;
    }
    if (!mayResolve(c, a.by)) continue;
    Object.assign(c, { open: !a.resolved, resolvedBy: a.resolved ? a.by : null, resolvedAt: a.resolved ? a.at : null, note: a.note });
  }
  return [...concerns.values()];
}

/** Whether `who` may resolve or reopen a concern: its raiser or their delegate. */
export function mayResolve(c: Pick<ConcernView, 'by' | 'delegate'>, who: { name: string; email?: string | undefined }): boolean {
  return samePerson(c.by, who) || (c.delegate !== null && samePerson(c.delegate, who));
}

/** The hold on a document: the latest hold record, when it is on. */
export function deriveHold(records: readonly ReviewRecord[]): HoldView | null {
  const last = ofType(records, 'hold').pop();
  return last?.on ? { by: last.by, at: last.at, reason: last.reason } : null;
}
