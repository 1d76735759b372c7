import type { Document } from '../../../shared/document';
import { MATRIX_LIMITS, MATRIX_SCALES, SCALE_LABELS, type MatrixFields, type MatrixScale } from '../../../shared/kinds/matrix';
import { setScale } from '../../../shared/kinds/matrixEdits';
import type { MatrixUpdate } from './useMatrixFields';

function formatDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Author, the rating scale of this matrix, and when it was created and last changed. */
export function MatrixDetails({ doc, fields, update }: { doc: Document; fields: MatrixFields; update: MatrixUpdate }) {
  const hasRatings = Object.values(fields.ratings).some((row) => Object.values(row).some((c) => c.rating !== null));
  return (
    <dl className="metadata">
      <div>
        <dt>
          <label htmlFor="matrix-author">Author</label>
        </dt>
        <dd>
          <input id="matrix-author" value={fields.author} maxLength={MATRIX_LIMITS.author} onChange={(e) => update((f) => ({ ...f, author: e.target.value }))} />
        </dd>
      </div>
      <div>
        <dt>
          <label htmlFor="matrix-scale">Rating scale</label>
        </dt>
        <dd>
          <select
            id="matrix-scale"
            value={fields.scale}
            aria-describedby={hasRatings ? 'matrix-scale-hint' : undefined}
            onChange={(e) => update((f) => setScale(f, e.target.value as MatrixScale))}
          >
            {MATRIX_SCALES.map((s) => (
              <option key={s} value={s}>
                {SCALE_LABELS[s]}
              </option>
            ))}
          </select>
          {hasRatings && (
            <span id="matrix-scale-hint" className="matrix-scale-hint">
              Switching converts ratings: good = 5, partial = 3, poor = 1.
            </span>
          )}
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
