import { MATRIX_LIMITS, type MatrixFields } from '../../../shared/kinds/matrix';
import type { MatrixUpdate } from './useMatrixFields';

/** What was decided, why, and the event that should reopen it ("at 100K users"). */
export function DecisionFields({ fields, leaderName, update }: { fields: MatrixFields; leaderName: string | null; update: MatrixUpdate }) {
  return (
    <section className="matrix-card" aria-labelledby="matrix-outcome-heading">
      <h2 id="matrix-outcome-heading" className="matrix-card-title">
        Outcome
      </h2>
      <div className="matrix-outcome">
        <div className="matrix-field">
          <label htmlFor="matrix-decision">Decision</label>
          <div className="matrix-decision-row">
            <input
              id="matrix-decision"
              value={fields.decision}
              maxLength={MATRIX_LIMITS.decision}
              placeholder={leaderName ? `e.g. We choose ${leaderName}.` : 'What we choose'}
              onChange={(e) => update((f) => ({ ...f, decision: e.target.value }))}
            />
            {leaderName && !fields.decision.trim() && (
              <button type="button" className="button" onClick={() => update((f) => ({ ...f, decision: `We choose ${leaderName}.` }))}>
                Choose {leaderName}
              </button>
            )}
          </div>
        </div>
        <div className="matrix-field">
          <label htmlFor="matrix-rationale">Rationale</label>
          <textarea
            id="matrix-rationale"
            rows={4}
            value={fields.rationale}
            maxLength={MATRIX_LIMITS.rationale}
            placeholder="Why this option, beyond the numbers: what tipped it, what we accept in exchange."
            onChange={(e) => update((f) => ({ ...f, rationale: e.target.value }))}
          />
        </div>
        <div className="matrix-field">
          <label htmlFor="matrix-revisit">Revisit when</label>
          <input
            id="matrix-revisit"
            value={fields.revisitWhen}
            maxLength={MATRIX_LIMITS.revisitWhen}
            placeholder="e.g. at 100K users, or when v5 ships"
            onChange={(e) => update((f) => ({ ...f, revisitWhen: e.target.value }))}
          />
        </div>
        <div className="matrix-field">
          <label htmlFor="matrix-revisit-on">Revisit on</label>
          <input
            id="matrix-revisit-on"
            type="date"
            aria-describedby="matrix-revisit-on-hint"
            value={fields.revisitOn ?? ''}
            onChange={(e) =>
              update((f) => {
                const next: MatrixFields = { ...f, revisitOn: e.target.value };
                if (!e.target.value) delete next.revisitOn;
                return next;
              })
            }
          />
          <span id="matrix-revisit-on-hint" className="matrix-field-hint">
            Optional. From this day on, the dashboard lists the decision as due for a revisit.
          </span>
        </div>
      </div>
    </section>
  );
}
