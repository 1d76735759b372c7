import type { Document } from '../../shared/document';
import { AppError } from '../../shared/errors';
import type { AdrFields } from '../../shared/kinds/adr';
import { normalizeFields } from '../../shared/kinds/fields';
import { displayRef } from '../../shared/kinds/kinds';
import { allowedMoves, statusLabel } from '../../shared/kinds/lifecycle';
import type { DocumentStore } from '../store/documentStore';
import type { DocumentHooks, ServiceContext } from './documentService';

/** Statuses an ADR may have to supersede another: a rejected or retired decision replaces nothing. */
const CAN_SUPERSEDE = ['proposed', 'accepted'];

/** ADR rules that span two documents: superseding, with links kept in both directions. */
export class AdrService {
  constructor(
    private readonly store: DocumentStore,
    private readonly ctx: ServiceContext,
    /** The same hooks DocumentService runs (versions, links): the old ADR moved, the new one was saved. */
    private readonly hooks: readonly DocumentHooks[] = [],
  ) {}

  /**
   * Supersedes ADR `id` by ADR `byId` in one transaction: the old one moves
   * accepted -> superseded and records `supersededBy`, the new one adds the
   * old number to `supersedes`, and both get a history entry. Any refusal
   * changes nothing.
   */
  supersede(id: string, byId: string): { old: Document; new: Document } {
    return this.store.transaction(() => {
      if (id === byId) throw new AppError('VALIDATION', 'An ADR cannot supersede itself. Pick another ADR.', { id, byId });
      const old = this.liveAdr(id);
      const by = this.liveAdr(byId);
      const oldRef = displayRef('adr', old.number);
      const byRef = displayRef('adr', by.number);
      if (old.status !== 'accepted') {
        throw new AppError(
          'ILLEGAL_TRANSITION',
          `${oldRef} is ${statusLabel('adr', old.status)}; only an Accepted ADR can be superseded.` +
            (old.status === 'proposed' ? ` Accept ${oldRef} first, or reject it instead.` : ''),
          { from: old.status, to: 'superseded', allowed: allowedMoves('adr', old.status) },
        );
      }
      if (!CAN_SUPERSEDE.includes(by.status)) {
        throw new AppError(
          'ILLEGAL_TRANSITION',
          `${byRef} is ${statusLabel('adr', by.status)}; only a Proposed or Accepted ADR can supersede another.`,
          { status: by.status },
        );
      }
      const at = this.ctx.now().toISOString();
      const actor = this.ctx.identity();
      const oldFields = normalizeFields('adr', old.fields) as AdrFields;
      const byFields = normalizeFields('adr', by.fields) as AdrFields;
      const nextOld: Document = {
        ...old,
        status: 'superseded',
        fields: { ...oldFields, supersededBy: by.number },
        updatedAt: at,
        revision: old.revision + 1,
      };
      const supersedes = byFields.supersedes.includes(old.number) ? byFields.supersedes : [...byFields.supersedes, old.number].sort((a, b) => a - b);
      const nextBy: Document = { ...by, fields: { ...byFields, supersedes }, updatedAt: at, revision: by.revision + 1 };
      this.store.update(nextOld);
      this.store.update(nextBy);
      this.store.addHistory({ docId: old.id, at, actor, event: 'superseded', from: old.status, to: 'superseded', data: { by: byRef } });
      this.store.addHistory({ docId: by.id, at, actor, event: 'supersedes', from: null, to: null, data: { supersedes: oldRef } });
      for (const h of this.hooks) {
        h.onMoved?.(old, nextOld);
        h.onSaved?.(by, nextBy);
      }
      return { old: nextOld, new: nextBy };
    });
  }

  private liveAdr(id: string): Document {
    const doc = this.store.get(id);
    if (!doc) throw new AppError('NOT_FOUND', 'This ADR does not exist (it may have been deleted).', { id });
    if (doc.kind !== 'adr') {
      throw new AppError('VALIDATION', `${displayRef(doc.kind, doc.number)} is not an ADR; only ADRs can supersede one another.`, { id, kind: doc.kind });
    }
    return doc;
  }
}
