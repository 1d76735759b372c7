import { z } from 'zod';
import { PersonSchema } from '../document';
import { DocKindSchema } from '../kinds/kinds';
import { AnchorSchema, ChecklistItemIdSchema, RecordIdSchema, VerdictSchema } from './schemas';

/**
 * What the app shows of a document's review, derived from its records (see
 * state.ts). Only records are stored and synced; this is recomputed.
 */

export const ReviewerStatusSchema = z.object({
  name: z.string(),
  email: z.string().optional(),
  required: z.boolean(),
  /** False for someone who gave a verdict without being asked. */
  listed: z.boolean(),
  /** Approve or request changes when given (the latest of the two stands), else comment, else null. */
  verdict: VerdictSchema.nullable(),
  verdictAt: z.string().nullable(),
  note: z.string(),
  /** The standing verdict was given on an earlier version of the text (contentHash.ts). */
  stale: z.boolean(),
  /** The text of the latest verdict of any kind: what "changes since your review" compares with. */
  reviewedOn: z.object({ revision: z.number().int(), bodyHash: z.string(), contentHash: z.string().optional() }).nullable(),
  /** The latest verdict of any kind. */
  respondedAt: z.string().nullable(),
  /** Has given a verdict since review was last requested. */
  respondedSinceRequest: z.boolean(),
});
export type ReviewerStatus = z.infer<typeof ReviewerStatusSchema>;

export const ReplySchema = z.object({ id: RecordIdSchema, by: PersonSchema, at: z.string(), text: z.string() });
export type Reply = z.infer<typeof ReplySchema>;

export const ThreadSchema = z.object({
  id: RecordIdSchema,
  by: PersonSchema,
  at: z.string(),
  text: z.string(),
  anchor: AnchorSchema,
  /** 'outdated' when the quoted passage (or the section) is no longer in the body. */
  location: z.enum(['found', 'outdated']),
  /** The section the passage is in now (it may have moved); the anchor's section when outdated. */
  section: z.string(),
  /** The body changed since the comment was written. */
  onEarlierVersion: z.boolean(),
  resolved: z.boolean(),
  resolvedBy: PersonSchema.nullable(),
  resolvedAt: z.string().nullable(),
  replies: z.array(ReplySchema),
});
export type Thread = z.infer<typeof ThreadSchema>;

export const ChecklistEntrySchema = z.object({ by: PersonSchema, at: z.string(), checked: z.boolean(), concern: z.string() });
export const ChecklistViewItemSchema = z.object({
  id: ChecklistItemIdSchema,
  label: z.string(),
  questions: z.array(z.string()),
  /** One entry per reviewer who ticked the item or noted a concern (their latest). */
  entries: z.array(ChecklistEntrySchema),
});
export type ChecklistViewItem = z.infer<typeof ChecklistViewItemSchema>;

export const ConcernViewSchema = z.object({
  id: RecordIdSchema,
  by: PersonSchema,
  at: z.string(),
  title: z.string(),
  text: z.string(),
  anchor: AnchorSchema,
  open: z.boolean(),
  /** Who the raiser handed the concern to; they may resolve it too. */
  delegate: PersonSchema.nullable(),
  resolvedBy: PersonSchema.nullable(),
  resolvedAt: z.string().nullable(),
  note: z.string(),
});
export type ConcernView = z.infer<typeof ConcernViewSchema>;

export const HoldViewSchema = z.object({ by: PersonSchema, at: z.string(), reason: z.string() });
export type HoldView = z.infer<typeof HoldViewSchema>;

/** The final comment period: started when the required approvals were in; 'complete' once it ran out with nothing blocking. */
export const FcpSchema = z.object({ days: z.number().int(), startedAt: z.string(), endsAt: z.string(), state: z.enum(['running', 'complete']), daysLeft: z.number().int() });
export type Fcp = z.infer<typeof FcpSchema>;

export const PolicyResultSchema = z.object({
  /** The document may move to its approved status. */
  ok: z.boolean(),
  /** Reviewers whose approval is still needed. */
  missing: z.array(z.string()),
  changesRequestedBy: z.array(z.string()),
  approvals: z.number().int(),
  minApprovals: z.number().int(),
  /** Approvals given on an earlier version of the text. */
  staleApprovals: z.array(z.string()),
  /** The policy dismisses stale approvals (the default): they do not count, and those reviewers are asked again. */
  staleDismissed: z.boolean(),
  /** One sentence a person can act on. */
  message: z.string(),
  /** Titles of the open blocking concerns. */
  openConcerns: z.array(z.string()).optional(),
  hold: HoldViewSchema.nullable().optional(),
  /** The final comment period, when the policy asks for one for this kind and the approvals are in. */
  fcp: FcpSchema.nullable().optional(),
});
export type PolicyResult = z.infer<typeof PolicyResultSchema>;

export const RequestInfoSchema = z.object({ at: z.string(), by: PersonSchema, note: z.string(), due: z.string().optional() });

export const ReviewViewSchema = z.object({
  docId: z.string(),
  kind: DocKindSchema,
  status: z.string(),
  /** Review was requested and the document has not been decided yet. */
  underReview: z.boolean(),
  request: RequestInfoSchema.nullable(),
  reviewers: z.array(ReviewerStatusSchema),
  threads: z.array(ThreadSchema),
  concerns: z.array(ConcernViewSchema).optional(),
  hold: HoldViewSchema.nullable().optional(),
  /** The Architecture Review Checklist, RFCs only. */
  checklist: z.array(ChecklistViewItemSchema).nullable(),
  policy: PolicyResultSchema,
  /** Who is looking: the author of the document, one of its reviewers. */
  viewer: z.object({ isAuthor: z.boolean(), isReviewer: z.boolean() }),
  lastActivityAt: z.string().nullable(),
});
export type ReviewView = z.infer<typeof ReviewViewSchema>;
