import { useState } from 'react';
import type { Document } from '../../shared/document';
import { displayRef } from '../../shared/kinds/kinds';
import { call, errorMessage } from '../api/client';
import { useAppStore } from '../store';
import { ConfirmDialog } from './ConfirmDialog';

/**
 * Moves the document to the trash after a confirmation, goes back to the
 * library, and offers Undo on a toast for the next few seconds.
 */
export function DeleteDocumentButton({ doc }: { doc: Pick<Document, 'id' | 'kind' | 'number' | 'title'> }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const ref = displayRef(doc.kind, doc.number);

  const undo = async (): Promise<void> => {
    const { toast, loadLibrary, navigate } = useAppStore.getState();
    try {
      await call('docs:restore', { id: doc.id });
      await loadLibrary();
      // Back where the user was, unless they have moved on meanwhile.
      if (useAppStore.getState().view.name === 'library') navigate({ name: 'doc', id: doc.id });
      toast('info', `Restored ${ref}.`);
    } catch (e) {
      toast('error', `Could not restore ${ref}: ${errorMessage(e)}`);
    }
  };

  const remove = async (): Promise<void> => {
    const { saveNow, toast, loadLibrary, navigate } = useAppStore.getState();
    setBusy(true);
    try {
      // Keep the last edits: they travel to the trash with the document.
      await saveNow();
      await call('docs:delete', { id: doc.id });
      setAsking(false);
      navigate({ name: 'library' });
      await loadLibrary();
      toast('info', `Moved ${ref} “${doc.title}” to the trash.`, { label: 'Undo', run: undo });
    } catch (e) {
      setBusy(false);
      setAsking(false);
      toast('error', `Could not delete ${ref}: ${errorMessage(e)}`);
    }
  };

  return (
    <>
      <button type="button" className="button button-quiet button-delete" onClick={() => setAsking(true)}>
        Delete
      </button>
      {asking && (
        <ConfirmDialog title={`Delete ${ref}?`} confirmLabel="Move to trash" danger busy={busy} onConfirm={() => void remove()} onCancel={() => setAsking(false)}>
          <p>
            “{doc.title}” moves to the trash, with its history and versions. You can restore it from the Trash until the trash is emptied.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
