import type { NewHistory } from '../store/documentStore';
import { checklistItem } from '../../shared/reviews/checklist';
import { reviewerNames } from '../../shared/reviews/reviewerNames';
import type { RecordOf, ReviewRecord } from '../../shared/reviews/schemas';

const QUOTE_IN_HISTORY = 120;
const short = (s: string): string => (s.length > QUOTE_IN_HISTORY ? `${s.slice(0, QUOTE_IN_HISTORY - 1)}…` : s);

/** What a history line says of a suggestion: whose, where, and the change. */
export function suggestionData(s: RecordOf<'suggestion'>): Record<string, unknown> {
  return { by: s.by.name, section: s.anchor.section, quote: short(s.anchor.quote), replacement: short(s.replacement) };
}

/**
 * The history lines for review records that arrived from the team
 * repository, worded as ReviewService words them when the act happens here,
 * under the person and time of the record, marked `source: 'sync'`. So a
 * verdict given on another laptop shows in this laptop's history too.
 */
export function historyOfIncoming(docId: string, incoming: readonly ReviewRecord[], all: readonly ReviewRecord[]): NewHistory[] {
  const comments = new Map(all.filter((r): r is RecordOf<'comment'> => r.type === 'comment').map((c) => [c.id, c]));
  const suggestions = new Map(all.filter((r): r is RecordOf<'suggestion'> => r.type === 'suggestion').map((c) => [c.id, c]));
  const concerns = new Map(all.filter((r): r is RecordOf<'concern'> => r.type === 'concern').map((c) => [c.id, c]));
  const line = (r: ReviewRecord, event: string, to: string | null, data: Record<string, unknown>): NewHistory => ({
    docId,
    at: r.at,
    actor: r.by,
    event,
    from: null,
    to,
    data: { ...data, source: 'sync' },
  });
  return incoming.flatMap((r): NewHistory[] => {
    switch (r.type) {
      case 'reviewer':
        return [line(r, 'reviewers', null, r.removed ? { removed: [r.reviewer.name] } : { added: [`${r.reviewer.name} (${r.reviewer.required ? 'required' : 'optional'})`] })];
      case 'request':
        return [line(r, 'review-requested', null, { reviewers: reviewerNames(all.filter((o) => o.at <= r.at)), ...(r.note ? { note: short(r.note) } : {}) })];
      case 'verdict':
        return [line(r, 'verdict', r.verdict, r.note ? { note: short(r.note) } : {})];
      case 'comment':
        return [line(r, 'comment', null, { section: r.anchor.section, ...(r.anchor.quote ? { quote: short(r.anchor.quote) } : {}), text: short(r.text) })];
      case 'reply': {
        const parent = comments.get(r.commentId);
        return [line(r, 'reply', null, { to: parent?.by.name ?? 'a', section: parent?.anchor.section ?? '', text: short(r.text) })];
      }
      case 'resolution': {
        const parent = comments.get(r.commentId);
        return [line(r, r.resolved ? 'comment-resolved' : 'comment-reopened', null, { by: parent?.by.name ?? 'a', section: parent?.anchor.section ?? '' })];
      }
      case 'checklist':
        return [line(r, 'checklist', r.checked ? 'checked' : 'unchecked', { item: checklistItem(r.item).label, ...(r.concern ? { concern: short(r.concern) } : {}) })];
      case 'suggestion':
        return [line(r, 'suggestion', null, suggestionData(r))];
      case 'suggestion-outcome': {
        const s = suggestions.get(r.suggestionId);
        return [line(r, `suggestion-${r.outcome}`, null, s ? suggestionData(s) : { by: 'a', section: '' })];
      }
      case 'concern':
        return [line(r, 'concern-raised', null, { title: short(r.title), section: r.anchor.section, ...(r.anchor.quote ? { quote: short(r.anchor.quote) } : {}) })];
      case 'concern-resolution':
        return [line(r, r.resolved ? 'concern-resolved' : 'concern-reopened', null, { title: short(concerns.get(r.concernId)?.title ?? 'a concern'), ...(r.note ? { note: short(r.note) } : {}) })];
      case 'concern-delegation':
        return [line(r, 'concern-delegated', null, { title: short(concerns.get(r.concernId)?.title ?? 'a concern'), to: r.to.name })];
      case 'hold':
        return [line(r, r.on ? 'hold' : 'hold-lifted', null, r.reason ? { reason: short(r.reason) } : {})];
    }
  });
}
