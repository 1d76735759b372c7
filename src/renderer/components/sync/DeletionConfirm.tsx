import { useShallow } from 'zustand/react/shallow';
import type { SyncChange } from '../../../shared/contract/sync';
import { useAppStore } from '../../store';
import { ConfirmDialog } from '../ConfirmDialog';

function DeletionList({ label, changes }: { label: string; changes: SyncChange[] }) {
  if (changes.length === 0) return null;
  return (
    <section className="sync-deletions-group" aria-label={label}>
      <h3>{label}</h3>
      <ul>
        {changes.map((c) => (
          <li key={`${c.direction}:${c.path}`}>
            <span className="sync-deletions-ref">{c.ref}</span> {c.title}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The mass-deletion guard's question: a sync stopped, before changing
 * anything, because it would delete many documents. Lists them; Delete runs
 * the sync again with allowDeletes, Cancel leaves everything as it is.
 */
export function DeletionConfirm() {
  const { pending, syncNow, dismiss } = useAppStore(useShallow((s) => ({ pending: s.syncDeletions, syncNow: s.syncNow, dismiss: s.dismissSyncDeletions })));
  if (!pending) return null;
  const n = pending.deletions.length;
  const here = pending.deletions.filter((c) => c.direction === 'in');
  const there = pending.deletions.filter((c) => c.direction === 'out');
  return (
    <ConfirmDialog title={`Delete ${n} documents?`} confirmLabel="Delete" danger onCancel={dismiss} onConfirm={() => void syncNow({ allowDeletes: true })}>
      <p>
        This sync would delete {n} of {pending.library} documents. Nothing has been changed yet: check the list before you go ahead.
      </p>
      <div className="sync-deletions">
        <DeletionList label="Deleted in the team repository: moved to the trash here" changes={here} />
        <DeletionList label="Deleted here: removed from the team repository" changes={there} />
      </div>
    </ConfirmDialog>
  );
}
