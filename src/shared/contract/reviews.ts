import { z } from 'zod';
import { DocIdSchema, DocumentSchema, PersonSchema } from '../document';
import { DocKindSchema } from '../kinds/kinds';
import {
  AnchorSchema,
  ChecklistItemIdSchema,
  RecordIdSchema,
  ReviewerSchema,
  ReviewPolicySchema,
  TextSchema,
  VerdictSchema,
} from '../reviews/schemas';
import { SUGGESTION_MAX, SuggestionViewSchema } from '../reviews/suggestions';
import { ReviewViewSchema } from '../reviews/view';
import { ActionItemRowSchema } from './actions';

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
const NoteSchema = z.string().max(20_000, 'a note is at most 20,000 characters');
const onComment = z.object({ docId: DocIdSchema, commentId: RecordIdSchema }).strict();

/** A document as a dashboard row names it. */
export const DashDocSchema = z.object({ id: DocIdSchema, kind: DocKindSchema, number: z.number().int(), title: z.string(), status: z.string() });

export const DashboardSchema = z.object({
  staleAfterDays: z.number().int(),
  /** Review requested from me and not answered since; newest request first. */
  waitingOnMe: z.array(
    z.object({
      doc: DashDocSchema,
      requestedAt: z.string(),
      requestedBy: PersonSchema,
      required: z.boolean(),
      again: z.boolean(),
      /** 'text-changed': my approval was given on an earlier text and the policy dismissed it. */
      reason: z.enum(['requested', 'text-changed']).optional(),
    }),
  ),
  /** My documents under review, with who has and has not responded. */
  myInReview: z.array(
    z.object({
      doc: DashDocSchema,
      requestedAt: z.string(),
      reviewers: z.array(z.object({ name: z.string(), required: z.boolean(), verdict: VerdictSchema.nullable(), respondedAt: z.string().nullable(), stale: z.boolean() })),
      policyOk: z.boolean(),
      policyMessage: z.string(),
    }),
  ),
  /** Documents under review with no activity (review records or edits) for staleAfterDays. */
  stale: z.array(z.object({ doc: DashDocSchema, lastActivityAt: z.string(), idleDays: z.number().int(), waitingOn: z.array(z.string()) })),
  /** Documents that reached their approved status (or were rejected) lately; newest first. */
  recentlyDecided: z.array(z.object({ doc: DashDocSchema, decidedAt: z.string(), decidedBy: PersonSchema })),
  overdueActions: z.array(ActionItemRowSchema),
  /** Documents in their final comment period, ending soonest first. */
  inFcp: z.array(z.object({ doc: DashDocSchema, endsAt: z.string(), daysLeft: z.number().int() })).optional(),
  /** Documents on hold, with who put them there and why. */
  onHold: z.array(z.object({ doc: DashDocSchema, by: PersonSchema, at: z.string(), reason: z.string() })).optional(),
  /** Reviews asked for by a day that has passed, with who has not answered. */
  overdueReviews: z.array(z.object({ doc: DashDocSchema, due: z.string(), waitingOn: z.array(z.string()) })).optional(),
  /** Documents in review for longer than the policy's staleProposalDays. */
  staleProposals: z.array(z.object({ doc: DashDocSchema, requestedAt: z.string(), days: z.number().int(), limit: z.number().int() })).optional(),
  /** Decided matrices whose "revisit on" day has come (today or earlier), the longest due first. */
  revisitsDue: z.array(z.object({ doc: DashDocSchema, revisitOn: z.string(), revisitWhen: z.string() })).optional(),
  /** Process metrics over the last 90 days, from the history. */
  metrics: z
    .object({
      days: z.number().int(),
      /** Time from In Review to a decision, per decision, newest first. */
      decisions: z.array(z.object({ doc: DashDocSchema, inReviewAt: z.string(), decidedAt: z.string(), outcome: z.enum(['approved', 'rejected']), days: z.number() })),
      medianDaysByKind: z.array(z.object({ kind: DocKindSchema, median: z.number(), count: z.number().int() })),
      /** Reviews asked of each person and not answered since, most first. */
      openReviewsByReviewer: z.array(z.object({ name: z.string(), count: z.number().int() })),
      /** Documents in review with no activity for the stale limit. */
      staleInReview: z.number().int(),
    })
    .optional(),
  /** Approvals dismissed lately because the text changed, on my documents or of my approvals; newest first. */
  approvalsDismissed: z.array(z.object({ doc: DashDocSchema, at: z.string(), by: PersonSchema, names: z.array(z.string()) })).optional(),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

const SuggestionsSchema = z.object({ suggestions: z.array(SuggestionViewSchema), review: ReviewViewSchema });

/**
 * Reviews: reviewers, requests, verdicts, comment threads and the RFC
 * checklist of a document. Every call that changes something answers with
 * the document's review as the panel shows it.
 */
export const reviewsContract = {
  'reviews:get': {
    input: z.object({ docId: DocIdSchema }).strict(),
    output: ReviewViewSchema,
  },
  /** Replaces the list of reviewers; each addition, removal or required/optional change is recorded. */
  'reviews:setReviewers': {
    input: z.object({ docId: DocIdSchema, reviewers: z.array(ReviewerSchema.strict()).max(50, 'at most 50 reviewers') }).strict(),
    output: ReviewViewSchema,
  },
  /** Asks the reviewers to review; RFCs and postmortems move to In Review. */
  'reviews:request': {
    /** `due`: the day the reviews are asked for by (the dashboard shows overdue ones). */
    input: z.object({ docId: DocIdSchema, note: z.string().max(2000).optional(), due: DaySchema.optional() }).strict(),
    output: z.object({ review: ReviewViewSchema, document: DocumentSchema }),
  },
  'reviews:verdict': {
    input: z.object({ docId: DocIdSchema, verdict: VerdictSchema, note: NoteSchema.optional() }).strict(),
    output: ReviewViewSchema,
  },
  /** A comment on a section (anchor.quote '') or on a quoted passage of it. */
  'reviews:comment': {
    input: z.object({ docId: DocIdSchema, text: TextSchema, anchor: AnchorSchema.strict() }).strict(),
    output: ReviewViewSchema,
  },
  'reviews:reply': {
    input: z.object({ docId: DocIdSchema, commentId: RecordIdSchema, text: TextSchema }).strict(),
    output: ReviewViewSchema,
  },
  'reviews:resolve': { input: onComment, output: ReviewViewSchema },
  'reviews:reopen': { input: onComment, output: ReviewViewSchema },
  /** Ticks (or unticks) an Architecture Review Checklist item of an RFC, with an optional concern. */
  'reviews:checklist': {
    input: z.object({ docId: DocIdSchema, item: ChecklistItemIdSchema, checked: z.boolean(), concern: z.string().max(5000).optional() }).strict(),
    output: ReviewViewSchema,
  },
  /** Raises a named blocking concern on the document (anchor.section ''), a section or a passage. */
  'reviews:raiseConcern': {
    input: z
      .object({ docId: DocIdSchema, title: z.string().trim().min(1, 'name the concern').max(200), text: z.string().max(20_000), anchor: AnchorSchema.strict() })
      .strict(),
    output: ReviewViewSchema,
  },
  /** Resolves (resolved: true) or reopens a concern; only its raiser or their delegate may. */
  'reviews:resolveConcern': {
    input: z.object({ docId: DocIdSchema, concernId: RecordIdSchema, resolved: z.boolean(), note: z.string().max(2000).optional() }).strict(),
    output: ReviewViewSchema,
  },
  'reviews:delegateConcern': {
    input: z.object({ docId: DocIdSchema, concernId: RecordIdSchema, to: PersonSchema.strict() }).strict(),
    output: ReviewViewSchema,
  },
  /** Puts the document on hold (with a reason) or lifts the hold. */
  'reviews:hold': {
    input: z.object({ docId: DocIdSchema, on: z.boolean(), reason: z.string().max(2000).optional() }).strict(),
    output: ReviewViewSchema,
  },
  /** The text I last gave a verdict on (body null when no kept version holds it), for "changes since your review". */
  'reviews:reviewedText': {
    input: z.object({ docId: DocIdSchema }).strict(),
    output: z.object({ reviewedAt: z.string(), body: z.string().nullable(), versionAt: z.string().nullable() }).nullable(),
  },
  'dashboard:get': {
    /** `today`: the caller's local date, for overdue action items. */
    input: z.object({ today: DaySchema.optional() }).strict(),
    output: DashboardSchema,
  },
  'dashboard:setStaleAfterDays': {
    input: z.object({ days: z.number().int().min(1).max(365) }).strict(),
    output: z.object({ days: z.number().int() }),
  },
  'settings:getReviewPolicy': {
    input: z.object({}).strict(),
    output: ReviewPolicySchema,
  },
  /** Stored in the workspace for now; the sync engine will read it from designdesk.yml. */
  'settings:setReviewPolicy': {
    input: ReviewPolicySchema.strict(),
    output: ReviewPolicySchema,
  },
  /** Suggested changes of a document (open, accepted, declined), with its review. */
  'reviews:suggestions': {
    input: z.object({ docId: DocIdSchema }).strict(),
    output: SuggestionsSchema,
  },
  /** A reviewer proposes replacement text (possibly empty) for a quoted passage. */
  'reviews:suggest': {
    input: z.object({ docId: DocIdSchema, anchor: AnchorSchema.strict(), replacement: z.string().max(SUGGESTION_MAX), note: NoteSchema.optional() }).strict(),
    output: SuggestionsSchema,
  },
  /** The author accepts a suggestion (the passage is edited as suggested) or declines it. */
  'reviews:decideSuggestion': {
    input: z.object({ docId: DocIdSchema, suggestionId: RecordIdSchema, accept: z.boolean() }).strict(),
    output: SuggestionsSchema.extend({ document: DocumentSchema }),
  },
} as const;
