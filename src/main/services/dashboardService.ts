import type { Dashboard } from '../../shared/contract/reviews';
import type { Document, Person } from '../../shared/document';
import { LIFECYCLES } from '../../shared/kinds/lifecycle';
import type { DocKind } from '../../shared/kinds/kinds';
import { textVersion } from '../../shared/reviews/contentHash';
import { personLabel, samePerson } from '../../shared/reviews/people';
import { evaluatePolicy } from '../../shared/reviews/policy';
import { deriveReviewers, isUnderReview, lastRequest } from '../../shared/reviews/state';
import type { DocumentStore } from '../store/documentStore';
import type { ReviewStore } from '../store/reviewStore';
import type { SettingsStore } from '../store/settingsStore';
import type { ActionItemService } from './actionItemService';
import type { ServiceContext } from './documentService';
import { readReviewPolicy } from './reviewLog';
import { METRICS_DAYS, ReviewMetrics } from './reviewMetrics';

export const STALE_DAYS_KEY = 'staleReviewDays';
export const DEFAULT_STALE_DAYS = 5;
/** "Recently decided" looks this far back, and shows at most RECENT_LIMIT documents. */
const RECENT_DAYS = 30;
const RECENT_LIMIT = 10;
const DAY_MS = 86_400_000;

interface DecidedRow {
  doc_id: string;
  at: string;
  actor_name: string;
  actor_email: string;
  to_value: string;
  kind: DocKind;
  number: number;
  title: string;
  status: string;
}

const dashDoc = (d: Pick<Document, 'id' | 'kind' | 'number' | 'title' | 'status'>): Dashboard['waitingOnMe'][number]['doc'] => ({
  id: d.id,
  kind: d.kind,
  number: d.number,
  title: d.title,
  status: d.status,
});

/**
 * The dashboard: what waits on me, my documents in review and who has
 * answered, reviews with no activity for a while, what was decided lately,
 * overdue postmortem action items and decisions due for a revisit. Computed on demand from the review
 * records and documents; nothing here is stored.
 */
export class DashboardService {
  private readonly decidedStmt;
  private readonly dismissedStmt;
  private readonly revisitStmt;
  private readonly metrics: ReviewMetrics;

  constructor(
    private readonly store: DocumentStore,
    private readonly reviews: ReviewStore,
    private readonly actionItems: ActionItemService,
    private readonly settings: SettingsStore,
    private readonly ctx: ServiceContext,
  ) {
    this.decidedStmt = store.db.prepare<[string], DecidedRow>(
      `SELECT h.doc_id, h.at, h.actor_name, h.actor_email, h.to_value, d.kind, d.number, d.title, d.status
       FROM history h JOIN documents d ON d.id = h.doc_id
       WHERE h.event = 'status' AND d.deleted_at IS NULL AND h.to_value = d.status AND h.at >= ?
       ORDER BY h.at DESC, h.id DESC`,
    );
    this.metrics = new ReviewMetrics(store);
    this.revisitStmt = store.db.prepare<[string], { id: string; kind: DocKind; number: number; title: string; status: string; revisit_on: string; revisit_when: unknown }>(
      `SELECT id, kind, number, title, status, json_extract(fields, '$.revisitOn') AS revisit_on, json_extract(fields, '$.revisitWhen') AS revisit_when
       FROM documents
       WHERE kind = 'matrix' AND status = 'decided' AND deleted_at IS NULL
         AND json_type(fields, '$.revisitOn') = 'text' AND json_extract(fields, '$.revisitOn') <> '' AND json_extract(fields, '$.revisitOn') <= ?
       ORDER BY revisit_on, number`,
    );
    this.dismissedStmt = store.db.prepare<[string], { doc_id: string; at: string; actor_name: string; actor_email: string; data: string | null }>(
      `SELECT h.doc_id, h.at, h.actor_name, h.actor_email, h.data FROM history h JOIN documents d ON d.id = h.doc_id
       WHERE h.event = 'approvals-dismissed' AND d.deleted_at IS NULL AND h.at >= ? ORDER BY h.at DESC, h.id DESC LIMIT 50`,
    );
  }

  /** Dismissals of approvals since `since` on my documents or of my own approvals, on documents not decided again since. */
  private dismissed(me: Person, since: string): NonNullable<Dashboard['approvalsDismissed']> {
    const out: NonNullable<Dashboard['approvalsDismissed']> = [];
    for (const r of this.dismissedStmt.all(since)) {
      const names = (JSON.parse(r.data ?? '{}') as { names?: unknown }).names;
      const list = Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
      const doc = this.store.get(r.doc_id);
      if (!doc || doc.status === LIFECYCLES[doc.kind].approvedStatus) continue;
      if (!samePerson(doc.createdBy, me) && !list.includes(personLabel(me))) continue;
      out.push({ doc: dashDoc(doc), at: r.at, by: { name: r.actor_name, email: r.actor_email }, names: list });
    }
    return out;
  }

  staleAfterDays(): number {
    const n = this.settings.get<number>(STALE_DAYS_KEY);
    return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : DEFAULT_STALE_DAYS;
  }

  setStaleAfterDays(days: number): number {
    this.settings.set(STALE_DAYS_KEY, days);
    return days;
  }

