import { describe, expect, it } from 'vitest';
import { describeReviewEvent } from '../../../../../src/renderer/components/reviews/reviewHistory';
import type { HistoryEntry } from '../../../../../src/shared/document';

const entry = (event: string, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id: 1,
  docId: '01J9Z8Q6W3V4X5Y6Z7A8B9C0DE',
  at: '2026-03-02T09:00:00Z',
  actor: { name: 'Grace', email: '' },
  event,
  from: null,
  to: null,
  ...extra,
});

describe('describeReviewEvent', () => {
  it.each([
    [entry('reviewers', { data: { added: ['Grace (required)', 'Linus (optional)'], changed: [], removed: ['Ken'] } }), 'added Grace (required) and Linus (optional) as reviewers; removed Ken from the reviewers'],
    [entry('reviewers', { data: { added: [], changed: ['Linus (required)'], removed: [] } }), 'made Linus (required)'],
    [entry('review-requested', { data: { reviewers: ['Grace', 'Linus'], note: 'storage part' } }), 'requested review from Grace and Linus: “storage part”'],
    [entry('verdict', { to: 'approve' }), 'approved it'],
    [entry('verdict', { to: 'request-changes', data: { note: 'Backups first' } }), 'requested changes: “Backups first”'],
    [entry('verdict', { to: 'comment' }), 'commented on the review'],
    [entry('comment', { data: { section: 'Summary', quote: 'no server', text: 'Backups?' } }), 'commented on “no server” in Summary: “Backups?”'],
    [entry('comment', { data: { section: '', text: 'Intro is long' } }), 'commented on the introduction: “Intro is long”'],
    [entry('reply', { data: { to: 'Grace', section: 'Summary', text: 'Done' } }), 'replied to Grace’s comment on Summary: “Done”'],
    [entry('comment-resolved', { data: { by: 'Grace', section: 'Summary' } }), 'resolved Grace’s comment on Summary'],
    [entry('comment-reopened', { data: { by: 'Grace', section: 'Summary' } }), 'reopened Grace’s comment on Summary'],
    [entry('checklist', { to: 'checked', data: { item: 'Security' } }), 'ticked Security on the review checklist'],
    [entry('checklist', { to: 'unchecked', data: { item: 'Cost', concern: 'too dear' } }), 'unticked Cost on the review checklist (concern: “too dear”)'],
    [entry('checklist', { to: 'concern', data: { item: 'Cost', concern: 'too dear' } }), 'noted a concern on Cost: “too dear”'],
  ])('%#: %j', (h, text) => {
    expect(describeReviewEvent(h)).toBe(text);
  });

  it('leaves other events to the history panel', () => {
    expect(describeReviewEvent(entry('status', { from: 'draft', to: 'in-review' }))).toBeNull();
  });
});
