import { useCallback, useEffect, useState } from 'react';
import type { Document } from '../../../shared/document';
import type { ReviewView } from '../../../shared/reviews/view';
import { call, errorMessage } from '../../api/client';
import { useAppStore } from '../../store';

export interface ReviewHandle {
  review: ReviewView | null;
  error: string | null;
  busy: boolean;
  /** Saves pending edits (so a verdict or comment is made on the text as shown), runs a review call, shows its result; false when it failed. */
  run: (fn: () => Promise<ReviewView>) => Promise<boolean>;
  /** Requests review; the document's new status goes into the editor as a move would. */
  request: (note?: string) => Promise<boolean>;
}

/**
 * The review of the open document, reloaded when its text is saved, its
 * status moves, or the person at the keyboard switches identity.
 */
export function useReview(doc: Pick<Document, 'id' | 'revision' | 'status'>): ReviewHandle {
  const identity = useAppStore((s) => s.identity);
  const [review, setReview] = useState<ReviewView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const who = identity ? `${identity.name}\n${identity.email}` : '';

  useEffect(() => {
    let live = true;
    call('reviews:get', { docId: doc.id }).then(
      (r) => live && (setReview(r), setError(null)),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [doc.id, doc.revision, doc.status, who]);

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
  }, []);

  const run = useCallback((fn: () => Promise<ReviewView>) => perform(fn, setReview), [perform]);

  const request = useCallback(
    (note?: string) =>
      perform(
        () => call('reviews:request', { docId: doc.id, ...(note?.trim() ? { note: note.trim() } : {}) }),
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
    [doc.id, perform],
  );

  return { review, error, busy, run, request };
}