  /** The dashboard for the current identity; `today` (the caller's local date) decides which action items are overdue. */
  get(today?: string): Dashboard {
    const me = this.ctx.identity();
    const now = this.ctx.now();
    const staleAfterDays = this.staleAfterDays();
    const policy = readReviewPolicy(this.settings);
    const dismiss = policy.dismissStaleApprovals !== false;
    const out: Dashboard = { staleAfterDays, waitingOnMe: [], myInReview: [], stale: [], recentlyDecided: [], overdueActions: [], approvalsDismissed: [], inFcp: [], onHold: [], overdueReviews: [], staleProposals: [] };

    const openByReviewer = new Map<string, number>();
    for (const [docId, records] of this.reviews.listLive()) {
      const request = lastRequest(records);
      const doc = request ? this.store.get(docId) : undefined;
      if (!request || !doc || !isUnderReview(doc.kind, doc.status, true)) continue;
      const reviewers = deriveReviewers(records, textVersion(doc));
      const listed = reviewers.filter((r) => r.listed);
      const mine = samePerson(doc.createdBy, me);
      const asReviewer = listed.find((r) => samePerson(r, me));
      const dismissedMine = dismiss && asReviewer?.verdict === 'approve' && asReviewer.stale;
      if (asReviewer && !mine && (!asReviewer.respondedSinceRequest || dismissedMine)) {
        out.waitingOnMe.push({
          doc: dashDoc(doc),
          requestedAt: request.at,
          requestedBy: request.by,
          required: asReviewer.required,
          again: asReviewer.respondedAt !== null,
          reason: dismissedMine ? 'text-changed' : 'requested',
        });
      }
      const result = evaluatePolicy({ kind: doc.kind, records, body: doc.body, fields: doc.fields, policy, now: now.toISOString() });
      const waiting = listed.filter((r) => !r.respondedSinceRequest).map((r) => r.name);
      for (const name of waiting) openByReviewer.set(name, (openByReviewer.get(name) ?? 0) + 1);
      if (result.fcp?.state === 'running') out.inFcp!.push({ doc: dashDoc(doc), endsAt: result.fcp.endsAt, daysLeft: result.fcp.daysLeft });
      if (result.hold) out.onHold!.push({ doc: dashDoc(doc), ...result.hold });
      if (request.due && request.due < (today ?? now.toISOString().slice(0, 10)) && waiting.length) out.overdueReviews!.push({ doc: dashDoc(doc), due: request.due, waitingOn: waiting });
      const inReviewDays = Math.floor((now.getTime() - Date.parse(request.at)) / DAY_MS);
      if (policy.staleProposalDays && inReviewDays > policy.staleProposalDays) {
        out.staleProposals!.push({ doc: dashDoc(doc), requestedAt: request.at, days: inReviewDays, limit: policy.staleProposalDays });
      }
      if (mine) {
        out.myInReview.push({
          doc: dashDoc(doc),
          requestedAt: request.at,
          reviewers: listed.map((r) => ({ name: r.name, required: r.required, verdict: r.verdict, respondedAt: r.respondedAt, stale: r.stale })),
          policyOk: result.ok,
          policyMessage: result.message,
        });
      }
      const lastRecord = records.reduce((a, r) => (r.at > a ? r.at : a), request.at);
      const lastActivityAt = lastRecord > doc.updatedAt ? lastRecord : doc.updatedAt;
      const idleDays = Math.floor((now.getTime() - Date.parse(lastActivityAt)) / DAY_MS);
      if (idleDays >= staleAfterDays) {
        out.stale.push({ doc: dashDoc(doc), lastActivityAt, idleDays, waitingOn: listed.filter((r) => !r.respondedSinceRequest).map((r) => r.name) });
      }
    }
    out.waitingOnMe.sort((a, b) => (a.requestedAt < b.requestedAt ? 1 : -1));
    out.myInReview.sort((a, b) => (a.requestedAt < b.requestedAt ? -1 : 1));
    out.stale.sort((a, b) => b.idleDays - a.idleDays);
    out.inFcp!.sort((a, b) => (a.endsAt < b.endsAt ? -1 : 1));
    out.overdueReviews!.sort((a, b) => (a.due < b.due ? -1 : 1));
    out.staleProposals!.sort((a, b) => b.days - a.days);

    const seen = new Set<string>();
    for (const r of this.decidedStmt.all(new Date(now.getTime() - RECENT_DAYS * DAY_MS).toISOString())) {
      const lc = LIFECYCLES[r.kind];
      if (seen.has(r.doc_id) || (r.to_value !== lc.approvedStatus && r.to_value !== 'rejected')) continue;
      seen.add(r.doc_id);
      out.recentlyDecided.push({ doc: { id: r.doc_id, kind: r.kind, number: r.number, title: r.title, status: r.status }, decidedAt: r.at, decidedBy: { name: r.actor_name, email: r.actor_email } });
      if (out.recentlyDecided.length === RECENT_LIMIT) break;
    }

    out.metrics = {
      days: METRICS_DAYS,
      ...this.metrics.decisions(now),
      openReviewsByReviewer: [...openByReviewer].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1)),
      staleInReview: out.stale.length,
    };
    out.approvalsDismissed = this.dismissed(me, new Date(now.getTime() - RECENT_DAYS * DAY_MS).toISOString());
    out.overdueActions = this.actionItems.list({ overdueOnly: true, ...(today ? { today } : {}) });
    out.revisitsDue = this.revisitStmt.all(today ?? now.toISOString().slice(0, 10)).map((r) => ({
      doc: dashDoc(r),
      revisitOn: r.revisit_on,
      revisitWhen: typeof r.revisit_when === 'string' ? r.revisit_when : '',
    }));
    return out;
  }
}
