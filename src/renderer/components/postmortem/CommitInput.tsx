import { useId, useState, type InputHTMLAttributes } from 'react';

export interface CommitInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'defaultValue'> {
  /** The stored value, in its canonical text form. */
  value: string;
  /** Canonical form of what was typed, or null while it is not valid yet. */
  parse: (text: string) => string | null;
  onCommit: (value: string) => void;
  /** Shown under the input while the text does not parse. */
  error: string;
}

/**
 * A text input that keeps what the person types ("9:0", "Ada, ") but saves
 * only values that parse, so an autosave never sends a half-typed value.
 * Leaving the field shows the saved form.
 */
export function CommitInput({ value, parse, onCommit, error, className, onBlur, ...rest }: CommitInputProps) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    // The stored value changed (a commit, a sort, a restored draft): follow it unless it is what we typed.
    setSeen(value);
    if (parse(text) !== value) setText(value);
  }
  const invalid = parse(text) === null;
  const errorId = useId();
  return (
    <span className="commit-input">
      <input
        {...rest}
        className={`${className ?? ''} ${invalid ? 'is-invalid' : ''}`.trim()}
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const next = parse(e.target.value);
          if (next !== null && next !== value) onCommit(next);
        }}
        onBlur={(e) => {
          if (!invalid) setText(value);
          onBlur?.(e);
        }}
      />
      {invalid && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
    </span>
  );
}
