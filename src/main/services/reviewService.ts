import type { Document } from '../../shared/document';
import { AppError } from '../../shared/errors';
import { displayRef, KINDS } from '../../shared/kinds/kinds';
import { initialStatus, LIFECYCLES, statusLabel } from '../../shared/kinds/lifecycle';
import { bodyHash } from '../../shared/reviews/bodyHash';
import { contentHash } from '../../shared/reviews/contentHash';
import { buildReviewView } from '../../shared/reviews/buildReviewView';
import { checklistItem, type ChecklistItemId } from '../../shared/reviews/checklist';
import { personLabel, samePerson } from '../../shared/reviews/people';
import { reviewerNames } from '../../shared/reviews/reviewerNames';
import type { Anchor, RecordOf, Reviewer, Verdict } from '../../shared/reviews/schemas';
import { deriveChecklist, deriveReviewers, deriveThreads } from '../../shared/reviews/state';
import type { ReviewView } from '../../shared/reviews/view';
import type { DocumentStore } from '../store/documentStore';
import type { SettingsStore } from '../store/settingsStore';
import type { DocumentService, ServiceContext } from './documentService';
import { readReviewPolicy, type ReviewLog } from './reviewLog';
import { ReviewBlocks } from './reviewBlocks';
import { findReviewedText, type ReviewedText } from './reviewedText';
import type { VersionService } from './versionService';

const QUOTE_IN_HISTORY = 120;
const short = (s: string): string => (s.length > QUOTE_IN_HISTORY ? `${s.slice(0, QUOTE_IN_HISTORY - 1)}…` : s);

/**
 * Reviews of a document: who reviews it (required or optional), requests,
 * verdicts, comment threads on sections and passages, and the RFC checklist.
 * Every act is an appended record plus a line of history, written under the
 * current identity in one transaction with any status change it causes.
 */
export class ReviewService {
  /** Concerns and holds. */
  readonly blocks: ReviewBlocks;

  constructor(
    private readonly documents: DocumentService,
    private readonly store: DocumentStore,
    private readonly log: ReviewLog,
    private readonly settings: SettingsStore,
    private readonly ctx: ServiceContext,
    private readonly versions?: VersionService,
  ) {
    this.blocks = new ReviewBlocks(documents, store, log, ctx, (docId) => this.get(docId));
  }

  /** The review as the panel shows it, for the current identity. */
  get(docId: string): ReviewView {
    const doc = this.documents.get(docId);
    return buildReviewView(doc, this.log.records(docId), readReviewPolicy(this.settings), this.ctx.identity(), this.ctx.now().toISOString());
  }

  /**
   * The text the current identity last reviewed, for "changes since your
   * review"; null when they gave no verdict on this document.
   */
  reviewedText(docId: string): ReviewedText | null {
    const doc = this.documents.get(docId);
    const me = this.ctx.identity();
    const mine = deriveReviewers(this.log.records(docId), '').find((r) => samePerson(r, me));
    if (!mine || !this.versions) return null;
    return findReviewedText(doc, mine, this.versions);
  }

  /**
   * Replaces the reviewer list. Each addition, removal and change between
   * required and optional is its own record, so two people editing the list
   * on two laptops merge person by person.
   */
  setReviewers(docId: string, reviewers: readonly Reviewer[]): ReviewView {
    return this.store.transaction(() => {
      const doc = this.documents.get(docId);
      reviewers.forEach((r, i) => {
        const twin = reviewers.findIndex((o) => samePerson(o, r));
        if (twin !== i) throw new AppError('VALIDATION', `${personLabel(r)} is listed twice.`, { name: r.name });
      });
      const current = deriveReviewers(this.log.records(docId), '').filter((r) => r.listed);
      const added: string[] = [];
      const changed: string[] = [];
      for (const r of reviewers) {
        const was = current.find((c) => samePerson(c, r));
        if (was && was.required === r.required && was.name === r.name && (!r.email || r.email === was.email)) continue;
        (was ? changed : added).push(`${r.name} (${r.required ? 'required' : 'optional'})`);
        this.log.append(doc, { type: 'reviewer', reviewer: clean(r), removed: false });
      }
      const removed = current.filter((c) => !reviewers.some((r) => samePerson(c, r)));
      for (const c of removed) this.log.append(doc, { type: 'reviewer', reviewer: clean(c), removed: true });
      if (added.length || changed.length || removed.length) {
        this.log.note(doc, { event: 'reviewers', data: { added, changed, removed: removed.map((c) => c.name) } });
      }
      this.mirrorReviewerNames(doc);
      return this.get(docId);
    });
  }

  /**
   * The review's reviewers are the source of an RFC's `reviewers` field:
   * the names are copied into it through the ordinary document update, so
   * they show in the front matter and sync like any edit.
   */
  private mirrorReviewerNames(doc: Document): void {
    if (doc.kind !== 'rfc') return;
    const names = reviewerNames(this.log.records(doc.id)).slice(0, 50);
    const current = Array.isArray(doc.fields.reviewers) ? doc.fields.reviewers : [];
    if (names.length === current.length && names.every((n, i) => n === current[i])) return;
    this.documents.update({ id: doc.id, baseRevision: doc.revision, fields: { ...doc.fields, reviewers: names } });
  }

