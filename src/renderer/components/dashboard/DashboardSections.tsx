import type { Dashboard } from '../../../shared/contract/reviews';
import { VerdictBadge } from '../reviews/VerdictBadge';
import { StatusBadge } from '../StatusBadge';
import { ago, fullTime, since } from '../reviews/time';
import { DocLink, DocRow } from './DocLink';

/** A YYYY-MM-DD day in the reader's locale, without shifting it through UTC. */
function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

function When({ at, text }: { at: string; text: string }) {
  return (
    <time dateTime={at} title={fullTime(at)}>
      {text}
    </time>
  );
}

/** Review requested from me and not answered since, newest request first. */
export function WaitingOnMe({ rows }: { rows: Dashboard['waitingOnMe'] }) {
  return (
    <table className="doc-table dash-table" aria-label="Waiting on me">
      <thead>
        <tr>
          <th scope="col">Document</th>
          <th scope="col">Requested by</th>
          <th scope="col">Requested</th>
          <th scope="col">You are</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <DocRow key={r.doc.id} docId={r.doc.id}>
            <td>
              <DocLink doc={r.doc} /> {r.again && <span className="dash-tag">asked again</span>}
            </td>
            <td>{r.requestedBy.name}</td>
            <td>
              <When at={r.requestedAt} text={ago(r.requestedAt)} />
            </td>
            <td>{r.required ? <span className="reviewer-role is-required">Required</span> : <span className="reviewer-role">Optional</span>}</td>
          </DocRow>
        ))}
      </tbody>
    </table>
  );
}

/** My documents in review: for how long, and each reviewer's answer (or silence). */
export function MyInReview({ rows }: { rows: Dashboard['myInReview'] }) {
  return (
    <table className="doc-table dash-table" aria-label="My documents in review">
      <thead>
        <tr>
          <th scope="col">Document</th>
          <th scope="col">In review for</th>
          <th scope="col">Reviewers</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <DocRow key={r.doc.id} docId={r.doc.id}>
            <td>
              <DocLink doc={r.doc} />
              <p className={`dash-policy ${r.policyOk ? 'is-ok' : ''}`}>{r.policyMessage}</p>
            </td>
            <td className="dash-nowrap">
              <When at={r.requestedAt} text={since(r.requestedAt)} />
            </td>
            <td>
              <ul className="dash-reviewers">
                {r.reviewers.map((v) => (
                  <li key={v.name}>
                    <span className="reviewer-name">{v.name}</span>
                    {v.required && <span className="dash-required">(required)</span>} <VerdictBadge verdict={v.verdict} />{' '}
                    {v.respondedAt ? (
                      <When at={v.respondedAt} text={ago(v.respondedAt)} />
                    ) : (
                      <span className="review-muted">waiting {since(r.requestedAt)}</span>
                    )}
                    {v.stale && <span className="stale-marker">earlier version</span>}
                  </li>
                ))}
              </ul>
            </td>
          </DocRow>
        ))}
      </tbody>
    </table>
  );
}

/** Reviews with no activity for the configured number of days. */
export function StaleReviews({ rows }: { rows: Dashboard['stale'] }) {
  return (
    <table className="doc-table dash-table" aria-label="Stale reviews">
      <thead>
        <tr>
          <th scope="col">Document</th>
          <th scope="col">No activity for</th>
          <th scope="col">Waiting on</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <DocRow key={r.doc.id} docId={r.doc.id}>
            <td>
              <DocLink doc={r.doc} />
            </td>
            <td className="dash-nowrap">
              <When at={r.lastActivityAt} text={`${r.idleDays} ${r.idleDays === 1 ? 'day' : 'days'}`} />
            </td>
            <td>{r.waitingOn.length ? r.waitingOn.join(', ') : <span className="review-muted">everyone answered</span>}</td>
          </DocRow>
        ))}
      </tbody>
    </table>
  );
}

/** What reached its approved status (or was rejected) in the last weeks. */
export function RecentlyDecided({ rows }: { rows: Dashboard['recentlyDecided'] }) {
  return (
    <table className="doc-table dash-table" aria-label="Recently decided">
      <thead>
        <tr>
          <th scope="col">Document</th>
          <th scope="col">Status</th>
          <th scope="col">Decided</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <DocRow key={r.doc.id} docId={r.doc.id}>
            <td>
              <DocLink doc={r.doc} />
            </td>
            <td>
              <StatusBadge kind={r.doc.kind} status={r.doc.status} />
            </td>
            <td>
              <When at={r.decidedAt} text={ago(r.decidedAt)} /> by {r.decidedBy.name}
            </td>
          </DocRow>
        ))}
      </tbody>
    </table>
  );
}

/** Postmortem action items past their due date and not done. */
export function OverdueActions({ rows }: { rows: Dashboard['overdueActions'] }) {
  return (
    <table className="doc-table dash-table" aria-label="Overdue action items">
      <thead>
        <tr>
          <th scope="col">Action</th>
          <th scope="col">Owner</th>
          <th scope="col">Due</th>
          <th scope="col">Postmortem</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <DocRow key={`${r.docId}/${r.itemId}`} docId={r.docId}>
            <td>{r.action || <span className="review-muted">(no description)</span>}</td>
            <td>{r.owner || <span className="review-muted">Unassigned</span>}</td>
            <td className="dash-nowrap dash-overdue">
              <time dateTime={r.due}>{formatDay(r.due)}</time>
            </td>
            <td>
              <DocLink doc={{ id: r.docId, kind: 'postmortem', number: r.docNumber, title: r.docTitle }} />
            </td>
          </DocRow>
        ))}
      </tbody>
    </table>
  );
}
