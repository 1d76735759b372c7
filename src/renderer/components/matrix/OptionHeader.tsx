import { MATRIX_LIMITS, type MatrixOption } from '../../../shared/kinds/matrix';

export interface OptionHeaderProps {
  option: MatrixOption;
  index: number;
  count: number;
  label: string;
  leader: boolean;
  autoFocus: boolean;
  onRename: (id: string, name: string) => void;
  onMove: (id: string, delta: number) => void;
  onRemove: (id: string) => void;
}

/** The head of one option's column: its name, and buttons to move it left or right or remove it. */
export function OptionHeader({ option, index, count, label, leader, autoFocus, onRename, onMove, onRemove }: OptionHeaderProps) {
  return (
    <th scope="col" className={`mg-option ${leader ? 'is-leader' : ''}`}>
      <div className="mg-head">
        <input
          className="mg-name"
          aria-label={`Name of option ${index + 1}`}
          placeholder={`Option ${index + 1}`}
          maxLength={MATRIX_LIMITS.name}
          value={option.name}
          autoFocus={autoFocus}
          onChange={(e) => onRename(option.id, e.target.value)}
        />
        <div className="mg-tools">
          <button type="button" className="mg-tool" aria-label={`Move ${label} left`} title="Move left" disabled={index === 0} onClick={() => onMove(option.id, -1)}>
            ←
          </button>
          <button type="button" className="mg-tool" aria-label={`Move ${label} right`} title="Move right" disabled={index === count - 1} onClick={() => onMove(option.id, 1)}>
            →
          </button>
          <button type="button" className="mg-tool mg-remove" aria-label={`Remove ${label}`} title="Remove option" onClick={() => onRemove(option.id)}>
            ×
          </button>
        </div>
      </div>
    </th>
  );
}
