import type { Document } from '../../../shared/document';
import { AdrLink } from './AdrLink';
import { SupersedeAction } from './SupersedeAction';

function numbers(v: unknown): number[] {
  return Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x) && x > 0) : [];
}

/** Which ADRs this one supersedes and which one supersedes it, each a link, plus the action to supersede another. */
export function SupersedeLinks({ doc }: { doc: Document }) {
  const supersedes = numbers(doc.fields.supersedes);
  const by = typeof doc.fields.supersededBy === 'number' ? doc.fields.supersededBy : null;
  return (
    <section className={`adr-links ${by !== null ? 'adr-links-superseded' : ''}`} aria-labelledby="adr-links-heading">
      <h2 id="adr-links-heading" className="adr-links-heading">
        Supersede links
      </h2>
      {by === null && supersedes.length === 0 ? (
        <p className="adr-links-note">This ADR neither supersedes nor is superseded by another.</p>
      ) : (
        <ul className="adr-links-list">
          {by !== null && (
            <li className="adr-link-row adr-link-by">
              <span className="adr-link-kind">Superseded by</span> <AdrLink number={by} />
            </li>
          )}
          {supersedes.map((n) => (
            <li key={n} className="adr-link-row">
              <span className="adr-link-kind">Supersedes</span> <AdrLink number={n} />
            </li>
          ))}
        </ul>
      )}
      <SupersedeAction doc={doc} />
    </section>
  );
}
