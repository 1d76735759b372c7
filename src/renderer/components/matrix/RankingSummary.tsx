import type { MatrixScore } from '../../../shared/kinds/matrixScoring';
import { formatPercent, formatRank } from '../../../shared/kinds/matrixScoring';

/** The options best first, in one line a reader can take in, plus what the numbers rest on (empty cells, zero weights). */
export function RankingSummary({ score, labelOf }: { score: MatrixScore; labelOf: (optionId: string) => string }) {
  const notes: string[] = [];
  if (score.weighting === 'equal-all-zero') notes.push('All weights are 0, so every criterion counts equally.');
  if (score.emptyCells > 0 && score.ratedCells > 0) {
    notes.push(`${score.emptyCells} ${score.emptyCells === 1 ? 'cell is' : 'cells are'} not rated yet and ${score.emptyCells === 1 ? 'counts' : 'count'} as 0.`);
  }
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
      {notes.map((n) => (
        <p key={n} className="matrix-summary-note">
          {n}
        </p>
      ))}
    </div>
  );
}
