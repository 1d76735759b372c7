import { useMemo } from 'react';
import { DEFAULT_CLOSE_CALL_MARGIN, MATRIX_LIMITS, type MatrixFields } from '../../../shared/kinds/matrix';
import { setCloseCallMargin } from '../../../shared/kinds/matrixEdits';
import type { MatrixScore } from '../../../shared/kinds/matrixScoring';
import { closeCall, formatPercent, formatRank, sensitivity, sensitivitySentence } from '../../../shared/kinds/matrixScoring';
import type { MatrixUpdate } from './useMatrixFields';

/**
 * The options best first, in one line a reader can take in, plus what the
 * numbers rest on (empty cells, zero weights), how fragile the first place is
 * (the one weight change that would end it) and a close-call mark when the
 * top two are within the margin the matrix sets.
 */
export function RankingSummary({ score, labelOf, fields, update }: { score: MatrixScore; labelOf: (optionId: string) => string; fields: MatrixFields; update: MatrixUpdate }) {
  const notes: string[] = [];
  if (score.weighting === 'equal-all-zero') notes.push('All weights are 0, so every criterion counts equally.');
  if (score.emptyCells > 0 && score.ratedCells > 0) {
    notes.push(`${score.emptyCells} ${score.emptyCells === 1 ? 'cell is' : 'cells are'} not rated yet and ${score.emptyCells === 1 ? 'counts' : 'count'} as 0.`);
  }
  const sentence = useMemo(() => {
    const s = score.ratedCells > 0 ? sensitivity(fields, MATRIX_LIMITS.maxWeight) : null;
    if (!s) return null;
    const criterion = (id: string) => fields.criteria.findIndex((c) => c.id === id);
    return sensitivitySentence(
      s,
      (id) => fields.criteria[criterion(id)]?.name.trim() || `criterion ${criterion(id) + 1}`,
      labelOf,
      (id) => fields.criteria[criterion(id)]?.weight ?? 0,
    );
  }, [fields, labelOf, score.ratedCells]);
  const margin = fields.closeCallMargin ?? DEFAULT_CLOSE_CALL_MARGIN;
  const close = closeCall(score, margin);
  return (
    <div className="matrix-summary" aria-live="polite">
      {score.ratedCells === 0 ? (
        <p className="matrix-summary-empty">Rate the cells to see the weighted totals and the ranking.</p>
      ) : (
        <ol className="matrix-ranking" aria-label="Ranking">
          {score.ranking.map((s) => (
            <li key={s.optionId} className={s.leader ? 'is-leader' : ''}>
              <span className="matrix-ranking-rank">{formatRank(s.rank, s.tied)}</span> <span className="matrix-ranking-name">{labelOf(s.optionId)}</span>{' '}
              <span className="matrix-ranking-total">{formatPercent(s.total)}</span>
            </li>
          ))}
        </ol>
      )}
      {close && (
        <p className="matrix-close-call" data-testid="close-call">
          <span className="matrix-close-call-mark">Close call</span> {labelOf(close.firstId)} leads {labelOf(close.secondId)} by {close.gapPoints} points, within the
          margin of {close.margin}.
        </p>
      )}
      {sentence && (
        <p className="matrix-sensitivity" data-testid="sensitivity">
          {sentence}
        </p>
      )}
      {notes.map((n) => (
        <p key={n} className="matrix-summary-note">
          {n}
        </p>
      ))}
      <div className="matrix-margin">
        <label htmlFor="matrix-close-call-margin">Close call within</label>
        <input
          id="matrix-close-call-margin"
          type="number"
          min={0}
          max={MATRIX_LIMITS.maxCloseCallMargin}
          step={0.5}
          value={margin}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (e.target.value !== '' && Number.isFinite(v) && v >= 0 && v <= MATRIX_LIMITS.maxCloseCallMargin) update((f) => setCloseCallMargin(f, v));
          }}
        />
        <span>points between the top two (0 turns the mark off)</span>
      </div>
    </div>
  );
}
