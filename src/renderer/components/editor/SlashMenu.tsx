import type { SlashPart } from './slashParts';

export interface SlashMenuProps {
  parts: readonly SlashPart[];
  active: number;
  top: number;
  left: number;
  onChoose: (part: SlashPart) => void;
}

export const slashOptionId = (part: SlashPart): string => `slash-${part.id.replace(/[^a-z0-9-]/gi, '-')}`;

/**
 * The listbox a "/" alone on a line opens under the caret. The focus stays in
 * the text (it points here with aria-activedescendant): arrows move, Enter
 * inserts, Escape closes.
 */
export function SlashMenu({ parts, active, top, left, onChoose }: SlashMenuProps) {
  return (
    <ul id="slash-menu" className="slash-menu" role="listbox" aria-label="Insert from template" style={{ top, left }}>
      {parts.map((p, i) => (
        <li
          key={p.id}
          id={slashOptionId(p)}
          role="option"
          aria-selected={i === active}
          className="slash-option"
          onMouseDown={(e) => {
            e.preventDefault();
            onChoose(p);
          }}
        >
          {p.label}
        </li>
      ))}
    </ul>
  );
}
