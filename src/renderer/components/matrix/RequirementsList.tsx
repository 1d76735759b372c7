import { useState } from 'react';
import { MATRIX_LIMITS } from '../../../shared/kinds/matrix';
import type { MatrixUpdate } from './useMatrixFields';

/** The must-haves every option has to meet. They are not scored: an option that fails one is out, whatever its total. */
export function RequirementsList({ requirements, update }: { requirements: string[]; update: MatrixUpdate }) {
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const setAt = (i: number, text: string): void =>
    update((f) => ({ ...f, requirements: f.requirements.map((r, j) => (j === i ? text : r)) }));
  const removeAt = (i: number): void => update((f) => ({ ...f, requirements: f.requirements.filter((_, j) => j !== i) }));
  const add = (at: number): void => {
    setFocusIndex(at);
    update((f) => ({ ...f, requirements: [...f.requirements.slice(0, at), '', ...f.requirements.slice(at)] }));
  };
  const full = requirements.length >= MATRIX_LIMITS.requirements;
  return (
    <section className="matrix-card" aria-labelledby="matrix-requirements-heading">
      <h2 id="matrix-requirements-heading" className="matrix-card-title">
        Requirements
      </h2>
      <p className="matrix-card-hint">Must-haves every option has to meet. They are not scored: an option that misses one is out.</p>
      {requirements.length > 0 && (
        <ol className="matrix-requirements">
          {requirements.map((r, i) => (
            // Requirements have no id; position is their identity, and focus stays put while typing.
            <li key={i}>
              <input
                aria-label={`Requirement ${i + 1}`}
                value={r}
                maxLength={MATRIX_LIMITS.requirement}
                placeholder="e.g. Runs on our own servers"
                autoFocus={focusIndex === i}
                onChange={(e) => setAt(i, e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && !full) {
                    e.preventDefault();
                    add(i + 1);
                  }
                }}
              />
              <button type="button" className="mg-tool mg-remove" aria-label={`Remove requirement ${i + 1}`} title="Remove requirement" onClick={() => removeAt(i)}>
                ×
              </button>
            </li>
          ))}
        </ol>
      )}
      <button type="button" className="button" disabled={full} onClick={() => add(requirements.length)}>
        + Add requirement
      </button>
    </section>
  );
}
