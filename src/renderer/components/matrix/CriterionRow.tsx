import { CRITERION_SCORINGS, MATRIX_LIMITS, SCORING_LABELS, type Criterion, type CriterionScoring, type MatrixFields, type RatingCell as Cell } from '../../../shared/kinds/matrix';
import { cellOf } from '../../../shared/kinds/matrixEdits';
import { formatPercent, type CriterionCellScores } from '../../../shared/kinds/matrixScoring';
import { RatingCell } from './RatingCell';
import { WeightInput } from './WeightInput';

export interface CriterionRowProps {
  fields: MatrixFields;
  criterion: Criterion;
  index: number;
  label: string;
  optionLabels: string[];
  /** This criterion's normalised share of the total weight, 0..1. */
  share: number;
  /** What each option's cell counts for on this criterion, 0..1. */
  worth: CriterionCellScores;
  leaders: ReadonlySet<string>;
  autoFocus: boolean;
  onRename: (id: string, name: string) => void;
  onWeight: (id: string, weight: number) => void;
  onScoring: (id: string, scoring: CriterionScoring) => void;
  onMove: (id: string, delta: number) => void;
  onRemove: (id: string) => void;
  onCell: (criterionId: string, optionId: string, patch: Partial<Cell>) => void;
}

/** One criterion: its name, weight (with its share of the total), reorder and remove, then one rating per option. */
export function CriterionRow(props: CriterionRowProps) {
  const { fields, criterion: c, index, label, optionLabels, share, worth, leaders, autoFocus } = props;
  const scoring = c.scoring ?? 'rating';
  const count = fields.criteria.length;
  return (
    <tr>
      <th scope="row" className="mg-criterion">
        <div className="mg-head">
          <input
            className="mg-name"
            aria-label={`Name of criterion ${index + 1}`}
            placeholder={`Criterion ${index + 1}`}
            maxLength={MATRIX_LIMITS.name}
            value={c.name}
            autoFocus={autoFocus}
            onChange={(e) => props.onRename(c.id, e.target.value)}
          />
          <div className="mg-tools">
            <button type="button" className="mg-tool" aria-label={`Move ${label} up`} title="Move up" disabled={index === 0} onClick={() => props.onMove(c.id, -1)}>
              ↑
            </button>
            <button type="button" className="mg-tool" aria-label={`Move ${label} down`} title="Move down" disabled={index === count - 1} onClick={() => props.onMove(c.id, 1)}>
              ↓
            </button>
            <button type="button" className="mg-tool mg-remove" aria-label={`Remove ${label}`} title="Remove criterion" onClick={() => props.onRemove(c.id)}>
              ×
            </button>
          </div>
        </div>
        <select className="mg-scoring" aria-label={`How ${label} is judged`} value={scoring} onChange={(e) => props.onScoring(c.id, e.target.value as CriterionScoring)}>
          {CRITERION_SCORINGS.map((s) => (
            <option key={s} value={s}>
              {SCORING_LABELS[s]}
            </option>
          ))}
        </select>
      </th>
      <td className="mg-weight">
        <WeightInput value={c.weight} label={`Weight of ${label}`} onCommit={(w) => props.onWeight(c.id, w)} />
        <span className="mg-share" title={`${label} counts for ${formatPercent(share)} of each total`}>
          {formatPercent(share)}
        </span>
      </td>
      {fields.options.map((o, oi) => (
        <RatingCell
          key={o.id}
          criterionId={c.id}
          optionId={o.id}
          criterionLabel={label}
          optionLabel={optionLabels[oi]!}
          scale={fields.scale}
          scoring={scoring}
          worth={worth[o.id] ?? null}
          cell={cellOf(fields, c.id, o.id)}
          leader={leaders.has(o.id)}
          onChange={props.onCell}
        />
      ))}
      {fields.options.length === 0 && <td className="mg-cell mg-placeholder" />}
    </tr>
  );
}
