import { useState, type ReactNode } from 'react';
import type { Dashboard } from '../../../shared/contract/reviews';
import { call, errorMessage } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { useAppStore } from '../../store';
import '../../styles/reviews.css';
import { localToday } from '../postmortem/usePostmortemFields';
import { ProcessMetrics } from './ProcessMetrics';
import { ApprovalsDismissed, InFcp, MyInReview, OnHold, OverdueReviews, StaleProposals, OverdueActions, RecentlyDecided, RevisitsDue, StaleReviews, WaitingOnMe } from './DashboardSections';

interface Part {
  id: string;
  label: string;
  count: number;
  /** Counts that need someone's attention are highlighted when not zero. */
  urgent: boolean;
  empty: string;
  body: ReactNode;
}

function parts(d: Dashboard): Part[] {
  return [
    { id: 'waiting', label: 'Waiting on me', count: d.waitingOnMe.length, urgent: true, empty: 'Nothing waits on your review.', body: <WaitingOnMe rows={d.waitingOnMe} /> },
    {
      id: 'dismissed',
      label: 'Approvals dismissed',
      count: d.approvalsDismissed?.length ?? 0,
      urgent: true,
      empty: 'No approval was dismissed by a change of text in the last 30 days.',
      body: <ApprovalsDismissed rows={d.approvalsDismissed ?? []} />,
    },
    { id: 'mine', label: 'My documents in review', count: d.myInReview.length, urgent: false, empty: 'None of your documents is in review.', body: <MyInReview rows={d.myInReview} /> },
    { id: 'fcp', label: 'Final comment period', count: d.inFcp?.length ?? 0, urgent: false, empty: 'No document is in its final comment period.', body: <InFcp rows={d.inFcp ?? []} /> },
    { id: 'hold', label: 'On hold', count: d.onHold?.length ?? 0, urgent: true, empty: 'No document is on hold.', body: <OnHold rows={d.onHold ?? []} /> },
    { id: 'overdue-reviews', label: 'Overdue reviews', count: d.overdueReviews?.length ?? 0, urgent: true, empty: 'No review is past its due date.', body: <OverdueReviews rows={d.overdueReviews ?? []} /> },
    { id: 'stale-proposals', label: 'Stale proposals', count: d.staleProposals?.length ?? 0, urgent: true, empty: 'No proposal is in review longer than the policy allows.', body: <StaleProposals rows={d.staleProposals ?? []} /> },
    { id: 'stale', label: 'Stale reviews', count: d.stale.length, urgent: true, empty: `No review has been idle for ${d.staleAfterDays} days or more.`, body: <StaleReviews rows={d.stale} /> },
    { id: 'decided', label: 'Recently decided', count: d.recentlyDecided.length, urgent: false, empty: 'Nothing was decided in the last 30 days.', body: <RecentlyDecided rows={d.recentlyDecided} /> },
    {
      id: 'metrics',
      label: 'Decisions (90 days)',
      count: d.metrics?.decisions.length ?? 0,
      urgent: false,
      empty: 'No review ended in a decision in the last 90 days.',
      body: d.metrics ? <ProcessMetrics m={d.metrics} /> : null,
    },
    { id: 'overdue', label: 'Overdue action items', count: d.overdueActions.length, urgent: true, empty: 'No postmortem action item is overdue.', body: <OverdueActions rows={d.overdueActions} /> },
    { id: 'revisits', label: 'Due for a revisit', count: d.revisitsDue?.length ?? 0, urgent: true, empty: 'No decision is due for a revisit.', body: <RevisitsDue rows={d.revisitsDue ?? []} /> },
  ];
}

/** The dashboard: what waits on me, my reviews, stale reviews, recent decisions and overdue action items, with counts at a glance. */
export function DashboardView() {
  const identity = useAppStore((s) => s.identity);
  const who = identity ? `${identity.name}\n${identity.email}` : '';
  const today = localToday();
  // Keyed by who is looking and the day: an answer for the identity before a switch is never shown.
  const { data: dash, error, reload } = useQuery<Dashboard>(`dashboard:${who}:${today}`, () => call('dashboard:get', { today }));

  return (
    <div className="dashboard">
      <div className="dash-header">
        <h1 className="page-title">Dashboard</h1>
        {identity && <p className="review-muted">For {identity.name}</p>}
      </div>
      {error && (
        <p className="inline-error" role="alert">
          Could not load the dashboard: {error}
        </p>
      )}
      {!dash && !error && <p className="loading">Loading…</p>}
      {dash && (
        <>
          <ul className="dash-counts" aria-label="At a glance">
            {parts(dash).map((p) => (
              <li key={p.id}>
                <a href={`#dash-${p.id}`} className={`dash-count ${p.urgent && p.count > 0 ? 'is-urgent' : ''}`} onClick={(e) => (e.preventDefault(), document.getElementById(`dash-${p.id}`)?.scrollIntoView({ behavior: 'smooth' }))}>
                  <span className="dash-count-number">{p.count}</span>
                  <span className="dash-count-label">{p.label}</span>
                </a>
              </li>
            ))}
          </ul>
          {parts(dash).map((p) => (
            <section key={p.id} id={`dash-${p.id}`} className="dash-section" aria-labelledby={`dash-${p.id}-heading`}>
              <div className="dash-section-header">
                <h2 id={`dash-${p.id}-heading`}>
                  {p.label} <span className="review-count">{p.count}</span>
                </h2>
                {p.id === 'stale' && <StaleDays days={dash.staleAfterDays} onSaved={reload} />}
              </div>
              {p.count === 0 ? <p className="dash-empty">{p.empty}</p> : p.body}
            </section>
          ))}
        </>
      )}
    </div>
  );
}

function StaleDays({ days, onSaved }: { days: number; onSaved: () => void }) {
  const [value, setValue] = useState(String(days));
  const [error, setError] = useState<string | null>(null);
  const save = (): void => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 365) {
      setError('Between 1 and 365 days');
      return;
    }
    if (n === days) return;
    call('dashboard:setStaleAfterDays', { days: n }).then(
      () => (setError(null), onSaved()),
      (e: unknown) => setError(errorMessage(e)),
    );
  };
  return (
    <form
      className="dash-stale-days"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <label>
        Stale after <input type="number" min={1} max={365} value={value} onChange={(e) => setValue(e.target.value)} onBlur={save} aria-describedby={error ? 'stale-days-error' : undefined} /> days
      </label>
      {error && (
        <span id="stale-days-error" className="inline-error">
          {error}
        </span>
      )}
    </form>
  );
}
