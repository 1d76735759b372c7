import type { Document } from '../../shared/document';
import { AppError } from '../../shared/errors';
import { displayRef } from '../../shared/kinds/kinds';
import { bodyHash } from '../../shared/reviews/bodyHash';
import { samePerson } from '../../shared/reviews/people';
import type { Anchor, RecordOf } from '../../shared/reviews/schemas';
import { applySuggestion, deriveSuggestions, type SuggestionView } from '../../shared/reviews/suggestions';
import type { ReviewView } from '../../shared/reviews/view';
import type { DocumentStore } from '../store/documentStore';
import { suggestionData } from './reviewHistory';
import type { DocumentService, ServiceContext } from './documentService';
import type { ReviewLog } from './reviewLog';
import type { ReviewService } from './reviewService';

export interface SuggestionsResult {
  suggestions: SuggestionView[];
  review: ReviewView;
}

/**
 * Suggested changes (shared/reviews/suggestions.ts): a reviewer proposes
 * replacement text for a passage; the author accepts it, which edits the
 * body through the ordinary update (a new revision, a version) and credits
 * the reviewer in the history, or declines it. Each act is a review record.
 */
export class SuggestionService {
  constructor(
    private readonly documents: DocumentService,
    private readonly store: DocumentStore,
    private readonly log: ReviewLog,
    private readonly reviews: ReviewService,
    private readonly ctx: ServiceContext,
  ) {}

  list(docId: string): SuggestionsResult {
    const doc = this.documents.get(docId);
    return { suggestions: deriveSuggestions(this.log.records(docId), doc.body), review: this.reviews.get(docId) };
  }

  /** Proposes `replacement` for the quoted passage. The passage must be in the text now. */
  suggest(docId: string, anchor: Anchor, replacement: string, note = ''): SuggestionsResult {
    return this.store.transaction(() => {
      const doc = this.documents.get(docId);
      if (!anchor.quote.trim()) throw new AppError('VALIDATION', 'Select the passage the suggestion replaces.');
      if (replacement === anchor.quote) throw new AppError('VALIDATION', 'The suggested text is the same as the passage: change something first.');
      if (applySuggestion(doc.body, anchor, replacement) === null) {
        throw new AppError('CONFLICT', 'The selected passage is not in the text any more (it was edited meanwhile). Select it again.');
      }
      const record = this.log.append(doc, { type: 'suggestion', anchor, replacement, note: note.trim(), revision: doc.revision, bodyHash: bodyHash(doc.body) });
      this.log.note(doc, { event: 'suggestion', data: suggestionData(record as RecordOf<'suggestion'>) });
      return this.list(docId);
    });
  }

  /**
   * Accepts (edits the passage as suggested) or declines an open suggestion.
   * Only the document's author answers suggestions; a suggestion whose
   * passage was edited away can only be declined.
   */
  decide(docId: string, suggestionId: string, accept: boolean): SuggestionsResult & { document: Document } {
    return this.store.transaction(() => {
      let doc = this.documents.get(docId);
      const me = this.ctx.identity();
      if (!samePerson(doc.createdBy, me)) {
        throw new AppError('FORBIDDEN', `${doc.createdBy.name} wrote ${displayRef(doc.kind, doc.number)}: they accept or decline its suggestions. Switch identity if you answer on their behalf.`);
      }
      const suggestion = this.log.records(docId).find((r): r is RecordOf<'suggestion'> => r.type === 'suggestion' && r.id === suggestionId);
      if (!suggestion) throw new AppError('NOT_FOUND', 'This suggestion does not exist on this document.', { suggestionId });
      const current = deriveSuggestions(this.log.records(docId), doc.body).find((s) => s.id === suggestionId)!;
      if (current.state !== 'open') {
        throw new AppError('CONFLICT', `This suggestion was ${current.state} already${current.decidedBy ? ` by ${current.decidedBy.name}` : ''}.`, { state: current.state });
      }
      let revision: number | undefined;
      if (accept) {
        const body = applySuggestion(doc.body, suggestion.anchor, suggestion.replacement);
        if (body === null) throw new AppError('CONFLICT', 'The passage this suggestion changes is not in the text any more: it can only be declined.');
        doc = this.documents.update({ id: docId, baseRevision: doc.revision, body });
        revision = doc.revision;
      }
      this.log.append(
        doc,
        { type: 'suggestion-outcome', suggestionId, outcome: accept ? 'accepted' : 'declined', ...(revision !== undefined ? { revision } : {}) },
        { event: accept ? 'suggestion-accepted' : 'suggestion-declined', data: suggestionData(suggestion) },
      );
      return { ...this.list(docId), document: doc };
    });
  }
}
