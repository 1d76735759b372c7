import { useMemo, useState } from 'react';
import type { SyncConflict } from '../../../shared/contract/sync';
import { KINDS } from '../../../shared/kinds/kinds';
import { SideBySideDiff } from '../TextDiffView';
import { diffTexts } from '../versionDiff';
import '../../styles/versions.css';

export type Resolution = { take: 'mine' | 'theirs' } | { take: 'merged'; text: string };

function whatCollided(c: SyncConflict): string {
  if (c.conflict === 'deleted-remotely') return 'Deleted in the team repository, edited on this device.';
  const parts: string[] = [];
  if (c.fields.length) parts.push(`both changed ${c.fields.map((f) => `“${f}”`).join(', ')}`);
  if (c.body) parts.push('both changed the same lines of the text');
  return `${parts.join('; ').replace(/^./, (x) => x.toUpperCase())}.`;
}

export interface ConflictCardProps {
  conflict: SyncConflict;
  busy: boolean;
  error: string | null;
  onResolve: (r: Resolution) => void;
}

/**
 * One conflicted document: this device's version and the team repository's
 * side by side, and the three ways out (take mine, take theirs, edit a merge).
 */
export function ConflictCard({ conflict: c, busy, error, onResolve }: ConflictCardProps) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(c.suggestion);
  const diff = useMemo(() => diffTexts(c.mine, c.theirs ?? '', 3), [c.mine, c.theirs]);
  const titleId = `conflict-${c.id}`;
  return (
    <article className="conflict-card" aria-labelledby={titleId}>
      <header className="conflict-head">
        <h2 id={titleId}>
          <span className="conflict-ref">{c.ref}</span> {c.title}
        </h2>
        <span className="badge conflict-badge">{KINDS[c.kind].label}</span>
      </header>
      <p className="conflict-what">
        {whatCollided(c)} <code>{c.path}</code>
      </p>
      {c.theirs === null ? (
        <div className="conflict-deleted">
          <p>A teammate deleted this file from the repository. Your edits are kept here until you choose:</p>
          <ul>
            <li>
              <strong>Keep mine</strong> publishes your version again on the next sync.
            </li>
            <li>
              <strong>Take theirs</strong> moves it to this device’s trash (restorable).
            </li>
          </ul>
        </div>
      ) : (
        <div className="conflict-sides" data-testid="conflict-sides">
          <SideBySideDiff rows={diff.sideBySide} leftLabel="Mine (this device)" rightLabel="Theirs (team repository)" />
        </div>
      )}
      {editing && (
        <label className="conflict-merge">
          <span>Merged text — keep one side of each {'<<<<<<< … >>>>>>>'} block, then save</span>
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={18} spellCheck={false} />
        </label>
      )}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="conflict-actions">
        {editing ? (
          <>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => onResolve({ take: 'merged', text })}>
              Save merge
            </button>
            <button type="button" className="button button-quiet" disabled={busy} onClick={() => setEditing(false)}>
              Cancel
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button" disabled={busy} onClick={() => onResolve({ take: 'mine' })}>
              {c.theirs === null ? 'Keep mine' : 'Take mine'}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => onResolve({ take: 'theirs' })}>
              Take theirs
            </button>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => setEditing(true)}>
              Edit merge…
            </button>
          </>
        )}
      </div>
    </article>
  );
}
