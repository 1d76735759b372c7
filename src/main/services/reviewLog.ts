import { monotonicFactory } from 'ulid';
import type { Document } from '../../shared/document';
import { DEFAULT_REVIEW_POLICY, ReviewPolicySchema, ReviewRecordSchema, type ReviewPolicy, type ReviewRecord } from '../../shared/reviews/schemas';
import type { DocumentStore } from '../store/documentStore';
import type { ReviewStore } from '../store/reviewStore';
import type { SettingsStore } from '../store/settingsStore';
import type { ServiceContext } from './documentService';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A record as a service writes it; id, time and author are filled in. */
export type NewRecord = DistributiveOmit<ReviewRecord, 'id' | 'at' | 'by'>;

export interface HistoryLine {
  event: string;
  from?: string | null;
  to?: string | null;
  data?: unknown;
}

export const REVIEW_POLICY_KEY = 'reviewPolicy';

/** The workspace's review policy, or the default when none (or an unreadable one) is stored. */
export function readReviewPolicy(settings: SettingsStore): ReviewPolicy {
  const parsed = ReviewPolicySchema.safeParse(settings.get(REVIEW_POLICY_KEY));
  return parsed.success ? parsed.data : DEFAULT_REVIEW_POLICY;
}

/**
 * Appends review records made now by the current identity, each with its
 * line in the document's history. Ids come from a monotonic ULID factory
 * seeded with the service clock, so records written in the same millisecond
 * still sort in the order they were made.
 */
export class ReviewLog {
  private readonly nextId = monotonicFactory();

  constructor(
    private readonly store: DocumentStore,
    private readonly reviews: ReviewStore,
    private readonly ctx: ServiceContext,
  ) {}

  append(doc: Document, fields: NewRecord, history?: HistoryLine): ReviewRecord {
    const now = this.ctx.now();
    const by = this.ctx.identity();
    const record = ReviewRecordSchema.parse({ ...fields, id: this.nextId(now.getTime()), at: now.toISOString(), by: { name: by.name, email: by.email } });
    this.reviews.add(doc.id, record);
    if (history) this.write(doc, record.at, history);
    return record;
  }

  /** A line of history with no record of its own (e.g. a summary of several reviewer records). */
  note(doc: Document, line: HistoryLine): void {
    this.write(doc, this.ctx.now().toISOString(), line);
  }

  private write(doc: Document, at: string, line: HistoryLine): void {
    this.store.addHistory({ docId: doc.id, at, actor: this.ctx.identity(), event: line.event, from: line.from ?? null, to: line.to ?? null, data: line.data });
  }

  records(docId: string): ReviewRecord[] {
    return this.reviews.list(docId);
  }
}
