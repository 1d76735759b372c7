import type { Dashboard } from '../../../shared/contract/reviews';
import { VerdictBadge } from '../reviews/VerdictBadge';
import { StatusBadge } from '../StatusBadge';
import { durationSince, exactTime, timeAgo } from '../../../shared/format/relativeTime';
import { DashTable, type DashColumn } from './DashTable';
import { DocLink } from './DocLink';

/** A YYYY-MM-DD day in the reader's locale, without shifting it through UTC. */
function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

function When({ at, text }: { at: string; text: string }) {
  return (
    <time dateTime={at} title={exactTime(at)}>
      {text}
    </time>
  );
}

const byDoc = (r: { doc: { id: string } }): string => r.doc.id;

const WAITING_ON_ME: DashColumn<Dashboard['waitingOnMe'][number]>[] = [
  {
    header: 'Document',
    cell: (r) => (
      <>
        <DocLink doc={r.doc} />{' '}
        {r.reason === 'text-changed' ? <span className="dash-tag">text changed since your approval</span> : r.again && <span className="dash-tag">asked again</span>}
      </>
    ),
  },
  { header: 'Requested by', cell: (r) => r.requestedBy.name },
  { header: 'Requested', cell: (r) => <When at={r.requestedAt} text={timeAgo(r.requestedAt)} /> },
  {
    header: 'You are',
    cell: (r) => (r.required ? <span className="reviewer-role is-required">Required</span> : <span className="reviewer-role">Optional</span>),
  },
];

/** Review requested from me and not answered since, newest request first. */
export function WaitingOnMe({ rows }: { rows: Dashboard['waitingOnMe'] }) {
  return <DashTable label="Waiting on me" columns={WAITING_ON_ME} rows={rows} docId={byDoc} />;
}

const MY_IN_REVIEW: DashColumn<Dashboard['myInReview'][number]>[] = [
  {
    header: 'Document',
    cell: (r) => (
      <>
        <DocLink doc={r.doc} />
        <p className={`dash-policy ${r.policyOk ? 'is-ok' : ''}`}>{r.policyMessage}</p>
      </>
    ),
  },
  { header: 'In review for', className: 'dash-nowrap', cell: (r) => <When at={r.requestedAt} text={durationSince(r.requestedAt)} /> },
  {
    header: 'Reviewers',
    cell: (r) => (
      <ul className="dash-reviewers">
        {r.reviewers.map((v) => (
          <li key={v.name}>
            <span className="reviewer-name">{v.name}</span>
            {v.required && <span className="dash-required">(required)</span>} <VerdictBadge verdict={v.verdict} />{' '}
            {v.respondedAt ? <When at={v.respondedAt} text={timeAgo(v.respondedAt)} /> : <span className="review-muted">waiting {durationSince(r.requestedAt)}</span>}
            {v.stale && <span className="stale-marker">earlier version</span>}
          </li>
        ))}
      </ul>
    ),
  },
];

/** My documents in review: for how long, and each reviewer's answer (or silence). */
export function MyInReview({ rows }: { rows: Dashboard['myInReview'] }) {
  return <DashTable label="My documents in review" columns={MY_IN_REVIEW} rows={rows} docId={byDoc} />;
}

const STALE: DashColumn<Dashboard['stale'][number]>[] = [
  { header: 'Document', cell: (r) => <DocLink doc={r.doc} /> },
  {
    header: 'No activity for',
    className: 'dash-nowrap',
    cell: (r) => <When at={r.lastActivityAt} text={`${r.idleDays} ${r.idleDays === 1 ? 'day' : 'days'}`} />,
  },
  { header: 'Waiting on', cell: (r) => (r.waitingOn.length ? r.waitingOn.join(', ') : <span className="review-muted">everyone answered</span>) },
];

/** Reviews with no activity for the configured number of days. */
export function StaleReviews({ rows }: { rows: Dashboard['stale'] }) {
  return <DashTable label="Stale reviews" columns={STALE} rows={rows} docId={byDoc} />;
}

const RECENTLY_DECIDED: DashColumn<Dashboard['recentlyDecided'][number]>[] = [
  { header: 'Document', cell: (r) => <DocLink doc={r.doc} /> },
  { header: 'Status', cell: (r) => <StatusBadge kind={r.doc.kind} status={r.doc.status} /> },
  {
    header: 'Decided',
    cell: (r) => (
      <>
        <When at={r.decidedAt} text={timeAgo(r.decidedAt)} /> by {r.decidedBy.name}
      </>
    ),
  },
];

/** What reached its approved status (or was rejected) in the last weeks. */
export function RecentlyDecided({ rows }: { rows: Dashboard['recentlyDecided'] }) {
  return <DashTable label="Recently decided" columns={RECENTLY_DECIDED} rows={rows} docId={byDoc} />;
}

