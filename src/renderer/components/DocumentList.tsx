import { displayRef } from '../../shared/kinds/kinds';
import { useAppStore } from '../store';
import { StatusBadge } from './StatusBadge';

function relative(iso: string): string {
  const d = new Date(iso);
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Every document: number, title, status, author, last updated. A row opens its document. */
export function DocumentList({ onCreate }: { onCreate: () => void }) {
  const summaries = useAppStore((s) => s.summaries);
  const loading = useAppStore((s) => s.libraryLoading);
  const error = useAppStore((s) => s.libraryError);
  const navigate = useAppStore((s) => s.navigate);
  if (error) {
    return (
      <p className="inline-error" role="alert">
        Could not load the library: {error}
      </p>
    );
  }
  if (!loading && summaries.length === 0) {
    return (
      <div className="empty-state">
        <h2>No documents yet</h2>
        <p>Start an RFC from the template: every section is laid out with a hint of what goes in it.</p>
        <button type="button" className="button button-primary" onClick={onCreate}>
          New RFC
        </button>
      </div>
    );
  }
  return (
    <table className="doc-table" aria-label="Documents">
      <thead>
        <tr>
          <th scope="col">Number</th>
          <th scope="col">Title</th>
          <th scope="col">Status</th>
          <th scope="col">Author</th>
          <th scope="col">Last updated</th>
        </tr>
      </thead>
      <tbody>
        {summaries.map((s) => (
          <tr key={s.id} className="doc-row" data-testid="doc-row">
            <td className="doc-ref">{displayRef(s.kind, s.number)}</td>
            <td>
              <a
                href={`#doc/${s.id}`}
                className="doc-link"
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ name: 'doc', id: s.id });
                }}
              >
                {s.title}
              </a>
            </td>
            <td>
              <StatusBadge kind={s.kind} status={s.status} />
            </td>
            <td>{s.author}</td>
            <td>
              <time dateTime={s.updatedAt}>{relative(s.updatedAt)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
