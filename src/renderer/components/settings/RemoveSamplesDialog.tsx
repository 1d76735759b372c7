import { useState } from 'react';
import { displayRef } from '../../../shared/kinds/kinds';
import { useAppStore } from '../../store';
import { ConfirmDialog } from '../ConfirmDialog';

/** "Remove the sample documents?", asked from the palette, Settings or the library banner; Undo follows in a toast. */
export function RemoveSamplesDialog() {
  const open = useAppStore((s) => s.confirmRemoveSamples);
  const sampleIds = useAppStore((s) => s.sampleIds);
  const summaries = useAppStore((s) => s.summaries);
  const [busy, setBusy] = useState(false);
  if (!open) return null;
  const close = (): void => useAppStore.setState({ confirmRemoveSamples: false });
  const samples = summaries.filter((s) => sampleIds.includes(s.id));
  return (
    <ConfirmDialog
      title="Remove the sample documents?"
      confirmLabel="Move to trash"
      danger
      busy={busy}
      onCancel={close}
      onConfirm={() => {
        setBusy(true);
        void useAppStore
          .getState()
          .removeSamples()
          .finally(() => {
            setBusy(false);
            close();
          });
      }}
    >
      <p>These {sampleIds.length} documents from the guided start go to the trash, edits included. Your own documents stay.</p>
      {samples.length > 0 && (
        <ul className="sample-list">
          {samples.map((s) => (
            <li key={s.id}>
              <span className="doc-ref">{displayRef(s.kind, s.number)}</span> {s.title}
            </li>
          ))}
        </ul>
      )}
    </ConfirmDialog>
  );
}
