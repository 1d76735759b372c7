import { useState } from 'react';
import type { Document } from '../../../shared/document';
import { MAX_CONTRIBUTING_FACTORS } from '../../../shared/kinds/postmortem';
import { AddRowButton, DeleteRowButton } from './RowButtons';
import { usePostmortemFields } from './usePostmortemFields';

/** What made the incident possible or worse, as a numbered list; blameless causes, not people. */
export function ContributingFactors({ doc }: { doc: Document }) {
  const [f, update] = usePostmortemFields(doc);
  const [added, setAdded] = useState<number | null>(null);
  const factors = f.contributingFactors ?? [];
  const setFactors = (fn: (list: string[]) => string[]): void => update((cur) => ({ contributingFactors: fn(cur.contributingFactors ?? []) }));

  return (
    <section className="pm-card pm-factors" aria-labelledby="pm-factors-heading">
      <div className="pm-card-header">
        <h2 id="pm-factors-heading" className="pm-card-title">
          Contributing factors
        </h2>
        <p className="pm-hint">Conditions that made the incident possible or worse: one per line, no names.</p>
      </div>
      {factors.length === 0 ? (
        <p className="pm-empty">No contributing factors yet. A missing alert, a risky default, a runbook nobody had tried.</p>
      ) : (
        <ol className="pm-factor-list">
          {factors.map((factor, i) => (
            <li key={i} className="pm-factor">
              <div className="pm-factor-row">
                <input
                className="pm-cell-input"
                value={factor}
                maxLength={500}
                aria-label={`Contributing factor ${i + 1}`}
                placeholder="What contributed"
                autoFocus={i === added}
                onChange={(e) => setFactors((list) => list.map((x, j) => (j === i ? e.target.value : x)))}
              />
                <DeleteRowButton label={`Delete contributing factor ${i + 1}`} onDelete={() => setFactors((list) => list.filter((_, j) => j !== i))} />
              </div>
            </li>
          ))}
        </ol>
      )}
      <AddRowButton
        disabled={factors.length >= MAX_CONTRIBUTING_FACTORS}
        onAdd={() =>
          setFactors((list) => {
            setAdded(list.length);
            return [...list, ''];
          })
        }
      >
        + Add contributing factor
      </AddRowButton>
    </section>
  );
}
