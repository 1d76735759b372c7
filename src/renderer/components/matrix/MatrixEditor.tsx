import { useCallback, useMemo } from 'react';
import type { Document } from '../../../shared/document';
import { scoreMatrix } from '../../../shared/kinds/matrixScoring';
import '../../styles/matrix.css';
import { DocumentFrame } from '../DocumentFrame';
import { LazyDocumentEditor } from '../editor/LazyDocumentEditor';
import { DecisionFields } from './DecisionFields';
import { MatrixDetails } from './MatrixDetails';
import { MatrixGrid, optionLabel } from './MatrixGrid';
import { RankingSummary } from './RankingSummary';
import { RequirementsList } from './RequirementsList';
import { useMatrixFields } from './useMatrixFields';

/**
 * The decision matrix editor: requirements, the criteria x options grid with
 * live weighted totals and ranking, the decision with its rationale and
 * revisit trigger, then the Markdown body (Context, Notes) in one editor.
 */
export function MatrixEditor({ doc }: { doc: Document }) {
  const [fields, update] = useMatrixFields(doc);
  const score = useMemo(() => scoreMatrix(fields), [fields]);
  const labelOf = useCallback((id: string): string => optionLabel(fields, fields.options.findIndex((o) => o.id === id)), [fields]);
  const leaderName = score.leaders.length === 1 ? labelOf(score.leaders[0]!) : null;
  return (
    <DocumentFrame doc={doc}>
      <MatrixDetails doc={doc} fields={fields} update={update} />
      <RequirementsList requirements={fields.requirements} update={update} />
      <section className="matrix-card matrix-grid-card" aria-labelledby="matrix-grid-heading">
        <h2 id="matrix-grid-heading" className="matrix-card-title">
          Matrix
        </h2>
        <p className="matrix-card-hint">Criteria are rows, options are columns. Totals weigh each rating by its criterion’s share of the weight.</p>
        <MatrixGrid fields={fields} score={score} update={update} />
        <RankingSummary score={score} labelOf={labelOf} fields={fields} update={update} />
      </section>
      <DecisionFields fields={fields} leaderName={leaderName} update={update} />
      <LazyDocumentEditor doc={doc} />
    </DocumentFrame>
  );
}
