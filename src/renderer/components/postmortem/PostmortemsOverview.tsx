import { useState } from 'react';
import type { PostmortemOverview } from '../../../shared/contract/postmortems';
import { formatMinutes } from '../../../shared/kinds/postmortemMetrics';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import '../../styles/postmortemOverview.css';
import { MEASURE_LABELS, OverviewChart, severityColour, type Measure } from './OverviewChart';
import { localToday } from './usePostmortemFields';

const MEASURES: Measure[] = ['detect', 'mitigate', 'resolve'];
const cell = (v: number | null): string => (v === null ? '—' : formatMinutes(v));
const percent = (onTime: number, counted: number): string => (counted === 0 ? '—' : `${Math.round((onTime / counted) * 100)}%`);

/**
 * Incidents over the last four quarters: the median time to detect, mitigate
 * and resolve per severity (a chart and the same numbers as a table), and
 * the share of action items done by their due date.
 */
export function PostmortemsOverview() {
  const [measure, setMeasure] = useState<Measure>('resolve');
  const today = localToday();
  const { data, error } = useQuery<PostmortemOverview>(`postmortems:overview:${today}`, () => call('postmortems:overview', { today }));

  const used = data ? data.severities.filter((s) => data.rows.some((r) => r.severity === s)) : [];
  return (
    <div className="pmo-view">
      <h1 className="page-title">Postmortems</h1>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {data && (
        <p className="pmo-summary">
          {data.postmortems} {data.postmortems === 1 ? 'postmortem' : 'postmortems'}, quarters {data.quarters[0]} to {data.quarters.at(-1)}.
          {data.withoutMilestones > 0 && ` ${data.withoutMilestones} without detection, mitigation or resolution marked in their timeline.`}
        </p>
      )}
      {data && (
        <section className="pmo-card" aria-labelledby="pmo-times-heading">
          <div className="pmo-card-header">
            <h2 id="pmo-times-heading" className="pmo-card-title">
              Time from the start of an incident, median per quarter
            </h2>
            <div className="pmo-measures" role="radiogroup" aria-label="Measure shown in the chart">
              {MEASURES.map((m) => (
                <label key={m} className={`pmo-measure ${m === measure ? 'is-active' : ''}`}>
                  <input type="radio" name="pmo-measure" value={m} checked={m === measure} onChange={() => setMeasure(m)} />
                  {MEASURE_LABELS[m]}
                </label>
              ))}
            </div>
          </div>
          {used.length === 0 ? (
            <p className="pm-empty">No incidents in these quarters have a milestone yet. Mark detection, mitigation and resolution in a postmortem's timeline.</p>
          ) : (
            <>
              <p id="pmo-chart-desc" className="visually-hidden">
                Bar chart of the median {MEASURE_LABELS[measure].toLowerCase()} per quarter, one bar per severity. The table below holds the same numbers.
              </p>
              <figure className="pmo-figure">
                <OverviewChart data={data} severities={used} measure={measure} describedBy="pmo-chart-desc" />
                <figcaption>
                  <ul className="pmo-legend" aria-label="Severities">
                    {used.map((s) => (
                      <li key={s}>
                        <span className={`pmo-swatch pmo-sev-${severityColour(data.severities, s)}`} aria-hidden="true" />
                        {s}
                      </li>
                    ))}
                  </ul>
                </figcaption>
              </figure>
              <table className="pm-table pmo-table" aria-label="Median times per quarter and severity">
                <thead>
                  <tr>
                    <th scope="col">Quarter</th>
                    <th scope="col">Severity</th>
                    <th scope="col">Incidents</th>
                    {MEASURES.map((m) => (
                      <th key={m} scope="col">
                        {MEASURE_LABELS[m]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((r) => (
                    <tr key={`${r.quarter} ${r.severity}`}>
                      <th scope="row">{r.quarter}</th>
                      <td>{r.severity}</td>
                      <td>{r.incidents}</td>
                      <td>{cell(r.detect)}</td>
                      <td>{cell(r.mitigate)}</td>
                      <td>{cell(r.resolve)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      )}
      {data && (
        <section className="pmo-card" aria-labelledby="pmo-actions-heading">
          <h2 id="pmo-actions-heading" className="pmo-card-title">
            Action items done on time
          </h2>
          <p className="pm-hint">By the quarter they were due. Counted once the outcome is known: done, or past due and still open. Won&apos;t-do items are not counted.</p>
          <table className="pm-table pmo-table" aria-label="Action items done on time per quarter">
            <thead>
              <tr>
                <th scope="col">Quarter</th>
                <th scope="col">Done on time</th>
                <th scope="col">Share</th>
              </tr>
            </thead>
            <tbody>
              {data.actionItems.map((a) => (
                <tr key={a.quarter}>
                  <th scope="row">{a.quarter}</th>
                  <td>{a.counted === 0 ? 'None due' : `${a.onTime} of ${a.counted}`}</td>
                  <td>
                    <span className="pmo-share">
                      <span className="pmo-share-track" aria-hidden="true">
                        <span className="pmo-share-fill" style={{ width: a.counted ? `${(a.onTime / a.counted) * 100}%` : 0 }} />
                      </span>
                      {percent(a.onTime, a.counted)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
