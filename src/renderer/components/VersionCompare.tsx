import { useDeferredValue, useMemo, useState } from 'react';
import type { Version } from '../../shared/contract/versions';
import type { Document } from '../../shared/document';
import { ConfirmDialog } from './ConfirmDialog';
import { InlineDiff, SideBySideDiff } from './TextDiffView';
import { diffFields, diffTexts } from './versionDiff';

export function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

type Mode = 'inline' | 'side';
const MODE_KEY = 'designdesk.diffLayout';

/** The layout last chosen, so the diff opens the way the user likes it. */
function savedMode(): Mode {
  try {
    return localStorage.getItem(MODE_KEY) === 'side' ? 'side' : 'inline';
  } catch {
    return 'inline';
  }
}

export interface VersionCompareProps {
  version: Version;
  current: Pick<Document, 'title' | 'body' | 'fields'>;
  /** How the version is named in the UI, e.g. "Editing session, 20 Nov 2026, 12:00". */
  label: string;
  restoring: boolean;
  onRestore: () => void;
}

/** One version against the current text: title, fields and body, inline or side by side, and the way back to it. */
export function VersionCompare({ version, current, label, restoring, onRestore }: VersionCompareProps) {
  const [mode, setModeState] = useState<Mode>(savedMode);
  const setMode = (m: Mode): void => {
    setModeState(m);
    try {
      localStorage.setItem(MODE_KEY, m);
    } catch {
      // Storage disabled: the choice lasts until the panel closes.
    }
  };
  const [asking, setAsking] = useState(false);
  const body = useDeferredValue(current.body);
  const diff = useMemo(() => diffTexts(version.body, body), [version.body, body]);
  const fields = useMemo(() => diffFields(version.fields, current.fields), [version.fields, current.fields]);
  const titleChanged = version.title !== current.title;
  const same = diff.identical && fields.length === 0 && !titleChanged;

  return (
    <div className="version-compare" aria-label="Compare with the current text">
      <div className="version-compare-header">
        <div>
          <h3 className="version-compare-title">{label}</h3>
          <p className="version-compare-meta">
            {same ? (
              'Same as the current text.'
            ) : (
              <>
                Compared with the current text:{' '}
                <span className="diff-count-added">
                  +{diff.addedLines} {diff.addedLines === 1 ? 'line' : 'lines'}
                </span>{' '}
                <span className="diff-count-removed">
                  −{diff.removedLines} {diff.removedLines === 1 ? 'line' : 'lines'}
                </span>
                {diff.approximate && ' (too different to compare line by line)'}
              </>
            )}
          </p>
        </div>
        <div className="version-compare-actions">
          <div className="segmented" role="group" aria-label="Diff layout">
            <button type="button" aria-pressed={mode === 'inline'} onClick={() => setMode('inline')}>
              Inline
            </button>
            <button type="button" aria-pressed={mode === 'side'} onClick={() => setMode('side')}>
              Side by side
            </button>
          </div>
          <button type="button" className="button button-primary" disabled={same || restoring} onClick={() => setAsking(true)}>
            Restore this version
          </button>
        </div>
      </div>

      {!same && (
        <div className="diff-legend" aria-hidden="true">
          <del className="diff-removed">only in this version</del> <ins className="diff-added">only in the current text</ins>
        </div>
      )}

      {titleChanged && (
        <p className="diff-title">
          <span className="diff-label">Title</span> <del className="diff-removed">{version.title}</del> → <ins className="diff-added">{current.title}</ins>
        </p>
      )}

      {fields.length > 0 && (
        <table className="diff-fields">
          <caption>Changed fields</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">This version</th>
              <th scope="col">Current</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr key={f.key}>
                <th scope="row">{f.key}</th>
                <td>
                  <del className="diff-removed">{f.before}</del>
                </td>
                <td>
                  <ins className="diff-added">{f.after}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {!diff.identical &&
        (mode === 'inline' ? (
          <InlineDiff blocks={diff.inline} />
        ) : (
          <SideBySideDiff rows={diff.sideBySide} leftLabel={`This version (${formatWhen(version.at)})`} rightLabel="Current text" />
        ))}
      {diff.identical && !same && <p className="links-empty">The text is the same; only the title or fields differ.</p>}

      {asking && (
        <ConfirmDialog
          title="Restore this version?"
          confirmLabel="Restore"
          busy={restoring}
          onConfirm={() => {
            setAsking(false);
            onRestore();
          }}
          onCancel={() => setAsking(false)}
        >
          <p>
            The title, text and fields go back to how they were in the version of {formatWhen(version.at)}; the status stays as it is.
            The current text is kept as a version first, so you can come back to it.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
