import type { Document, Person } from '../../shared/document';
import { AppError } from '../../shared/errors';
import { bodyHash } from '../../shared/reviews/bodyHash';
import { deriveConcerns, deriveHold, mayResolve } from '../../shared/reviews/concerns';
import { contentHash } from '../../shared/reviews/contentHash';
import { personLabel, samePerson } from '../../shared/reviews/people';
import type { Anchor } from '../../shared/reviews/schemas';
import type { ConcernView, ReviewView } from '../../shared/reviews/view';
import type { DocumentStore } from '../store/documentStore';
import type { DocumentService, ServiceContext } from './documentService';
import type { ReviewLog } from './reviewLog';

const QUOTE_IN_HISTORY = 120;
const short = (s: string): string => (s.length > QUOTE_IN_HISTORY ? `${s.slice(0, QUOTE_IN_HISTORY - 1)}…` : s);

/**
 * What holds a document back besides verdicts: named blocking concerns
 * (rfcbot's grammar: only the raiser, or whoever they delegate it to,
 * resolves one) and a hold with a reason (a soft block anyone may lift).
 * Each act is a review record plus a line of history, like ReviewService's.
 */
export class ReviewBlocks {
  constructor(
    private readonly documents: DocumentService,
    private readonly store: DocumentStore,
    private readonly log: ReviewLog,
    private readonly ctx: ServiceContext,
    private readonly view: (docId: string) => ReviewView,
  ) {}

  /** Raises a blocking concern on the document (anchor.section ''), a section or a passage. */
  raiseConcern(docId: string, title: string, text: string, anchor: Anchor): ReviewView {
    return this.store.transaction(() => {
      const doc = this.documents.get(docId);
      this.log.append(
        doc,
        { type: 'concern', title: title.trim(), text: text.trim(), anchor, revision: doc.revision, bodyHash: bodyHash(doc.body), contentHash: contentHash(doc) },
        { event: 'concern-raised', data: { title: short(title.trim()), section: anchor.section, ...(anchor.quote ? { quote: short(anchor.quote) } : {}) } },
      );
      return this.view(docId);
    });
  }

  /** Resolves (or reopens) a concern; only its raiser or their delegate may. Doing it twice changes nothing. */
  setConcernResolved(docId: string, concernId: string, resolved: boolean, note = ''): ReviewView {
    return this.store.transaction(() => {
      const doc = this.documents.get(docId);
      const c = this.concern(doc, concernId);
      const me = this.ctx.identity();
      if (!mayResolve(c, me)) {
        throw new AppError(
          'FORBIDDEN',
          `Only ${personLabel(c.by)}${c.delegate ? ` or ${personLabel(c.delegate)}` : ''} can ${resolved ? 'resolve' : 'reopen'} the concern “${c.title}”: whoever raises a concern decides when it is answered.`,
          { concernId },
        );
      }
      if (c.open === !resolved) return this.view(docId);
      this.log.append(
        doc,
        { type: 'concern-resolution', concernId, resolved, note: note.trim() },
        { event: resolved ? 'concern-resolved' : 'concern-reopened', data: { title: short(c.title), ...(note.trim() ? { note: short(note.trim()) } : {}) } },
      );
      return this.view(docId);
    });
  }

  /** The raiser hands a concern to someone else, who may then resolve it. */
  delegateConcern(docId: string, concernId: string, to: Person): ReviewView {
    return this.store.transaction(() => {
      const doc = this.documents.get(docId);
      const c = this.concern(doc, concernId);
      if (!samePerson(c.by, this.ctx.identity())) {
        throw new AppError('FORBIDDEN', `Only ${personLabel(c.by)}, who raised the concern “${c.title}”, can hand it to someone else.`, { concernId });
      }
      this.log.append(doc, { type: 'concern-delegation', concernId, to }, { event: 'concern-delegated', data: { title: short(c.title), to: to.name } });
      return this.view(docId);
    });
  }

  /** Puts the document on hold with a reason, or lifts the hold. */
  setHold(docId: string, on: boolean, reason = ''): ReviewView {
    return this.store.transaction(() => {
      const doc = this.documents.get(docId);
      const current = deriveHold(this.log.records(docId));
      if (on && !reason.trim()) throw new AppError('VALIDATION', 'Say why the document is on hold: the reason is shown to the author and on the dashboard.');
      if (!on && !current) return this.view(docId);
      this.log.append(doc, { type: 'hold', on, reason: reason.trim() }, { event: on ? 'hold' : 'hold-lifted', data: reason.trim() ? { reason: short(reason.trim()) } : undefined });
      return this.view(docId);
    });
  }

  private concern(doc: Document, concernId: string): ConcernView {
    const c = deriveConcerns(this.log.records(doc.id)).find((x) => x.id === concernId);
    if (!c) throw new AppError('NOT_FOUND', 'This concern does not exist on this document.', { concernId });
    return c;
  }
}