  /**
   * Asks the listed reviewers to review. RFCs and postmortems move to In
   * Review (an illegal move, e.g. from Approved, is refused); ADRs and
   * matrices have no review status, so only the request is recorded, and
   * only while they are undecided.
   */
  request(docId: string, note = '', due?: string): { review: ReviewView; document: Document } {
    return this.store.transaction(() => {
      let doc = this.documents.get(docId);
      const reviewers = deriveReviewers(this.log.records(docId), '').filter((r) => r.listed);
      if (reviewers.length === 0) throw new AppError('VALIDATION', 'Add at least one reviewer before requesting review.');
      const lc = LIFECYCLES[doc.kind];
      if (lc.reviewStatus === null && doc.status !== initialStatus(doc.kind)) {
        throw new AppError(
          'ILLEGAL_TRANSITION',
          `${displayRef(doc.kind, doc.number)} is ${statusLabel(doc.kind, doc.status)} already; review is asked for while a ${KINDS[doc.kind].label} is ${statusLabel(doc.kind, initialStatus(doc.kind))}.`,
          { from: doc.status },
        );
      }
      this.log.append(
        doc,
        { type: 'request', revision: doc.revision, bodyHash: bodyHash(doc.body), contentHash: contentHash(doc), note: note.trim(), ...(due ? { due } : {}) },
        { event: 'review-requested', data: { reviewers: reviewers.map((r) => r.name), ...(note.trim() ? { note: short(note.trim()) } : {}), ...(due ? { due } : {}) } },
      );
      if (lc.reviewStatus !== null && doc.status !== lc.reviewStatus) doc = this.documents.move(docId, lc.reviewStatus);
      return { review: this.get(docId), document: doc };
    });
  }

  /** Records a verdict. The author may comment on their own document but not approve it or request changes. */
  verdict(docId: string, verdict: Verdict, note = ''): ReviewView {
    return this.store.transaction(() => {
      const doc = this.documents.get(docId);
      if (verdict !== 'comment' && samePerson(doc.createdBy, this.ctx.identity())) {
        throw new AppError('FORBIDDEN', `You wrote ${displayRef(doc.kind, doc.number)}: its reviewers approve it or request changes. Switch identity if you are reviewing on someone else's behalf.`);
      }
      this.log.append(
        doc,
        { type: 'verdict', verdict, note: note.trim(), revision: doc.revision, bodyHash: bodyHash(doc.body), contentHash: contentHash(doc) },
        { event: 'verdict', to: verdict, data: note.trim() ? { note: short(note.trim()) } : undefined },
      );
      return this.get(docId);
    });
  }

  /** A comment on a whole section (empty quote) or on a passage of it. */
  comment(docId: string, text: string, anchor: Anchor): ReviewView {
    return this.store.transaction(() => {
      const doc = this.documents.get(docId);
      this.log.append(
        doc,
        { type: 'comment', text, anchor, revision: doc.revision, bodyHash: bodyHash(doc.body), contentHash: contentHash(doc) },
        { event: 'comment', data: { section: anchor.section, ...(anchor.quote ? { quote: short(anchor.quote) } : {}), text: short(text) } },
      );
      return this.get(docId);
    });
  }

  reply(docId: string, commentId: string, text: string): ReviewView {
    return this.store.transaction(() => {
      const doc = this.documents.get(docId);
      const parent = this.comment$(docId, commentId);
      this.log.append(doc, { type: 'reply', commentId, text }, { event: 'reply', data: { to: parent.by.name, section: parent.anchor.section, text: short(text) } });
      return this.get(docId);
    });
  }

  /** Resolves (or reopens) a thread; doing it twice changes nothing. */
  setResolved(docId: string, commentId: string, resolved: boolean): ReviewView {
    return this.store.transaction(() => {
      const doc = this.documents.get(docId);
      const parent = this.comment$(docId, commentId);
      const thread = deriveThreads(this.log.records(docId), doc.body).find((t) => t.id === commentId)!;
      if (thread.resolved !== resolved) {
        this.log.append(
          doc,
          { type: 'resolution', commentId, resolved },
          { event: resolved ? 'comment-resolved' : 'comment-reopened', data: { by: parent.by.name, section: parent.anchor.section } },
        );
      }
      return this.get(docId);
    });
  }

  /** Ticks or unticks an Architecture Review Checklist item of an RFC, with the reviewer's concern. */
  checklist(docId: string, item: ChecklistItemId, checked: boolean, concern = ''): ReviewView {
    return this.store.transaction(() => {
      const doc = this.documents.get(docId);
      if (doc.kind !== 'rfc') throw new AppError('VALIDATION', 'The Architecture Review Checklist is part of RFC reviews only.', { kind: doc.kind });
      const me = this.ctx.identity();
      const before = deriveChecklist(this.log.records(docId))
        .find((i) => i.id === item)!
        .entries.find((e) => samePerson(e.by, me));
      const text = concern.trim();
      const wasChecked = before?.checked ?? false;
      if (wasChecked === checked && (before?.concern ?? '') === text) return this.get(docId);
      // A changed concern on an unchanged tick reads as a concern, not as ticking again.
      const to = wasChecked !== checked ? (checked ? 'checked' : 'unchecked') : 'concern';
      this.log.append(
        doc,
        { type: 'checklist', item, checked, concern: text },
        { event: 'checklist', to, data: { item: checklistItem(item).label, ...(text ? { concern: short(text) } : {}) } },
      );
      return this.get(docId);
    });
  }

  private comment$(docId: string, commentId: string): RecordOf<'comment'> {
    const c = this.log.records(docId).find((r): r is RecordOf<'comment'> => r.type === 'comment' && r.id === commentId);
    if (!c) throw new AppError('NOT_FOUND', 'This comment does not exist on this document.', { commentId });
    return c;
  }
}

function clean(r: Pick<Reviewer, 'name' | 'email' | 'required'>): Reviewer {
  return { name: r.name.trim(), ...(r.email?.trim() ? { email: r.email.trim() } : {}), required: r.required };
}
