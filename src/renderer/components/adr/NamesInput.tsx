import { useState, type KeyboardEvent } from 'react';

export interface NamesInputProps {
  /** Id of the text box, for the <label htmlFor> that names the field. */
  id: string;
  /** What the list holds, used in the remove buttons ("Remove Ada from Consulted"). */
  label: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  placeholder?: string;
  maxLength?: number;
}

function parts(text: string): string[] {
  return text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * A list of names as chips: type a name and press Enter or a comma (pasting
 * "Ada, Grace" adds both), Backspace in the empty box removes the last one,
 * × removes any. Duplicates are ignored.
 */
export function NamesInput({ id, label, values, onChange, placeholder, maxLength = 200 }: NamesInputProps) {
  const [text, setText] = useState('');

  const add = (names: string[]): void => {
    const next = [...values];
    for (const n of names) if (!next.includes(n)) next.push(n);
    if (next.length !== values.length) onChange(next);
  };

  const onType = (value: string): void => {
    const comma = value.lastIndexOf(',');
    if (comma === -1) return setText(value);
    add(parts(value.slice(0, comma)));
    setText(value.slice(comma + 1).trimStart());
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add(parts(text));
      setText('');
    } else if (e.key === 'Backspace' && text === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };

  return (
    <div className="names-input">
      {values.length > 0 && (
        <ul className="chips" aria-label={label}>
          {values.map((v, i) => (
            <li key={`${i}-${v}`} className="chip">
              <span>{v}</span>
              <button type="button" className="chip-remove" aria-label={`Remove ${v} from ${label}`} onClick={() => onChange(values.filter((x) => x !== v))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        value={text}
        maxLength={maxLength}
        placeholder={values.length ? 'Add…' : placeholder}
        onChange={(e) => onType(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          add(parts(text));
          setText('');
        }}
      />
    </div>
  );
}
