import type { reviewsContract } from '../../../shared/contract/reviews';
import type { AreaHandlers } from '../dispatch';
import type { HandlerDeps } from '../handlers';
import { REVIEW_POLICY_KEY, readReviewPolicy } from '../../services/reviewLog';

export function createReviewsHandlers(d: HandlerDeps): AreaHandlers<typeof reviewsContract> {
  return {
    'reviews:get': ({ docId }) => d.reviews.get(docId),
    'reviews:setReviewers': ({ docId, reviewers }) => d.reviews.setReviewers(docId, reviewers),
    'reviews:request': ({ docId, note, due }) => d.reviews.request(docId, note, due),
    'reviews:verdict': ({ docId, verdict, note }) => d.reviews.verdict(docId, verdict, note),
    'reviews:comment': ({ docId, text, anchor }) => d.reviews.comment(docId, text, anchor),
    'reviews:reply': ({ docId, commentId, text }) => d.reviews.reply(docId, commentId, text),
    'reviews:resolve': ({ docId, commentId }) => d.reviews.setResolved(docId, commentId, true),
    'reviews:reopen': ({ docId, commentId }) => d.reviews.setResolved(docId, commentId, false),
    'reviews:checklist': ({ docId, item, checked, concern }) => d.reviews.checklist(docId, item, checked, concern),
    'reviews:raiseConcern': ({ docId, title, text, anchor }) => d.reviews.blocks.raiseConcern(docId, title, text, anchor),
    'reviews:resolveConcern': ({ docId, concernId, resolved, note }) => d.reviews.blocks.setConcernResolved(docId, concernId, resolved, note),
    'reviews:delegateConcern': ({ docId, concernId, to }) => d.reviews.blocks.delegateConcern(docId, concernId, to),
    'reviews:hold': ({ docId, on, reason }) => d.reviews.blocks.setHold(docId, on, reason),
    'reviews:reviewedText': ({ docId }) => d.reviews.reviewedText(docId),
    'dashboard:get': ({ today }) => d.dashboard.get(today),
    'dashboard:setStaleAfterDays': ({ days }) => ({ days: d.dashboard.setStaleAfterDays(days) }),
    'settings:getReviewPolicy': () => readReviewPolicy(d.settings),
    'settings:setReviewPolicy': (policy) => {
      d.settings.set(REVIEW_POLICY_KEY, policy);
      return policy;
    },
    'reviews:suggestions': ({ docId }) => d.suggestions.list(docId),
    'reviews:suggest': ({ docId, anchor, replacement, note }) => d.suggestions.suggest(docId, anchor, replacement, note),
    'reviews:decideSuggestion': ({ docId, suggestionId, accept }) => d.suggestions.decide(docId, suggestionId, accept),
  };
}
