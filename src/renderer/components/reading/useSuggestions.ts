import { useCallback, useState } from 'react';
import type { Document } from '../../../shared/document';
import type { Anchor } from '../../../shared/reviews/schemas';
import type { SuggestionView } from '../../../shared/reviews/suggestions';
import { call, errorMessage } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { useAppStore } from '../../store';

const NONE: SuggestionView[] = [];

export interface SuggestionsHandle {
  list: SuggestionView[];
  error: string | null;
  busy: boolean;
  suggest: (anchor: Anchor, replacement: string, note: string) => Promise<boolean>;
  decide: (id: string, accept: boolean) => Promise<boolean>;
}

/**
 * The suggested changes of the open document, reloaded when its text or the
 * person at the keyboard changes. An accepted suggestion edits the body: the
 * editor takes the new text and revision, as for any save.
 */
export function useSuggestions(doc: Pick<Document, 'id' | 'revision'>): SuggestionsHandle {
  const identity = useAppStore((s) => s.identity);
  const [busy, setBusy] = useState(false);
  const who = identity ? `${identity.name}\n${identity.email}` : '';
  const key = `reviews:suggestions:${doc.id}:${who}`;
  const query = useQuery(key, () => call('reviews:suggestions', { docId: doc.id }).then((r) => r.suggestions), { stamp: doc.revision });
  const setList = query.setData;
  // A failed suggestion's message belongs to the document and person it was made for.
  const [actionError, setActionError] = useState<{ key: string; message: string } | null>(null);
  const error = (actionError?.key === key ? actionError.message : null) ?? query.error;
  const setError = useCallback((message: string | null) => setActionError(message === null ? null : { key, message }), [key]);

  const perform = useCallback(
    async (fn: () => Promise<{ suggestions: SuggestionView[]; document?: Document }>): Promise<boolean> => {
      setBusy(true);
      try {
        await useAppStore.getState().saveNow();
        const r = await fn();
        setList(r.suggestions);
        setError(null);
        const next = r.document;
        if (next) {
          useAppStore.setState((s) => (s.doc && s.doc.id === next.id ? { doc: { ...s.doc, body: next.body, revision: next.revision, updatedAt: next.updatedAt } } : {}));
        }
        useAppStore.getState().bumpHistory();
        return true;
      } catch (e) {
        setError(errorMessage(e));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [setList, setError],
  );

  const suggest = useCallback(
    (anchor: Anchor, replacement: string, note: string) => perform(() => call('reviews:suggest', { docId: doc.id, anchor, replacement, ...(note.trim() ? { note } : {}) })),
    [doc.id, perform],
  );
  const decide = useCallback((id: string, accept: boolean) => perform(() => call('reviews:decideSuggestion', { docId: doc.id, suggestionId: id, accept })), [doc.id, perform]);
  return { list: query.data ?? NONE, error, busy, suggest, decide };
}
