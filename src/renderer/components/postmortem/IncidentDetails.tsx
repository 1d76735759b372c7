import type { ReactNode } from 'react';
import type { Document } from '../../../shared/document';
import { durationMinutes } from '../../../shared/kinds/postmortem';
import { CommitInput } from './CommitInput';
import { SeverityPicker } from './SeverityPicker';
import { usePostmortemFields } from './usePostmortemFields';

const parseNames = (text: string): string =>
  text
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean)
    .join(', ');

const parseCount = (text: string): string | null => {
  const t = text.trim().replace(/[ ,_]/g, '');
  if (t === '') return '';
  return /^\d{1,12}$/.test(t) ? String(Number(t)) : null;
};

const toCount = (v: string): number | null => (v === '' ? null : Number(v));

/** One labelled field of the details grid; the hint sits outside the label so it is not read as the name. */
function Field({ id, label, hint, wide, children }: { id: string; label: string; hint?: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={`pm-field ${wide ? 'pm-field-wide' : ''}`}>
      <label htmlFor={id} className="pm-label">
        {label}
      </label>
      {children}
      {hint && (
        <span id={`${id}-hint`} className="pm-hint">
          {hint}
        </span>
      )}
    </div>
  );
}

/** Incident metadata (date, duration, severity, author, attendees) and its measured impact. */
export function IncidentDetails({ doc }: { doc: Document }) {
  const [f, update] = usePostmortemFields(doc);
  const minutes = durationMinutes(f.duration);
  return (
    <div className="pm-details">
      <section className="pm-card" aria-labelledby="pm-incident-heading">
        <h2 id="pm-incident-heading" className="pm-card-title">
          Incident
        </h2>
        <div className="pm-grid">
          <Field id="pm-date" label="Incident date">
            <input id="pm-date" type="date" value={f.incidentDate} onChange={(e) => update(() => ({ incidentDate: e.target.value }))} />
          </Field>
          <Field id="pm-duration" label="Duration" hint={minutes !== null && f.duration.trim() ? `= ${minutes} minutes` : 'Detection to resolution, e.g. 47m or 2h 15m'}>
            <input
              id="pm-duration"
              value={f.duration}
              maxLength={40}
              placeholder="47m"
              aria-describedby="pm-duration-hint"
              onChange={(e) => update(() => ({ duration: e.target.value }))}
            />
          </Field>
          <Field id="pm-severity" label="Severity" wide>
            <SeverityPicker value={f.severity} onChange={(severity) => update(() => ({ severity }))} />
          </Field>
          <Field id="pm-author" label="Author">
            <input id="pm-author" value={f.author} maxLength={200} onChange={(e) => update(() => ({ author: e.target.value }))} />
          </Field>
          <Field id="pm-attendees" label="Attendees" wide>
            <CommitInput
              id="pm-attendees"
              value={f.attendees.join(', ')}
              parse={parseNames}
              error=""
              placeholder="Comma-separated names of who joined the review"
              onCommit={(v) => update(() => ({ attendees: v ? v.split(', ') : [] }))}
            />
          </Field>
        </div>
      </section>
      <section className="pm-card" aria-labelledby="pm-impact-heading">
        <h2 id="pm-impact-heading" className="pm-card-title">
          Measured impact
        </h2>
        <div className="pm-grid">
          <Field id="pm-users" label="Users affected">
            <CommitInput
              id="pm-users"
              value={f.impact.usersAffected === null ? '' : String(f.impact.usersAffected)}
              parse={parseCount}
              error="A whole number, or empty if unknown"
              inputMode="numeric"
              placeholder="Unknown"
              onCommit={(v) => update((cur) => ({ impact: { ...cur.impact, usersAffected: toCount(v) } }))}
            />
          </Field>
          <Field id="pm-downtime" label="Minutes of downtime">
            <CommitInput
              id="pm-downtime"
              value={f.impact.downtimeMinutes === null ? '' : String(f.impact.downtimeMinutes)}
              parse={parseCount}
              error="A whole number of minutes, or empty if unknown"
              inputMode="numeric"
              placeholder={minutes !== null ? `${minutes} (from duration)` : 'Unknown'}
              onCommit={(v) => update((cur) => ({ impact: { ...cur.impact, downtimeMinutes: toCount(v) } }))}
            />
          </Field>
          <Field id="pm-revenue" label="Revenue impact">
            <input
              id="pm-revenue"
              value={f.impact.revenueImpact}
              maxLength={200}
              placeholder="e.g. $12k in SLA credits"
              onChange={(e) => update((cur) => ({ impact: { ...cur.impact, revenueImpact: e.target.value } }))}
            />
          </Field>
        </div>
      </section>
    </div>
  );
}
