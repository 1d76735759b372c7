import type { MatrixScore } from '../../../shared/kinds/matrixScoring';
import { formatPercent, formatRank } from '../../../shared/kinds/matrixScoring';

/** The footer of the grid: each option's weighted total, its rank (ties said as ties) and how many of its cells are empty. */
export function ScoreRow({ score, optionLabels, criteriaCount }: { score: MatrixScore; optionLabels: string[]; criteriaCount: number }) {
  return (
    <tr className="mg-score-row">
      <th scope="row" className="mg-score-label">
        Weighted total
      </th>
      <td className="mg-weight mg-score-note">{score.weighting === 'equal-all-zero' ? 'equal' : ''}</td>
      {score.options.map((s, i) => (
        <td key={s.optionId} className={`mg-score ${s.leader ? 'is-leader' : ''}`}>
          <span className="visually-hidden">Score of {optionLabels[i]}: </span>
          <div className="mg-score-line">
            <span className="mg-total">{formatPercent(s.total)}</span>{' '}
            {score.ratedCells > 0 && <span className={`mg-rank ${s.leader ? 'mg-rank-lead' : ''}`}>{formatRank(s.rank, s.tied)}</span>}
          </div>
          <span className="mg-bar" aria-hidden="true">
            <span className="mg-bar-fill" style={{ width: `${Math.round(s.total * 100)}%` }} />
          </span>{' '}
          {criteriaCount > 0 && s.empty > 0 && (
            <span className="mg-empty">
              {s.empty} of {criteriaCount} not rated
            </span>
          )}
        </td>
      ))}
    </tr>
  );
}
