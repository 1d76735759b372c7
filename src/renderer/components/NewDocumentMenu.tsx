import { useRef, useState } from 'react';
import { DOC_KINDS, KINDS, type DocKind } from '../../shared/kinds/kinds';
import '../styles/teamTemplates.css';
import { useDismiss } from './useDismiss';
import { useTeamTemplates } from './useTeamTemplates';

/**
 * "New RFC" as the primary action, with the other kinds one click away and
 * the team's extra templates ("Lightweight RFC") below them. A kind's own
 * team template (templates/rfc.md) needs no entry: it is what "New RFC" uses.
 */
export function NewDocumentMenu({ onCreate }: { onCreate: (kind: DocKind, template?: string) => void }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(ref, open, () => setOpen(false));
  const extras = useTeamTemplates(open).filter((t) => t.name !== t.kind);
  const pick = (kind: DocKind, template?: string): void => {
    setOpen(false);
    onCreate(kind, template);
  };
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
        <ul className="menu" role="menu" aria-label="New document">
          {DOC_KINDS.map((k) => (
            <li key={k} role="none">
              <button type="button" role="menuitem" className="menu-item" onClick={() => pick(k)}>
                New {KINDS[k].label}
              </button>
            </li>
          ))}
          {extras.length > 0 && (
            <>
              <li role="separator" className="menu-separator" />
              <li role="none" className="menu-heading" aria-hidden="true">
                Team templates
              </li>
              {extras.map((t) => (
                <li key={t.name} role="none">
                  <button
                    type="button"
                    role="menuitem"
                    className="menu-item menu-item-template"
                    title={t.description || undefined}
                    onClick={() => pick(t.kind, t.name)}
                  >
                    <span>New {t.title}</span>
                    <span className="menu-item-note">{KINDS[t.kind].label} · team template</span>
                  </button>
                </li>
              ))}
            </>
          )}
        </ul>
      )}
    </div>
  );
}
