import type { Document } from '../../shared/document';
import { useAppStore } from '../store';
import '../styles/metadata.css';

function formatDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Brings the Review panel's reviewer list into view (it sits beside the text, or below it on a narrow window). */
function showReviewPanel(): void {
  const heading = document.getElementById('reviewers-heading');
  heading?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  const input = heading?.parentElement?.querySelector<HTMLElement>('input, button');
  input?.focus({ preventScroll: true });
}

/**
 * RFC metadata: the author is editable; the reviewers are shown as the
 * review keeps them (the Review panel is their one source, and the names are
 * copied into the front matter from there); created and last updated come
 * from the store.
 */
export function MetadataForm({ doc }: { doc: Document }) {
  const edit = useAppStore((s) => s.edit);
  const author = typeof doc.fields.author === 'string' ? doc.fields.author : '';
  const reviewers = Array.isArray(doc.fields.reviewers) ? doc.fields.reviewers.filter((r): r is string => typeof r === 'string') : [];
  return (
    <dl className="metadata">
      <div>
        <dt>
          <label htmlFor="meta-author">Author</label>
        </dt>
        <dd>
          <input id="meta-author" value={author} maxLength={200} onChange={(e) => edit({ fields: { ...doc.fields, author: e.target.value } })} />
        </dd>
      </div>
      <div>
        <dt>Reviewers</dt>
        <dd>
          {reviewers.length > 0 ? (
            <ul className="metadata-reviewers" aria-label="Reviewers in the metadata" aria-describedby="meta-reviewers-hint">
              {reviewers.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          ) : (
            <p className="metadata-none">None yet</p>
          )}
          <p className="metadata-hint" id="meta-reviewers-hint">
            Manage reviewers in the{' '}
            <button type="button" className="link-button" onClick={showReviewPanel}>
              Review panel
            </button>
          </p>
        </dd>
      </div>
      <div>
        <dt>Created</dt>
        <dd>{formatDate(doc.createdAt)}</dd>
      </div>
      <div>
        <dt>Last updated</dt>
        <dd>{formatDate(doc.updatedAt)}</dd>
      </div>
    </dl>
  );
}
