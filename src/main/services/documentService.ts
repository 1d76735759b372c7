import { ulid } from 'ulid';
import type { Document, DocumentSummary, HistoryEntry, Person } from '../../shared/document';
import { AppError } from '../../shared/errors';
import { INITIAL_FIELDS, normalizeFields } from '../../shared/kinds/fields';
import { KINDS, type DocKind } from '../../shared/kinds/kinds';
import { checkTransition, initialStatus } from '../../shared/kinds/lifecycle';
import { TEMPLATE_FIELD, teamTemplateBody, type TeamTemplate } from '../../shared/kinds/teamTemplates';
import { templateBody } from '../../shared/kinds/templates';
import type { DocumentStore } from '../store/documentStore';

export interface ServiceContext {
  now: () => Date;
  identity: () => Person;
}

/**
 * Where a write comes from: a person's edit, a version restore, a sync
 * taking in the repository's text, a sync rewriting references after a
 * renumbering, the resolution of a sync conflict, or an import.
 */
export type SaveSource = 'edit' | 'restore' | 'sync' | 'renumber' | 'merge' | 'import';

/**
 * What other services do after a document write, inside the same transaction
 * (versions, links). A hook that throws rolls the write back.
 */
export interface DocumentHooks {
  onCreated?(doc: Document): void;
  onSaved?(before: Document, after: Document, source?: SaveSource): void;
  onMoved?(before: Document, after: Document): void;
  /** Runs before a legal move is written; throwing (e.g. POLICY when reviews do not allow approval) refuses the move. */
  beforeMove?(doc: Document, to: string): void;
}

export interface DocumentPatch {
  id: string;
  baseRevision: number;
  title?: string;
  body?: string;
  fields?: Record<string, unknown>;
  /** Where the edit comes from (default 'edit'); hooks may treat a restore differently. */
  source?: SaveSource;
}

/** Creating, editing and moving documents, with the rules of each kind. */
export class DocumentService {
  constructor(
    private readonly store: DocumentStore,
    private readonly ctx: ServiceContext,
    private readonly hooks: readonly DocumentHooks[] = [],
    /** The team's templates (from the repository, by sync); none by default. */
    private readonly teamTemplates: () => readonly TeamTemplate[] = () => [],
  ) {}

  /**
   * Creates a document with the next free number, from a template: the team
   * template named (refused when the team has none of that name and kind),
   * else the team's template of the kind (templates/rfc.md), else the
   * playbook's. A named template is kept in the `template` field, so hints
   * follow the template as it is later.
   */
  create(kind: DocKind, title?: string, templateName?: string): Document {
    return this.store.transaction(() => {
      const now = this.ctx.now().toISOString();
      const me = this.ctx.identity();
      const templates = this.teamTemplates();
      const template = templateName === undefined ? templates.find((t) => t.name === kind && t.kind === kind) : templates.find((t) => t.name === templateName && t.kind === kind);
      if (templateName !== undefined && !template) {
        const names = templates.filter((t) => t.kind === kind).map((t) => t.name);
        throw new AppError('VALIDATION', `There is no ${KINDS[kind].label} template named "${templateName}". ${names.length ? `The team's ${KINDS[kind].label} templates: ${names.join(', ')}.` : `The team repository has no ${KINDS[kind].label} templates (templates/ in the team repository).`}`, { template: templateName });
      }
      const initial = INITIAL_FIELDS[kind]({ me, today: now.slice(0, 10) });
      const number = this.store.nextNumber(kind);
      const doc: Document = {
        id: ulid(),
        kind,
        number,
        title: title ?? `Untitled ${KINDS[kind].label}`,
        status: initialStatus(kind),
        body: template ? teamTemplateBody(template) : templateBody(kind),
        fields: normalizeFields(kind, template && template.name !== kind ? { ...initial, [TEMPLATE_FIELD]: template.name } : initial),
        createdAt: now,
        updatedAt: now,
        revision: 0,
        createdBy: me,
      };
      this.store.insert(doc);
      this.store.addHistory({ docId: doc.id, at: now, actor: me, event: 'created', to: doc.status });
      for (const h of this.hooks) h.onCreated?.(doc);
      return doc;
    });
  }

  get(id: string): Document {
    const doc = this.store.get(id);
    if (!doc) throw new AppError('NOT_FOUND', 'This document does not exist (it may have been deleted).', { id });
    return doc;
  }

  list(kind?: DocKind): DocumentSummary[] {
    return this.store.list(kind);
  }

  /**
   * Saves an edit. The caller names the revision it edited; if the document
   * moved on meanwhile (another window, a sync), the edit is refused with
   * CONFLICT instead of overwriting the newer text.
   */
  update(patch: DocumentPatch): Document {
    return this.store.transaction(() => {
      const doc = this.get(patch.id);
      if (doc.revision !== patch.baseRevision) {
        throw new AppError('CONFLICT', 'This document changed since you opened it. Reload to see the latest version.', {
          revision: doc.revision,
          baseRevision: patch.baseRevision,
        });
      }
      const next: Document = {
        ...doc,
        title: patch.title ?? doc.title,
        body: patch.body ?? doc.body,
        // An edit may keep or drop a key kept from a file or an import, never add one the kind does not define.
        fields: patch.fields ? normalizeFields(doc.kind, patch.fields, { extraKeys: new Set(Object.keys(doc.fields)) }) : doc.fields,
        updatedAt: this.ctx.now().toISOString(),
        revision: doc.revision + 1,
      };
      this.store.update(next);
      if (patch.title !== undefined && patch.title !== doc.title) {
        this.store.addHistory({ docId: doc.id, at: next.updatedAt, actor: this.ctx.identity(), event: 'renamed', from: doc.title, to: next.title });
      }
      for (const h of this.hooks) h.onSaved?.(doc, next, patch.source ?? 'edit');
      // A hook may have changed more (an approved document going back to review).
      return this.store.get(next.id) ?? next;
    });
  }

  /** Moves a document along its kind's lifecycle; an illegal move is refused and changes nothing. */
  move(id: string, to: string): Document {
    return this.store.transaction(() => {
      const doc = this.get(id);
      checkTransition(doc.kind, doc.status, to);
      if (doc.kind === 'adr' && to === 'superseded') {
        // A superseded ADR must say by which one; the supersede call keeps both sides linked.
        throw new AppError('ILLEGAL_TRANSITION', 'An ADR is superseded by another ADR: open the newer ADR and use "Supersede another ADR…", so both are linked.', { from: doc.status, to });
      }
      for (const h of this.hooks) h.beforeMove?.(doc, to);
      const next: Document = { ...doc, status: to, updatedAt: this.ctx.now().toISOString(), revision: doc.revision + 1 };
      this.store.update(next);
      this.store.addHistory({ docId: id, at: next.updatedAt, actor: this.ctx.identity(), event: 'status', from: doc.status, to });
      for (const h of this.hooks) h.onMoved?.(doc, next);
      return next;
    });
  }

  history(id: string): HistoryEntry[] {
    this.get(id);
    return this.store.history(id);
  }
}
