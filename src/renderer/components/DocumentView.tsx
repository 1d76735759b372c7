import { useEffect } from 'react';
import { useAppStore } from '../store';
import { EDITORS } from './editors';

/** Loads a document and shows the editor of its kind. */
export function DocumentView({ id }: { id: string }) {
  const doc = useAppStore((s) => s.doc);
  const docError = useAppStore((s) => s.docError);
  const openDoc = useAppStore((s) => s.openDoc);
  useEffect(() => {
    void openDoc(id);
  }, [id, openDoc]);
  if (docError) {
    return (
      <p className="inline-error" role="alert">
        {docError}
      </p>
    );
  }
  if (!doc || doc.id !== id) return <p className="loading">Loading…</p>;
  const Editor = EDITORS[doc.kind];
  return <Editor doc={doc} />;
}
