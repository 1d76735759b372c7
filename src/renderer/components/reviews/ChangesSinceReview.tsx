import { splitSections } from '../../../shared/markdown/sections';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { useAppStore } from '../../store';
import { InlineDiff } from '../TextDiffView';
import { diffTexts, type TextDiff } from '../versionDiff';
import { timeAgo } from '../../../shared/format/relativeTime';

interface SectionChange {
  heading: string;
  diff: TextDiff;
}

/** The sections whose text differs between the reviewed body and now, paired by heading, in the order of the current text. */
export function changedSections(older: string, newer: string): SectionChange[] {
  const before = splitSections(older);
  const after = splitSections(newer);
  const label = (heading: string): string => heading || 'Introduction';
  const out: SectionChange[] = [];
  const used = new Set<number>();
  for (const s of after) {
    const i = before.findIndex((b, j) => !used.has(j) && b.heading === s.heading);
    if (i !== -1) used.add(i);
    const was = i === -1 ? '' : before[i]!.content;
    const diff = diffTexts(was, s.content);
    if (!diff.identical) out.push({ heading: label(s.heading), diff });
  }
  before.forEach((b, j) => {
    if (used.has(j) || b.content.trim() === '') return;
    out.push({ heading: `${label(b.heading)} (removed)`, diff: diffTexts(b.content, '') });
  });
  return out;
}

/**
 * For a reviewer whose verdict was given on an earlier text: what changed
 * since, section by section, as an inline diff (removed words struck
 * through, added ones marked).
 */
export function ChangesSinceReview({ docId, body, revision }: { docId: string; body: string; revision: number }) {
  // "Your" review: the text is the one the person at the keyboard reviewed. A new revision (a new verdict) asks again.
  const who = useAppStore((s) => (s.identity ? `${s.identity.name}\n${s.identity.email}` : ''));
  const { data: reviewed, error } = useQuery(`reviews:reviewedText:${docId}:${who}`, () => call('reviews:reviewedText', { docId }), { stamp: revision });
  if (error) return <p className="inline-error">{error}</p>;
  if (!reviewed) return null;
  const changes = reviewed.body === null ? null : changedSections(reviewed.body, body);
  return (
    <section className="review-block changes-since" aria-labelledby="changes-since-heading" data-testid="changes-since-review">
      <h3 id="changes-since-heading">Changes since your review</h3>
      <p className="review-muted">You reviewed it {timeAgo(reviewed.reviewedAt)}.</p>
      {changes === null ? (
        <p className="review-muted">The text you reviewed is no longer kept among the versions; compare in Versions.</p>
      ) : changes.length === 0 ? (
        <p className="review-muted">Only whitespace or metadata changed since.</p>
      ) : (
        changes.map((c) => (
          <details key={c.heading} className="changes-since-section" open={changes.length <= 3}>
            <summary>
              {c.heading} <span className="review-muted">(+{c.diff.addedLines} −{c.diff.removedLines})</span>
            </summary>
            <InlineDiff blocks={c.diff.inline} />
          </details>
        ))
      )}
    </section>
  );
}
