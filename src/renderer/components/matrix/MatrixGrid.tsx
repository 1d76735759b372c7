import { useCallback, useMemo, useState } from 'react';
import type { MatrixFields, RatingCell as Cell } from '../../../shared/kinds/matrix';
import { MATRIX_LIMITS } from '../../../shared/kinds/matrix';
import {
  addCriterion,
  addOption,
  filledCells,
  moveCriterion,
  moveOption,
  removeCriterion,
  removeOption,
  renameCriterion,
  renameOption,
  setCell,
  setCriterionScoring,
  setWeight,
} from '../../../shared/kinds/matrixEdits';
import { cellScores, type MatrixScore } from '../../../shared/kinds/matrixScoring';
import type { CriterionScoring } from '../../../shared/kinds/matrix';
import { CriterionRow } from './CriterionRow';
import { OptionHeader } from './OptionHeader';
import { ScoreRow } from './ScoreRow';
import { newMatrixId, type MatrixUpdate } from './useMatrixFields';

/** What a person calls a row or column: its name, or its position while it has none. */
export function criterionLabel(f: MatrixFields, i: number): string {
  return f.criteria[i]?.name.trim() || `criterion ${i + 1}`;
}
export function optionLabel(f: MatrixFields, i: number): string {
  return f.options[i]?.name.trim() || `option ${i + 1}`;
}

function confirmRemoval(what: string, filled: number): boolean {
  if (filled === 0) return true;
  return window.confirm(`Remove ${what} and its ${filled} ${filled === 1 ? 'rating' : 'ratings'}?`);
}

/** The grid itself: criteria as rows, options as columns, a rating and note per cell, totals and ranks in the footer. */
export function MatrixGrid({ fields, score, update }: { fields: MatrixFields; score: MatrixScore; update: MatrixUpdate }) {
  // The row or column just added gets the focus, so adding and naming is one motion.
  const [added, setAdded] = useState<string | null>(null);
  const leaders = useMemo(() => new Set(score.leaders), [score.leaders]);
  const optionLabels = fields.options.map((_, i) => optionLabel(fields, i));
  const worth = useMemo(() => cellScores(fields), [fields]);

  const onCell = useCallback((cid: string, oid: string, patch: Partial<Cell>) => update((f) => setCell(f, cid, oid, patch)), [update]);
  const onRenameCriterion = useCallback((id: string, name: string) => update((f) => renameCriterion(f, id, name)), [update]);
  const onWeight = useCallback((id: string, w: number) => update((f) => setWeight(f, id, w)), [update]);
  const onScoring = useCallback((id: string, scoring: CriterionScoring) => update((f) => setCriterionScoring(f, id, scoring)), [update]);
  const onMoveCriterion = useCallback((id: string, d: number) => update((f) => moveCriterion(f, id, d)), [update]);
  const onRenameOption = useCallback((id: string, name: string) => update((f) => renameOption(f, id, name)), [update]);
  const onMoveOption = useCallback((id: string, d: number) => update((f) => moveOption(f, id, d)), [update]);
  const onRemoveCriterion = (id: string): void => {
    const i = fields.criteria.findIndex((c) => c.id === id);
    if (confirmRemoval(criterionLabel(fields, i), filledCells(fields, { criterionId: id }))) update((f) => removeCriterion(f, id));
  };
  const onRemoveOption = (id: string): void => {
    const i = fields.options.findIndex((o) => o.id === id);
    if (confirmRemoval(optionLabel(fields, i), filledCells(fields, { optionId: id }))) update((f) => removeOption(f, id));
  };
  const onAddCriterion = (): void => {
    const id = newMatrixId('c');
    setAdded(id);
    update((f) => addCriterion(f, id));
  };
  const onAddOption = (): void => {
    const id = newMatrixId('o');
    setAdded(id);
    update((f) => addOption(f, id));
  };

  return (
    <>
      <div className="mg-scroll">
        <table className="mg-table" aria-label="Criteria and options">
          <thead>
            <tr>
              <th scope="col" className="mg-corner">
                Criterion
              </th>
              <th scope="col" className="mg-weight-head">
                Weight
              </th>
              {fields.options.map((o, i) => (
                <OptionHeader
                  key={o.id}
                  option={o}
                  index={i}
                  count={fields.options.length}
                  label={optionLabels[i]!}
                  leader={leaders.has(o.id)}
                  autoFocus={added === o.id}
                  onRename={onRenameOption}
                  onMove={onMoveOption}
                  onRemove={onRemoveOption}
                />
              ))}
              {fields.options.length === 0 && (
                <th scope="col" className="mg-option mg-placeholder">
                  No options yet
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {fields.criteria.map((c, i) => (
              <CriterionRow
                key={c.id}
                fields={fields}
                criterion={c}
                index={i}
                label={criterionLabel(fields, i)}
                optionLabels={optionLabels}
                share={score.weights[c.id] ?? 0}
                worth={worth[c.id] ?? {}}
                leaders={leaders}
                autoFocus={added === c.id}
                onRename={onRenameCriterion}
                onWeight={onWeight}
                onScoring={onScoring}
                onMove={onMoveCriterion}
                onRemove={onRemoveCriterion}
                onCell={onCell}
              />
            ))}
            {fields.criteria.length === 0 && (
              <tr>
                <td colSpan={2 + Math.max(1, fields.options.length)} className="mg-placeholder mg-empty-row">
                  No criteria yet. Add what you judge the options by: latency, cost, team experience…
                </td>
              </tr>
            )}
          </tbody>
          {fields.options.length > 0 && fields.criteria.length > 0 && (
            <tfoot>
              <ScoreRow score={score} optionLabels={optionLabels} criteriaCount={fields.criteria.length} />
            </tfoot>
          )}
        </table>
      </div>
      <div className="mg-actions">
        <button type="button" className="button" onClick={onAddCriterion} disabled={fields.criteria.length >= MATRIX_LIMITS.criteria}>
          + Add criterion
        </button>
        <button type="button" className="button" onClick={onAddOption} disabled={fields.options.length >= MATRIX_LIMITS.options}>
          + Add option
        </button>
      </div>
    </>
  );
}
