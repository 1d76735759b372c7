import type { Document } from '../../shared/document';
import { useAppStore } from '../store';

function formatDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** RFC metadata: author and reviewers are editable; created and last updated come from the store. */
export function MetadataForm({ doc }: { doc: Document }) {
  const edit = useAppStore((s) => s.edit);
  const author = typeof doc.fields.author === 'string' ? doc.fields.author : '';
  const reviewers = Array.isArray(doc.fields.reviewers) ? (doc.fields.reviewers as string[]) : [];
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
        <dt>
          <label htmlFor="meta-reviewers">Reviewers</label>
        </dt>
        <dd>
          <input
            id="meta-reviewers"
            placeholder="Comma-separated names"
            defaultValue={reviewers.join(', ')}
            key={doc.id}
            onChange={(e) =>
              edit({
                fields: {
                  ...doc.fields,
                  reviewers: e.target.value
                    .split(',')
                    .map((r) => r.trim())
                    .filter(Boolean),
                },
              })
            }
          />
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
