import { memo } from 'react';
import { MATRIX_LIMITS, RATING_MARKS, scaleRatings, type CriterionScoring, type MatrixScale, type Rating, type RatingCell as Cell } from '../../../shared/kinds/matrix';
import { formatPercent, parseMatrixValue } from '../../../shared/kinds/matrixScoring';

export interface RatingCellProps {
  criterionId: string;
  optionId: string;
  criterionLabel: string;
  optionLabel: string;
  scale: MatrixScale;
  /** How the criterion is judged: a rating, or a raw value where lower or higher is better. */
  scoring: CriterionScoring;
  cell: Cell;
  /** What the cell counts for, 0..1, or null when empty (for a value: after normalising against its row). */
  worth: number | null;
  leader: boolean;
  onChange: (criterionId: string, optionId: string, patch: Partial<Cell>) => void;
}

/** A tint per cell worth, from best to worst, so the grid reads at a glance. */
function tone(v: number | null): string {
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

/** The rating as the playbook prints it ("✅ Good"); the option's accessible name stays the word. */
function optionText(value: Rating, label: string): string {
  return typeof value === 'number' ? label : `${RATING_MARKS[value]} ${label}`;
}

/**
 * One cell of the grid: how an option does on a criterion, plus a short note
 * ("v4+"). A rating criterion takes a rating on the matrix's scale, shown with
 * its mark (✅ ⚠️ ❌); a value criterion takes the raw value ("$$", "120 ms")
 * and shows what it counts for once compared with its row.
 */
export const RatingCell = memo(function RatingCell({ criterionId, optionId, criterionLabel, optionLabel, scale, scoring, cell, worth, leader, onChange }: RatingCellProps) {
  const value = cell.value ?? '';
  const unreadable = scoring !== 'rating' && value.trim() !== '' && parseMatrixValue(value) === null;
  const hintId = `mg-value-hint-${criterionId}-${optionId}`;
  return (
    <td className={`mg-cell ${tone(worth)} ${leader ? 'is-leader' : ''}`}>
      <div className="mg-cell-inner">
        {scoring === 'rating' ? (
          <select
            className="mg-rating"
            aria-label={`Rating of ${optionLabel} for ${criterionLabel}`}
            value={cell.rating === null ? '' : String(cell.rating)}
            onChange={(e) => onChange(criterionId, optionId, { rating: parseRating(e.target.value) })}
          >
            <option value="">–</option>
            {scaleRatings(scale).map((r) => (
              <option key={r.value} value={String(r.value)} aria-label={r.label}>
                {optionText(r.value, r.label)}
              </option>
            ))}
          </select>
        ) : (
          <div className="mg-value-line">
            <input
              className="mg-value"
              aria-label={`Value of ${optionLabel} for ${criterionLabel}`}
              aria-invalid={unreadable || undefined}
              aria-describedby={hintId}
              placeholder={scoring === 'lower-is-better' ? '$$ or 120' : 'e.g. 500'}
              maxLength={MATRIX_LIMITS.value}
              value={value}
              onChange={(e) => onChange(criterionId, optionId, { value: e.target.value })}
            />
            <span id={hintId} className={`mg-value-worth ${unreadable ? 'is-unreadable' : ''}`}>
              {unreadable ? 'not a value' : worth === null ? '' : formatPercent(worth)}
            </span>
          </div>
        )}
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
