import type { Dashboard } from '../../shared/contract/reviews';
import { LIFECYCLES } from '../../shared/kinds/lifecycle';
import type { DocKind } from '../../shared/kinds/kinds';
import type { DocumentStore } from '../store/documentStore';

/** Decisions this far back count in the metrics. */
export const METRICS_DAYS = 90;
const DAY_MS = 86_400_000;

interface EventRow {
  doc_id: string;
  at: string;
  event: string;
  to_value: string | null;
  kind: DocKind;
  number: number;
  title: string;
  status: string;
}

type Metrics = NonNullable<Dashboard['metrics']>;

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length === 0 ? 0 : s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Time from In Review to a decision, per document and as a median per kind,
 * over the last METRICS_DAYS, worked out from the history the app already
 * keeps: review starts when a document moves into its review status (or,
 * for kinds without one, when review is requested) and ends at the next move
 * to its approved status or to rejected. A document sent back and decided
 * again counts once per decision.
 */
export class ReviewMetrics {
  private readonly stmt;

  constructor(store: DocumentStore) {
    this.stmt = store.db.prepare<[], EventRow>(
      `SELECT h.doc_id, h.at, h.event, h.to_value, d.kind, d.number, d.title, d.status
       FROM history h JOIN documents d ON d.id = h.doc_id
       WHERE d.deleted_at IS NULL AND h.event IN ('status', 'review-requested')
       ORDER BY h.doc_id, h.at, h.id`,
    );
  }

  decisions(now: Date): Pick<Metrics, 'decisions' | 'medianDaysByKind'> {
    const since = new Date(now.getTime() - METRICS_DAYS * DAY_MS).toISOString();
    const decisions: Metrics['decisions'] = [];
    let doc: string | null = null;
    let started: string | null = null;
    for (const r of this.stmt.iterate()) {
      if (r.doc_id !== doc) {
        doc = r.doc_id;
        started = null;
      }
      const lc = LIFECYCLES[r.kind];
      const entersReview = lc.reviewStatus !== null ? r.event === 'status' && r.to_value === lc.reviewStatus : r.event === 'review-requested';
      if (entersReview) {
        started ??= r.at;
        continue;
      }
      if (r.event !== 'status' || started === null) continue;
      const outcome = r.to_value === lc.approvedStatus ? 'approved' : r.to_value === 'rejected' ? 'rejected' : null;
      if (!outcome) {
        if (lc.reviewStatus !== null) started = null;
        continue;
      }
      if (r.at >= since) {
        decisions.push({
          doc: { id: r.doc_id, kind: r.kind, number: r.number, title: r.title, status: r.status },
          inReviewAt: started,
          decidedAt: r.at,
          outcome,
          days: Math.round(((Date.parse(r.at) - Date.parse(started)) / DAY_MS) * 10) / 10,
        });
      }
      started = null;
    }
    decisions.sort((a, b) => (a.decidedAt < b.decidedAt ? 1 : -1));
    const kinds = [...new Set(decisions.map((d) => d.doc.kind))];
    const medianDaysByKind = kinds.map((kind) => {
      const days = decisions.filter((d) => d.doc.kind === kind).map((d) => d.days);
      return { kind, median: Math.round(median(days) * 10) / 10, count: days.length };
    });
    return { decisions, medianDaysByKind };
  }
}
