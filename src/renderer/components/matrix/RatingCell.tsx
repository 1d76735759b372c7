import { memo } from 'react';
import { MATRIX_LIMITS, scaleRatings, type MatrixScale, type Rating, type RatingCell as Cell } from '../../../shared/kinds/matrix';
import { ratingValue } from '../../../shared/kinds/matrixScoring';

export interface RatingCellProps {
  criterionId: string;
  optionId: string;
  criterionLabel: string;
  optionLabel: string;
  scale: MatrixScale;
  cell: Cell;
  leader: boolean;
  onChange: (criterionId: string, optionId: string, patch: Partial<Cell>) => void;
}

/** A tint per rating, from good to poor, so the grid reads at a glance. */
function tone(rating: Rating | null): string {
  const v = ratingValue(rating);
  if (v === null) return 'tone-none';
  if (v >= 0.75) return 'tone-good';
  if (v >= 0.5) return 'tone-mid';
  if (v >= 0.25) return 'tone-low';
  return 'tone-poor';
}

function parseRating(value: string): Rating | null {
  if (value === '') return null;
  return /^[1-5]$/.test(value) ? (Number(value) as Rating) : (value as Rating);
}

/** One cell of the grid: how an option does on a criterion, on the matrix's scale, plus a short note ("v4+", "$$"). */
export const RatingCell = memo(function RatingCell({ criterionId, optionId, criterionLabel, optionLabel, scale, cell, leader, onChange }: RatingCellProps) {
  return (
    <td className={`mg-cell ${tone(cell.rating)} ${leader ? 'is-leader' : ''}`}>
      <div className="mg-cell-inner">
        <select
          className="mg-rating"
          aria-label={`Rating of ${optionLabel} for ${criterionLabel}`}
          value={cell.rating === null ? '' : String(cell.rating)}
          onChange={(e) => onChange(criterionId, optionId, { rating: parseRating(e.target.value) })}
        >
          <option value="">–</option>
          {scaleRatings(scale).map((r) => (
            <option key={r.value} value={String(r.value)}>
              {r.label}
            </option>
          ))}
        </select>
        <input
          className="mg-note"
          aria-label={`Note for ${optionLabel} on ${criterionLabel}`}
          placeholder="Note"
          maxLength={MATRIX_LIMITS.note}
          value={cell.note}
          onChange={(e) => onChange(criterionId, optionId, { note: e.target.value })}
        />
      </div>
    </td>
  );
});
