import { useSyncExternalStore } from 'react';
import type { CaretStore } from './caretStore';
import { entryAt, type OutlineEntry } from './outline';

export interface OutlineProps {
  entries: readonly OutlineEntry[];
  /** Where the caret is, to mark the section being written. */
  caret: CaretStore;
  onJump: (entry: OutlineEntry) => void;
}

/** The document's sections beside the editor: a button per heading that jumps there, with the empty ones marked. */
export function Outline({ entries, caret, onJump }: OutlineProps) {
  const offset = useSyncExternalStore(caret.subscribe, caret.get);
  const current = entryAt(entries, offset)?.index;
  return (
    <nav className="doc-outline" aria-label="Outline">
      <h2 className="doc-outline-title">Outline</h2>
      {entries.length === 0 ? (
        <p className="doc-outline-none">No sections yet: a line starting with “## ” makes one.</p>
      ) : (
        <ol className="doc-outline-list">
          {entries.map((e) => (
            <li key={`${e.index}-${e.heading}`} className={`doc-outline-depth-${e.depth}`}>
              <button
                type="button"
                className={`doc-outline-item${e.empty ? ' is-empty' : ''}`}
                aria-current={current === e.index ? 'location' : undefined}
                onClick={() => onJump(e)}
              >
                <span className="doc-outline-heading">{e.heading}</span>
                {e.empty && (
                  <span className="doc-outline-empty">
                    <span className="visually-hidden">, </span>empty
                  </span>
                )}
              </button>
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}
