import { VERDICT_LABELS, type Verdict } from '../../../shared/reviews/schemas';

/** A reviewer's standing verdict as a coloured label; "No response yet" when there is none. */
export function VerdictBadge({ verdict }: { verdict: Verdict | null }) {
  return <span className={`verdict-badge verdict-${verdict ?? 'none'}`}>{verdict ? VERDICT_LABELS[verdict] : 'No response yet'}</span>;
}
