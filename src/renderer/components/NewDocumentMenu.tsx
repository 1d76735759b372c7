import { useRef, useState } from 'react';
import { DOC_KINDS, KINDS, type DocKind } from '../../shared/kinds/kinds';
import { useDismiss } from './useDismiss';

/** "New RFC" as the primary action, with the other kinds one click away. */
export function NewDocumentMenu({ onCreate }: { onCreate: (kind: DocKind) => void }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(ref, open, () => setOpen(false));
  return (
    <div className="split-button" ref={ref}>
      <button type="button" className="button button-primary" onClick={() => onCreate('rfc')} title="New RFC (Ctrl+N)">
        New RFC
      </button>
      <button
        type="button"
        className="button button-primary split-toggle"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label="New document of another kind"
        onClick={() => setOpen((o) => !o)}
      >
        ▾
      </button>
      {open && (
        <ul className="menu" role="menu">
          {DOC_KINDS.map((k) => (
            <li key={k} role="none">
              <button
                type="button"
                role="menuitem"
                className="menu-item"
                onClick={() => {
                  setOpen(false);
                  onCreate(k);
                }}
              >
                New {KINDS[k].label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
