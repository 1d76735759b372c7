import type { Person } from '../document';
import type { DocKind } from '../kinds/kinds';
import { textVersion } from './contentHash';
import { compareRecords } from './merge';
import { samePerson, type PersonLike } from './people';
import { deriveConcerns, deriveHold } from './concerns';
import { evaluatePolicy } from './policy';
import type { ReviewPolicy, ReviewRecord } from './schemas';
import { deriveChecklist, deriveReviewers, deriveThreads, isUnderReview, lastRequest } from './state';
import type { ReviewView } from './view';

export interface ReviewSubject {
  id: string;
  kind: DocKind;
  status: string;
  body: string;
  fields: Readonly<Record<string, unknown>>;
  createdBy: Person;
}

/** Everything the review panel shows, derived from the document and its records, for `viewer`. */
export function buildReviewView(doc: ReviewSubject, records: readonly ReviewRecord[], policy: ReviewPolicy, viewer: PersonLike, now?: string): ReviewView {
  const reviewers = deriveReviewers(records, textVersion(doc));
  const request = lastRequest(records);
  const last = [...records].sort(compareRecords).pop();
  return {
    docId: doc.id,
    kind: doc.kind,
    status: doc.status,
    underReview: isUnderReview(doc.kind, doc.status, request !== null),
    request: request ? { at: request.at, by: request.by, note: request.note, ...(request.due ? { due: request.due } : {}) } : null,
    reviewers,
    threads: deriveThreads(records, doc.body),
    concerns: deriveConcerns(records),
    hold: deriveHold(records),
    checklist: doc.kind === 'rfc' ? deriveChecklist(records) : null,
    policy: evaluatePolicy({ kind: doc.kind, records, body: doc.body, fields: doc.fields, policy, ...(now ? { now } : {}) }),
    viewer: { isAuthor: samePerson(doc.createdBy, viewer), isReviewer: reviewers.some((r) => r.listed && samePerson(r, viewer)) },
    lastActivityAt: last?.at ?? null,
  };
}
