import { useDeferredValue, useMemo } from 'react';
import type { Document, DocumentSummary } from '../../shared/document';
import { displayRef } from '../../shared/kinds/kinds';
import { extractRefs } from '../../shared/links/refs';
import { call } from '../api/client';
import { useQuery } from '../api/useQuery';
import { useAppStore } from '../store';
import '../styles/versions.css';

function DocLink({ summary }: { summary: Pick<DocumentSummary, 'id' | 'kind' | 'number' | 'title'> }) {
  const navigate = useAppStore((s) => s.navigate);
  return (
    <a
      href={`#doc/${summary.id}`}
      className="link-item"
      onClick={(e) => {
        e.preventDefault();
        void useAppStore
          .getState()
          .closeDoc()
          .then(() => navigate({ name: 'doc', id: summary.id }));
      }}
    >
      <span className="doc-ref">{displayRef(summary.kind, summary.number)}</span> <span className="link-title">{summary.title}</span>
    </a>
  );
}

/**
 * "Linked from": the documents whose text names this one (RFC-12, ADR-3…),
 * and "Links to": the references this document's text makes, with the ones
 * naming no document marked.
 */
export function BacklinksPanel({ doc }: { doc: Pick<Document, 'id' | 'body'> }) {
  const summaries = useAppStore((s) => s.summaries);
  const body = useDeferredValue(doc.body);
  const { data, error } = useQuery(`links:backlinks:${doc.id}`, () => call('links:backlinks', { id: doc.id }));
  const backlinks: DocumentSummary[] | null = data ?? null;

  const outgoing = useMemo(
    () =>
      extractRefs(body)
        .map((r) => ({ ref: r, target: summaries.find((s) => s.kind === r.kind && s.number === r.number) }))
        // A document naming itself is not a link.
        .filter((o) => o.target?.id !== doc.id),
    [body, summaries, doc.id],
  );

  return (
    <section className="links-panel" aria-labelledby="links-heading">
      <h2 id="links-heading">Links</h2>
      {error && <p className="inline-error">{error}</p>}
      <div className="links-columns">
        <div>
          <h3 id="linked-from-heading">Linked from</h3>
          {backlinks && backlinks.length === 0 && <p className="links-empty">No document refers to this one yet.</p>}
          {backlinks && backlinks.length > 0 && (
            <ul className="link-list" aria-labelledby="linked-from-heading">
              {backlinks.map((b) => (
                <li key={b.id}>
                  <DocLink summary={b} />
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3 id="links-to-heading">Links to</h3>
          {outgoing.length === 0 ? (
            <p className="links-empty">
              Type a reference such as <code>RFC-12</code> or <code>ADR-3</code> in the text to link a document.
            </p>
          ) : (
            <ul className="link-list" aria-labelledby="links-to-heading">
              {outgoing.map(({ ref, target }) => (
                <li key={`${ref.kind}-${ref.number}`}>
                  {target ? (
                    <DocLink summary={target} />
                  ) : (
                    <span className="link-item link-missing">
                      <span className="doc-ref ref-missing" title="No such document">
                        {displayRef(ref.kind, ref.number)}
                      </span>{' '}
                      <span className="link-title">No such document</span>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
