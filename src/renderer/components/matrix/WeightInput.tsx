import { useState } from 'react';
import { MATRIX_LIMITS } from '../../../shared/kinds/matrix';

/** A weight as typed, or null while it is not a number from 0 to the limit. */
export function parseWeight(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '' || !/^\d*\.?\d*$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) && n >= 0 && n <= MATRIX_LIMITS.maxWeight ? n : null;
}

/**
 * The weight of one criterion. Keeps what the person types ("", "2.") and
 * saves only numbers, so the ranking follows each keystroke without ever
 * seeing a half-typed value; leaving the field shows the saved weight.
 */
export function WeightInput({ value, label, onCommit }: { value: number; label: string; onCommit: (weight: number) => void }) {
  const [text, setText] = useState(String(value));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (parseWeight(text) !== value) setText(String(value));
  }
  const invalid = parseWeight(text) === null;
  return (
    <input
      className={`mg-weight-input ${invalid ? 'is-invalid' : ''}`}
      inputMode="decimal"
      aria-label={label}
      aria-invalid={invalid || undefined}
      title={invalid ? `A weight is a number from 0 to ${MATRIX_LIMITS.maxWeight}` : undefined}
      value={text}
      maxLength={8}
      onChange={(e) => {
        setText(e.target.value);
        const next = parseWeight(e.target.value);
        if (next !== null && next !== value) onCommit(next);
      }}
      onKeyDown={(e) => {
        // Arrow keys step by 1, as on a number input, without its scroll-wheel surprises.
        if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
        e.preventDefault();
        const next = Math.min(MATRIX_LIMITS.maxWeight, Math.max(0, Math.round(value) + (e.key === 'ArrowUp' ? 1 : -1)));
        setText(String(next));
        if (next !== value) onCommit(next);
      }}
      onBlur={() => {
        if (!invalid) setText(String(value));
      }}
    />
  );
}
