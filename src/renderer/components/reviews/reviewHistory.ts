import type { HistoryEntry } from '../../../shared/document';

const quoted = (s: unknown): string => `“${String(s)}”`;
const names = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

function list(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function where(section: unknown): string {
  return section ? String(section) : 'the introduction';
}

/** How the history panel words a review event (requested, verdict, comment, reply, resolve, checklist), or null for other events. */
export function describeReviewEvent(h: HistoryEntry): string | null {
  const d = (h.data ?? {}) as Record<string, unknown>;
  const note = d.note ? `: ${quoted(d.note)}` : '';
  switch (h.event) {
    case 'reviewers': {
      const parts: string[] = [];
      if (names(d.added).length) parts.push(`added ${list(names(d.added))} as ${names(d.added).length === 1 ? 'reviewer' : 'reviewers'}`);
      if (names(d.changed).length) parts.push(`made ${list(names(d.changed))}`);
      if (names(d.removed).length) parts.push(`removed ${list(names(d.removed))} from the reviewers`);
      return parts.join('; ') || 'changed the reviewers';
    }
    case 'review-requested':
      return `requested review${names(d.reviewers).length ? ` from ${list(names(d.reviewers))}` : ''}${note}`;
    case 'verdict':
      return `${h.to === 'approve' ? 'approved it' : h.to === 'request-changes' ? 'requested changes' : 'commented on the review'}${note}`;
    case 'comment':
      return d.quote ? `commented on ${quoted(d.quote)} in ${where(d.section)}: ${quoted(d.text)}` : `commented on ${where(d.section)}: ${quoted(d.text)}`;
    case 'reply':
      return `replied to ${String(d.to ?? 'a')}’s comment on ${where(d.section)}: ${quoted(d.text)}`;
    case 'comment-resolved':
      return `resolved ${String(d.by ?? 'a')}’s comment on ${where(d.section)}`;
    case 'comment-reopened':
      return `reopened ${String(d.by ?? 'a')}’s comment on ${where(d.section)}`;
    case 'checklist': {
      const item = String(d.item ?? 'an item');
      if (h.to === 'concern') return d.concern ? `noted a concern on ${item}: ${quoted(d.concern)}` : `withdrew the concern on ${item}`;
      return `${h.to === 'checked' ? 'ticked' : 'unticked'} ${item} on the review checklist${d.concern ? ` (concern: ${quoted(d.concern)})` : ''}`;
    }
    case 'suggestion':
      return `suggested replacing ${quoted(d.quote)} in ${where(d.section)} with ${quoted(d.replacement)}`;
    case 'suggestion-accepted':
      return `accepted ${String(d.by ?? 'a')}’s suggestion in ${where(d.section)}: ${quoted(d.quote)} became ${quoted(d.replacement)}`;
    case 'suggestion-declined':
      return `declined ${String(d.by ?? 'a')}’s suggestion to replace ${quoted(d.quote)} in ${where(d.section)}`;
    case 'approvals-dismissed':
      return `changed the approved text${d.how === 'restore' ? ' (a restore)' : d.source === 'sync' ? ' (synced from the team repository)' : ''}: the approval by ${list(names(d.names))} was dismissed`;
    case 'approved-text-changed':
      return 'changed the approved text; the review policy keeps approvals of earlier text';
    default:
      return null;
  }
}
