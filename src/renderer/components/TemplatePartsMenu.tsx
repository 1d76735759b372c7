import { useRef, useState } from 'react';
import type { Document } from '../../shared/document';
import { OPTIONAL_PARTS, addTemplatePart, hasTemplatePart } from '../../shared/kinds/templates';
import { useAppStore } from '../store';
import { useDismiss } from './useDismiss';

/**
 * "Add from template": the optional parts of a kind's template (for RFCs:
 * Problem Statement, Success Metrics). `onInsert` takes the new body (the one
 * editor puts it in through its text, so undo takes it back).
 */
export function TemplatePartsMenu({ doc, onInsert }: { doc: Document; onInsert?: (body: string) => void }) {
  const edit = useAppStore((s) => s.edit);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(ref, open, () => setOpen(false));
  const parts = OPTIONAL_PARTS[doc.kind];
  if (parts.length === 0) return null;
  return (
    <div className="template-parts" ref={ref}>
      <button type="button" className="button button-quiet" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Add from template ▾
      </button>
      {open && (
        <ul className="menu" role="menu" aria-label="Optional template parts">
          {parts.map((p) => {
            const present = hasTemplatePart(doc.body, p);
            return (
              <li key={p.id} role="none">
                <button
                  type="button"
                  role="menuitem"
                  className="menu-item"
                  disabled={present}
                  onClick={() => {
                    setOpen(false);
                    const current = useAppStore.getState().doc;
                    if (!current) return;
                    const next = addTemplatePart(current.body, p);
                    if (onInsert) onInsert(next);
                    else edit({ body: next });
                  }}
                >
                  {p.label}
                  {present ? ' (added)' : ''}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
