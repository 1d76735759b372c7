import { useEffect, useRef, useState } from 'react';
import { DOC_KINDS, KINDS, type DocKind } from '../../shared/kinds/kinds';

/** "New RFC" as the primary action, with the other kinds one click away. */
export function NewDocumentMenu({ onCreate }: { onCreate: (kind: DocKind) => void }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') setOpen(false);
    };
    const onClick = (e: MouseEvent): void => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onClick);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onClick);
    };
  }, []);
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
