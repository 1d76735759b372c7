import { initialStatus, LIFECYCLES } from '../kinds/lifecycle';
import type { DocKind } from '../kinds/kinds';
import { locateAnchor } from './anchors';
import { bodyHash } from './bodyHash';
import { madeOnOtherText, type TextVersion } from './contentHash';
import { RFC_CHECKLIST } from './checklist';
import { compareRecords } from './merge';
import { samePerson, type PersonLike } from './people';
import type { RecordOf, ReviewRecord } from './schemas';
import type { ChecklistViewItem, ReviewerStatus, Thread } from './view';

function ofType<T extends ReviewRecord['type']>(records: readonly ReviewRecord[], type: T): RecordOf<T>[] {
  return records.filter((r): r is RecordOf<T> => r.type === type).sort(compareRecords);
}

/** The latest review request, or null when review was never requested. */
export function lastRequest(records: readonly ReviewRecord[]): RecordOf<'request'> | null {
  return ofType(records, 'request').pop() ?? null;
}

interface Entry extends ReviewerStatus {
  removed: boolean;
}

/**
 * Everyone taking part in the review, in the order they were added: the
 * listed reviewers (a later reviewer record for the same person changes
 * required/optional or removes them) and anyone else who gave a verdict.
 * Each one's standing verdict is their latest approve or request-changes
 * (a plain comment does not withdraw either), and is "stale" when the text
 * changed since it was given (`current`: the text now; a bare string is a
 * body hash, '' when staleness does not matter to the caller).
 */
export function deriveReviewers(records: readonly ReviewRecord[], current: TextVersion | string): ReviewerStatus[] {
  const now: TextVersion = typeof current === 'string' ? { bodyHash: current, contentHash: current } : current;
  const entries: Entry[] = [];
  const find = (p: PersonLike): Entry | undefined => entries.find((e) => samePerson(e, p));
  const request = lastRequest(records);
  const sorted = [...records].sort(compareRecords);
  for (const r of sorted) {
    if (r.type === 'reviewer') {
      const e = find(r.reviewer);
      const email = r.reviewer.email || e?.email;
      if (e) Object.assign(e, { name: r.reviewer.name, required: r.reviewer.required, removed: r.removed, listed: true, ...(email ? { email } : {}) });
      else entries.push({ ...blank(r.reviewer), required: r.reviewer.required, removed: r.removed, listed: true });
    } else if (r.type === 'verdict') {
      let e = find(r.by);
      if (!e) entries.push((e = { ...blank(r.by), required: false, removed: false, listed: false }));
      e.respondedAt = r.at;
      if (request && r.at >= request.at) e.respondedSinceRequest = true;
      if (r.verdict !== 'comment') {
        Object.assign(e, { verdict: r.verdict, verdictAt: r.at, note: r.note, stale: madeOnOtherText(r, now), reviewedOn: reviewedOn(r) });
      } else if (e.verdict === null || e.verdict === 'comment') {
        Object.assign(e, { verdict: 'comment', verdictAt: r.at, note: r.note, stale: madeOnOtherText(r, now), reviewedOn: reviewedOn(r) });
      } else {
        e.reviewedOn = reviewedOn(r);
      }
    }
  }
  return entries.filter((e) => !e.removed).map(({ removed: _removed, ...rest }) => rest);
}

/** The text a verdict was given on, as the view names it. */
function reviewedOn(r: RecordOf<'verdict'>): ReviewerStatus['reviewedOn'] {
  return { revision: r.revision, bodyHash: r.bodyHash, ...(r.contentHash !== undefined ? { contentHash: r.contentHash } : {}) };
}

function blank(p: PersonLike): Entry {
  return {
    name: p.name,
    ...(p.email ? { email: p.email } : {}),
    required: false,
    listed: true,
    verdict: null,
    verdictAt: null,
    note: '',
    stale: false,
    reviewedOn: null,
    respondedAt: null,
    respondedSinceRequest: false,
    removed: false,
  };
}

/** Comment threads with their replies, resolution and where their passage is in `body` now. */
export function deriveThreads(records: readonly ReviewRecord[], body: string): Thread[] {
  const hash = bodyHash(body);
  const threads = new Map<string, Thread>();
  for (const c of ofType(records, 'comment')) {
    const loc = locateAnchor(body, c.anchor);
    threads.set(c.id, {
      id: c.id,
      by: c.by,
      at: c.at,
      text: c.text,
      anchor: c.anchor,
      location: loc.state,
      section: loc.state === 'found' ? loc.section : c.anchor.section,
      onEarlierVersion: c.bodyHash !== hash,
      resolved: false,
      resolvedBy: null,
      resolvedAt: null,
      replies: [],
    });
  }
  for (const r of ofType(records, 'reply')) threads.get(r.commentId)?.replies.push({ id: r.id, by: r.by, at: r.at, text: r.text });
  for (const r of ofType(records, 'resolution')) {
    const t = threads.get(r.commentId);
    if (t) Object.assign(t, { resolved: r.resolved, resolvedBy: r.resolved ? r.by : null, resolvedAt: r.resolved ? r.at : null });
  }
  return [...threads.values()];
}

/** The Architecture Review Checklist with each reviewer's latest tick and concern per item. */
export function deriveChecklist(records: readonly ReviewRecord[]): ChecklistViewItem[] {
  const items = RFC_CHECKLIST.map((i) => ({ id: i.id, label: i.label, questions: [...i.questions], entries: [] as ChecklistViewItem['entries'] }));
  for (const r of ofType(records, 'checklist')) {
    const item = items.find((i) => i.id === r.item)!;
    const entry = { by: r.by, at: r.at, checked: r.checked, concern: r.concern };
    const at = item.entries.findIndex((e) => samePerson(e.by, r.by));
    if (at === -1) item.entries.push(entry);
    else item.entries[at] = entry;
  }
  for (const i of items) i.entries = i.entries.filter((e) => e.checked || e.concern.trim() !== '');
  return items;
}

/**
 * Whether a document is waiting for reviews: review was requested and it
 * sits in its kind's review status (RFC and postmortem: In Review) or, for
 * kinds without one (ADR, matrix), still in its first status.
 */
export function isUnderReview(kind: DocKind, status: string, requested: boolean): boolean {
  if (!requested) return false;
  const review = LIFECYCLES[kind].reviewStatus;
  return status === (review ?? initialStatus(kind));
}
