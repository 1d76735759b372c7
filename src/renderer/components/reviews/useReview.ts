import { useCallback, useState } from 'react';
import type { Document } from '../../../shared/document';
import type { Reviewer } from '../../../shared/reviews/schemas';
import type { ReviewView } from '../../../shared/reviews/view';
import { call, errorMessage } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { useAppStore } from '../../store';

export interface ReviewHandle {
  review: ReviewView | null;
  error: string | null;
  busy: boolean;
  /** Saves pending edits (so a verdict or comment is made on the text as shown), runs a review call, shows its result; false when it failed. */
  run: (fn: () => Promise<ReviewView>) => Promise<boolean>;
  /** Requests review; the document's new status goes into the editor as a move would. */
  request: (note?: string, due?: string) => Promise<boolean>;
  /** Replaces the reviewers; an RFC's metadata (its reviewer names, new revision) follows in the editor. */
  setReviewers: (reviewers: Reviewer[]) => Promise<boolean>;
}

/**
 * The review of the open document, reloaded when its text is saved, its
 * status moves, or the person at the keyboard switches identity.
 */
export function useReview(doc: Pick<Document, 'id' | 'revision' | 'status'>): ReviewHandle {
  const identity = useAppStore((s) => s.identity);
  const [busy, setBusy] = useState(false);
  const who = identity ? `${identity.name}\n${identity.email}` : '';
  const key = `reviews:get:${doc.id}:${who}`;
  const query = useQuery(key, () => call('reviews:get', { docId: doc.id }), { stamp: `${doc.revision}:${doc.status}` });
  const setReview = query.setData;
  // A failed action's message belongs to the document and person it was made for.
  const [actionError, setActionError] = useState<{ key: string; message: string } | null>(null);
  const error = (actionError?.key === key ? actionError.message : null) ?? query.error;
  const setError = useCallback((message: string | null) => setActionError(message === null ? null : { key, message }), [key]);

  const perform = useCallback(async <T,>(fn: () => Promise<T>, then: (value: T) => void): Promise<boolean> => {
    setBusy(true);
    try {
      await useAppStore.getState().saveNow();
      then(await fn());
      setError(null);
      useAppStore.getState().bumpHistory();
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, [setError]);

  const run = useCallback((fn: () => Promise<ReviewView>) => perform(fn, setReview), [perform, setReview]);

  const request = useCallback(
    (note?: string, due?: string) =>
      perform(
        () => call('reviews:request', { docId: doc.id, ...(note?.trim() ? { note: note.trim() } : {}), ...(due ? { due } : {}) }),
        ({ review: r, document }) => {
          setReview(r);
          // The same bookkeeping as the editor's own move: new status and revision, library refreshed.
          useAppStore.setState((s) => ({
            doc: s.doc && s.doc.id === document.id ? { ...s.doc, status: document.status, revision: document.revision, updatedAt: document.updatedAt } : s.doc,
            moveError: null,
          }));
          void useAppStore.getState().loadLibrary();
        },
      ),
    [doc.id, perform, setReview],
  );

  const setReviewers = useCallback(
    (reviewers: Reviewer[]) =>
      perform(
        async () => {
          const before = useAppStore.getState().doc?.revision;
          const r = await call('reviews:setReviewers', { docId: doc.id, reviewers });
          return { review: r, document: await call('docs:get', { id: doc.id }), before };
        },
        ({ review: r, document, before }) => {
          setReview(r);
          // The service copied the names into the RFC's metadata, one revision on: the editor follows, keeping
          // any edit typed meanwhile. Anything else moved it on too (a sync): the next save says so, as for any conflict.
          useAppStore.setState((s) =>
            s.doc && s.doc.id === document.id && s.doc.revision === before && document.revision === before + 1
              ? { doc: { ...s.doc, fields: { ...s.doc.fields, reviewers: document.fields.reviewers }, revision: document.revision, updatedAt: document.updatedAt } }
              : {},
          );
        },
      ),
    [doc.id, perform, setReview],
  );

  return { review: query.data ?? null, error, busy, run, request, setReviewers };
}