const OVERDUE_ACTIONS: DashColumn<Dashboard['overdueActions'][number]>[] = [
  { header: 'Action', cell: (r) => r.action || <span className="review-muted">(no description)</span> },
  { header: 'Owner', cell: (r) => r.owner || <span className="review-muted">Unassigned</span> },
  { header: 'Due', className: 'dash-nowrap dash-overdue', cell: (r) => <time dateTime={r.due}>{formatDay(r.due)}</time> },
  {
    header: 'Postmortem',
    cell: (r) => <DocLink doc={{ id: r.docId, kind: 'postmortem', number: r.docNumber, title: r.docTitle }} />,
  },
];

/** Postmortem action items past their due date and not done. */
export function OverdueActions({ rows }: { rows: Dashboard['overdueActions'] }) {
  return (
    <DashTable label="Overdue action items" columns={OVERDUE_ACTIONS} rows={rows} docId={(r) => r.docId} rowKey={(r) => `${r.docId}/${r.itemId}`} />
  );
}

const DISMISSED: DashColumn<NonNullable<Dashboard['approvalsDismissed']>[number]>[] = [
  { header: 'Document', cell: (r) => <DocLink doc={r.doc} /> },
  { header: 'Approvals dismissed', cell: (r) => r.names.join(', ') },
  { header: 'Text changed by', cell: (r) => r.by.name },
  { header: 'When', cell: (r) => <When at={r.at} text={timeAgo(r.at)} /> },
];

/** Approvals dismissed lately because the approved text changed: on my documents, or my own approvals. */
export function ApprovalsDismissed({ rows }: { rows: NonNullable<Dashboard['approvalsDismissed']> }) {
  return <DashTable label="Approvals dismissed" columns={DISMISSED} rows={rows} docId={byDoc} rowKey={(r) => `${r.doc.id}-${r.at}`} />;
}

type Rows<K extends keyof Dashboard> = NonNullable<Dashboard[K]>;

const IN_FCP: DashColumn<Rows<'inFcp'>[number]>[] = [
  { header: 'Document', cell: (r) => <DocLink doc={r.doc} /> },
  { header: 'Ends', cell: (r) => <When at={r.endsAt} text={formatDay(r.endsAt.slice(0, 10))} /> },
  { header: 'Days left', className: 'dash-nowrap', cell: (r) => `${r.daysLeft} ${r.daysLeft === 1 ? 'day' : 'days'}` },
];

/** Documents in their final comment period, ending soonest first. */
export function InFcp({ rows }: { rows: Rows<'inFcp'> }) {
  return <DashTable label="In final comment period" columns={IN_FCP} rows={rows} docId={byDoc} />;
}

const ON_HOLD: DashColumn<Rows<'onHold'>[number]>[] = [
  { header: 'Document', cell: (r) => <DocLink doc={r.doc} /> },
  { header: 'On hold by', cell: (r) => r.by.name },
  { header: 'Reason', cell: (r) => r.reason },
  { header: 'Since', cell: (r) => <When at={r.at} text={timeAgo(r.at)} /> },
];

export function OnHold({ rows }: { rows: Rows<'onHold'> }) {
  return <DashTable label="On hold" columns={ON_HOLD} rows={rows} docId={byDoc} />;
}

const OVERDUE_REVIEWS: DashColumn<Rows<'overdueReviews'>[number]>[] = [
  { header: 'Document', cell: (r) => <DocLink doc={r.doc} /> },
  { header: 'Due', className: 'dash-nowrap', cell: (r) => formatDay(r.due) },
  { header: 'Waiting on', cell: (r) => r.waitingOn.join(', ') },
];

export function OverdueReviews({ rows }: { rows: Rows<'overdueReviews'> }) {
  return <DashTable label="Overdue reviews" columns={OVERDUE_REVIEWS} rows={rows} docId={byDoc} />;
}

const STALE_PROPOSALS: DashColumn<Rows<'staleProposals'>[number]>[] = [
  { header: 'Document', cell: (r) => <DocLink doc={r.doc} /> },
  { header: 'In review for', className: 'dash-nowrap', cell: (r) => `${r.days} days (limit ${r.limit})` },
];

export function StaleProposals({ rows }: { rows: Rows<'staleProposals'> }) {
  return <DashTable label="Stale proposals" columns={STALE_PROPOSALS} rows={rows} docId={byDoc} />;
}

const REVISITS_DUE: DashColumn<Rows<'revisitsDue'>[number]>[] = [
  { header: 'Decision', cell: (r) => <DocLink doc={r.doc} /> },
  { header: 'Revisit on', className: 'dash-nowrap', cell: (r) => formatDay(r.revisitOn) },
  { header: 'Revisit when', cell: (r) => r.revisitWhen },
];

/** Decided matrices whose "revisit on" day has come. */
export function RevisitsDue({ rows }: { rows: Rows<'revisitsDue'> }) {
  return <DashTable label="Decisions due for a revisit" columns={REVISITS_DUE} rows={rows} docId={byDoc} />;
}
