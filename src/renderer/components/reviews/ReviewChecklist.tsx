import { useState } from 'react';
import type { Person } from '../../../shared/document';
import { samePerson } from '../../../shared/reviews/people';
import type { ChecklistViewItem, ReviewView } from '../../../shared/reviews/view';
import { call } from '../../api/client';
import { useAppStore } from '../../store';
import type { ReviewHandle } from './useReview';

/** The Architecture Review Checklist of an RFC: my tick and concern per item, and what the other reviewers noted. */
export function ReviewChecklist({ review, h }: { review: ReviewView; h: ReviewHandle }) {
  const identity = useAppStore((s) => s.identity);
  if (!review.checklist) return null;
  const mineOf = (item: ChecklistViewItem) => (identity ? item.entries.find((e) => samePerson(e.by, identity)) : undefined);
  const ticked = review.checklist.filter((i) => mineOf(i)?.checked).length;
  const readOnly = review.viewer.isAuthor;
  const noted = review.checklist.reduce((n, i) => n + i.entries.length, 0);
  return (
    <section className="review-block" aria-labelledby="checklist-heading">
      <details className="checklist-details" open={!readOnly || noted > 0}>
        <summary>
          <h3 id="checklist-heading">Architecture Review Checklist</h3>
          <span className="review-count">{readOnly ? `${noted} ${noted === 1 ? 'note' : 'notes'} from reviewers` : `${ticked}/${review.checklist.length} ticked by you`}</span>
        </summary>
        <ul className="checklist">
          {review.checklist.map((item) => (
            <ChecklistRow key={item.id} item={item} mine={mineOf(item)} readOnly={readOnly} me={identity} h={h} docId={review.docId} />
          ))}
        </ul>
      </details>
    </section>
  );
}

interface RowProps {
  item: ChecklistViewItem;
  mine: ChecklistViewItem['entries'][number] | undefined;
  readOnly: boolean;
  me: Person | null;
  h: ReviewHandle;
  docId: string;
}

function ChecklistRow({ item, mine, readOnly, me, h, docId }: RowProps) {
  const saved = mine?.concern ?? '';
  const [concern, setConcern] = useState<string | null>(null);
  // The tick shows at once; the server's answer (or a failure) replaces it.
  const [ticking, setTicking] = useState<boolean | null>(null);
  const checked = ticking ?? mine?.checked ?? false;
  const save = (next: boolean, text: string): void => {
    setTicking(next);
    void h.run(() => call('reviews:checklist', { docId, item: item.id, checked: next, concern: text })).then((ok) => {
      setTicking(null);
      if (ok) setConcern(null);
    });
  };
  const others = item.entries.filter((e) => !me || !samePerson(e.by, me));
  const editing = concern !== null || saved !== '';
  return (
    <li className="checklist-item">
      <div className="checklist-line">
        <label className="checklist-label">
          <input type="checkbox" checked={checked} disabled={readOnly} onChange={(e) => save(e.target.checked, concern ?? saved)} />
          {item.label}
        </label>
        {!readOnly && !editing && (
          <button type="button" className="link-button checklist-add-concern" aria-label={`Note a concern about ${item.label}`} onClick={() => setConcern('')}>
            Concern…
          </button>
        )}
      </div>
      <p className="checklist-questions">{item.questions.join(' · ')}</p>
      {!readOnly && editing && (
        <input
          className="checklist-concern"
          aria-label={`Concern about ${item.label}`}
          placeholder="Your concern; Enter to save"
          maxLength={5000}
          autoFocus={concern === ''}
          value={concern ?? saved}
          onChange={(e) => setConcern(e.target.value)}
          onBlur={() => {
            if (concern === null) return;
            if (concern.trim() !== saved) save(checked, concern);
            else setConcern(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              (e.target as HTMLInputElement).blur();
            }
          }}
        />
      )}
      {others.length > 0 && (
        <ul className="checklist-others" aria-label={`Other reviewers on ${item.label}`}>
          {others.map((e) => (
            <li key={`${e.by.name}/${e.by.email}`}>
              <strong>{e.by.name}</strong> {e.checked ? '✓ ticked' : 'not ticked'}
              {e.concern && <>: “{e.concern}”</>}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
