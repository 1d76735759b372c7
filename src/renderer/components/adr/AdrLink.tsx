import { displayRef } from '../../../shared/kinds/kinds';
import { useAppStore } from '../../store';

/** "ADR-3 · Title" as a link that opens that ADR; plain text when it is not in the library (deleted, or not synced yet). */
export function AdrLink({ number }: { number: number }) {
  const target = useAppStore((s) => s.summaries.find((d) => d.kind === 'adr' && d.number === number));
  const navigate = useAppStore((s) => s.navigate);
  const ref = displayRef('adr', number);
  if (!target) {
    return (
      <span className="adr-link adr-link-missing" title="Not in this library">
        {ref}
      </span>
    );
  }
  return (
    <a
      href={`#doc/${target.id}`}
      className="adr-link"
      onClick={(e) => {
        e.preventDefault();
        navigate({ name: 'doc', id: target.id });
      }}
    >
      <span className="adr-link-ref">{ref}</span>
      {' · '}
      <span className="adr-link-title">{target.title}</span>
    </a>
  );
}
