import type { Document } from '../../shared/document';
import { displayRef } from '../../shared/kinds/kinds';
import { initialStatus, LIFECYCLES, statusLabel } from '../../shared/kinds/lifecycle';
import { madeOnOtherText, textVersion } from '../../shared/reviews/contentHash';
import { personLabel } from '../../shared/reviews/people';
import { deriveReviewers } from '../../shared/reviews/state';
import type { DocumentStore } from '../store/documentStore';
import type { ReviewStore } from '../store/reviewStore';
import type { SettingsStore } from '../store/settingsStore';
import type { DocumentHooks, SaveSource, ServiceContext } from './documentService';
import { readReviewPolicy } from './reviewLog';

/** Why a document left its approved status, in its history and on the dashboard. */
export const TEXT_CHANGED_REASON = 'the approved text changed';

/**
 * Approval means "approved as written" (docs/adr, substantive changes): when
 * the substantive content of a document changes (contentHash.ts), approvals
 * given on the old text are dismissed (policy `dismissStaleApprovals`, on by
 * default) and a document in its approved status (RFC Approved, ADR accepted,
 * matrix Decided, postmortem Published) goes back to review (In Review, or
 * the first status for kinds without one), with history lines saying why.
 * Runs as a document hook on every local write, version restore and write
 * a sync makes, inside the write's transaction.
 */
export class ApprovalGuard implements DocumentHooks {
  constructor(
    private readonly store: DocumentStore,
    private readonly reviews: ReviewStore,
    private readonly settings: SettingsStore,
    private readonly ctx: ServiceContext,
    /** Keeps a version of a text a verdict was given on before it changes, for "changes since your review". */
    private readonly keepVersion: (doc: Document) => void = () => undefined,
  ) {}

  onSaved(before: Document, after: Document, source: SaveSource = 'edit'): void {
    this.onContentChanged(before, after, source);
  }

  /**
   * The one place a change of text is judged. A reference rewritten by a
   * renumbering is not an edit anyone made, so it moves nothing. A write
   * made by a sync gets a new revision, so the next sync pushes the move.
   */
  onContentChanged(before: Document, after: Document, source: SaveSource): void {
    if (source === 'renumber') return;
    const lc = LIFECYCLES[after.kind];
    const wasApproved = before.status === lc.approvedStatus && after.status === lc.approvedStatus;
    const records = this.reviews.list(after.id);
    // Nothing rests on the old text (no verdict, not approved): an autosave need not hash the document at all.
    if (!wasApproved && !records.some((r) => r.type === 'verdict')) return;
    const was = textVersion(before);
    const now = textVersion(after);
    if (was.contentHash === now.contentHash) return;
    const policy = readReviewPolicy(this.settings);
    if (records.some((r) => r.type === 'verdict' && !madeOnOtherText(r, was))) this.keepVersion(before);
    const stillValid = new Set(
      deriveReviewers(records, now)
        .filter((r) => r.verdict === 'approve' && !r.stale)
        .map(personLabel),
    );
    const dismissed = deriveReviewers(records, was)
      .filter((r) => r.verdict === 'approve' && !r.stale && !stillValid.has(personLabel(r)))
      .map(personLabel);
    const at = this.ctx.now().toISOString();
    const actor = this.ctx.identity();
    const history = (event: string, from: string | null, to: string | null, data: Record<string, unknown>): void =>
      this.store.addHistory({ docId: after.id, at, actor, event, from, to, data: { ...data, ...(source === 'sync' ? { source: 'sync' } : { how: source }) } });

    if (policy.dismissStaleApprovals === false) {
      if (wasApproved) history('approved-text-changed', null, null, { reason: TEXT_CHANGED_REASON, policy: 'dismissStaleApprovals: false' });
      return;
    }
    if (dismissed.length) history('approvals-dismissed', null, null, { names: dismissed, reason: TEXT_CHANGED_REASON });
    if (!wasApproved) return;
    const back = lc.reviewStatus ?? initialStatus(after.kind);
    const current = this.store.get(after.id) ?? after;
    const moved: Document = { ...current, status: back, updatedAt: at, revision: source === 'sync' || source === 'merge' ? current.revision + 1 : current.revision };
    this.store.update(moved);
    history('status', after.status, back, {
      reason: TEXT_CHANGED_REASON,
      message: `${displayRef(after.kind, after.number)} went back to ${statusLabel(after.kind, back)}: ${TEXT_CHANGED_REASON}, so it needs approval again.`,
    });
  }
}
