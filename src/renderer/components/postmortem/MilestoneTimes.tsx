import { MILESTONE_LABELS, type TimelineEntry } from '../../../shared/kinds/postmortem';
import { formatMinutes, milestoneTimes } from '../../../shared/kinds/postmortemMetrics';

const SHOWN = [
  { key: 'detect', label: 'Time to detect', milestone: 'detection' },
  { key: 'mitigate', label: 'Time to mitigate', milestone: 'mitigation' },
  { key: 'resolve', label: 'Time to resolve', milestone: 'resolution' },
] as const;

/** Time to detect, mitigate and resolve from the incident's start, as the timeline's milestones give them. */
export function MilestoneTimes({ timeline, incidentDate }: { timeline: readonly TimelineEntry[]; incidentDate: string }) {
  const times = milestoneTimes(timeline, incidentDate);
  const marked = timeline.some((r) => r.milestone === 'start');
  return (
    <div className="pm-milestone-times">
      <dl className="pm-milestone-list" aria-label="Time from the incident's start">
      {SHOWN.map(({ key, label, milestone }) => {
        const v = times[key];
        return (
          <div key={key} className="pm-milestone-time" data-testid={`pm-${key}`}>
            <dt>{label}</dt>
            <dd>{v === null ? <span className="pm-muted">Mark a {MILESTONE_LABELS[milestone].toLowerCase()} row</span> : formatMinutes(v)}</dd>
          </div>
        );
      })}
      </dl>
      <p className="pm-hint pm-milestone-from">{marked ? 'Measured from the row marked Start.' : 'Measured from the earliest event; mark a row Start to measure from it.'}</p>
    </div>
  );
}
