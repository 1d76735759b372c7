import { severityLevel } from '../../../shared/kinds/postmortem';
import { useSeverityScale } from './useSeverityScale';

/**
 * The severity select, offering the repository's scale with each level's
 * description. A severity the scale does not know (a file written with an
 * older scale) stays selected and is flagged, never replaced.
 */
export function SeverityPicker({ value, onChange }: { value: string; onChange: (severity: string) => void }) {
  const scale = useSeverityScale();
  const level = severityLevel(scale.levels, value);
  const index = level ? scale.levels.indexOf(level) : -1;
  return (
    <>
      <select
        id="pm-severity"
        value={level?.name ?? value}
        className={`pm-severity ${index >= 0 && index < 2 ? `pm-severity-top${index + 1}` : ''} ${level ? '' : 'pm-severity-unknown'}`}
        aria-describedby="pm-severity-hint"
        aria-invalid={level ? undefined : true}
        onChange={(e) => onChange(e.target.value)}
      >
        {scale.levels.map((l) => (
          // The label shows the description in the list; the text stays the name the file holds.
          <option key={l.name} value={l.name} label={l.description ? `${l.name} — ${l.description}` : l.name}>
            {l.name}
          </option>
        ))}
        {!level && <option value={value}>{value} (not in the scale)</option>}
      </select>
      <span id="pm-severity-hint" className={level ? 'pm-hint' : 'pm-hint pm-warning'}>
        {level
          ? level.description || `Level ${index + 1} of ${scale.levels.length}`
          : `"${value}" is not in ${scale.fromRepository ? "the repository's severity scale (designdesk.yml)" : 'the severity scale'}; it is kept until you choose another.`}
      </span>
    </>
  );
}
