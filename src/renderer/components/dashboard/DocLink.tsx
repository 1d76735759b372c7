import type { MouseEvent, ReactNode } from 'react';
import type { Dashboard } from '../../../shared/contract/reviews';
import { displayRef } from '../../../shared/kinds/kinds';
import { useAppStore } from '../../store';

export type DashDoc = Dashboard['waitingOnMe'][number]['doc'];

/** Opens the document: a real link (keyboard, middle click) that navigates in-app. */
export function DocLink({ doc }: { doc: Pick<DashDoc, 'id' | 'kind' | 'number' | 'title'> }) {
  const navigate = useAppStore((s) => s.navigate);
  return (
    <a
      href={`#doc/${doc.id}`}
      className="doc-link"
      onClick={(e) => {
        e.preventDefault();
        navigate({ name: 'doc', id: doc.id });
      }}
    >
      <span className="doc-ref">{displayRef(doc.kind, doc.number)}</span> {doc.title}
    </a>
  );
}

/** A table row that opens its document when clicked anywhere (the link inside stays the keyboard path). */
export function DocRow({ docId, children, className }: { docId: string; children: ReactNode; className?: string }) {
  const navigate = useAppStore((s) => s.navigate);
  const onClick = (e: MouseEvent<HTMLTableRowElement>): void => {
    if ((e.target as HTMLElement).closest('a, button, input')) return;
    navigate({ name: 'doc', id: docId });
  };
  return (
    <tr className={`doc-row dash-row ${className ?? ''}`} onClick={onClick} data-testid="dash-row">
      {children}
    </tr>
  );
}
