import { z } from 'zod';
import { PersonSchema } from '../document';
import { perKind } from '../kinds/kinds';
import { CHECKLIST_ITEM_IDS } from './checklist';
import { suggestionRecordSchemas } from './suggestions';

/**
 * Review records: what reviewers and authors did, one record per act. They
 * are append-mostly (a change of mind is a new record, never an edit of an
 * old one) and carry stable ULID ids, so two people's records travel through
 * the team repo (reviews/<document id>.yml) and merge as sets by id.
 */

export const RecordIdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a record id (26-character ULID)');

const NameSchema = z.string().trim().min(1, 'a name cannot be empty').max(200);
const EmailSchema = z.string().trim().max(320);
export const TextSchema = z.string().trim().min(1, 'write something first').max(20_000, 'a comment is at most 20,000 characters');

/** A person asked to review; a required reviewer's approval gates the document. */
export const ReviewerSchema = z.object({
  name: NameSchema,
  email: EmailSchema.optional(),
  required: z.boolean(),
});
export type Reviewer = z.infer<typeof ReviewerSchema>;

export const VERDICTS = ['approve', 'request-changes', 'comment'] as const;
export const VerdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof VerdictSchema>;

export const VERDICT_LABELS: Record<Verdict, string> = {
  approve: 'Approved',
  'request-changes': 'Changes requested',
  comment: 'Commented',
};

/**
 * Where a comment points. `quote` is the passage as selected ('' for a
 * comment on a whole section); `prefix` and `suffix` are a little of the
 * text around it, so the same words elsewhere in the section are told apart.
 */
export const AnchorSchema = z.object({
  section: z.string().max(300),
  quote: z.string().max(5000),
  prefix: z.string().max(200),
  suffix: z.string().max(200),
});
export type Anchor = z.infer<typeof AnchorSchema>;

const base = {
  id: RecordIdSchema,
  at: z.string(),
  by: PersonSchema,
};

/**
 * The document's text a record was made against: its (local) revision, a hash
 * of its body and, in records written since content hashes exist, the hash of
 * its substantive content (contentHash.ts): the revision a verdict approves.
 */
const version = {
  revision: z.number().int().nonnegative(),
  bodyHash: z.string().max(64),
  contentHash: z.string().max(64).optional(),
};

export const ReviewerRecordSchema = z.object({ ...base, type: z.literal('reviewer'), reviewer: ReviewerSchema, removed: z.boolean() });
const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
/** `due`: the day reviews are asked for by (optional). */
export const RequestRecordSchema = z.object({ ...base, ...version, type: z.literal('request'), note: z.string().max(2000), due: DaySchema.optional() });
export const VerdictRecordSchema = z.object({ ...base, ...version, type: z.literal('verdict'), verdict: VerdictSchema, note: z.string().max(20_000) });
export const CommentRecordSchema = z.object({ ...base, ...version, type: z.literal('comment'), text: TextSchema, anchor: AnchorSchema });
export const ReplyRecordSchema = z.object({ ...base, type: z.literal('reply'), commentId: RecordIdSchema, text: TextSchema });
export const ResolutionRecordSchema = z.object({ ...base, type: z.literal('resolution'), commentId: RecordIdSchema, resolved: z.boolean() });
export const ChecklistItemIdSchema = z.enum(CHECKLIST_ITEM_IDS);
export const ChecklistRecordSchema = z.object({
  ...base,
  type: z.literal('checklist'),
  item: ChecklistItemIdSchema,
  checked: z.boolean(),
  concern: z.string().max(5000),
});

const suggestionSchemas = suggestionRecordSchemas({ base, version, anchor: AnchorSchema, recordId: RecordIdSchema });
export const SuggestionRecordSchema = suggestionSchemas.suggestion;
export const SuggestionOutcomeRecordSchema = suggestionSchemas.outcome;
/**
 * A named blocking concern on the document (anchor.section ''), a section or
 * a passage: while open, the document cannot be approved. Only its raiser,
 * or the person they delegated it to, resolves it.
 */
export const ConcernRecordSchema = z.object({
  ...base,
  ...version,
  type: z.literal('concern'),
  title: z.string().trim().min(1, 'name the concern').max(200),
  text: z.string().max(20_000),
  anchor: AnchorSchema,
});
/** A concern resolved (or reopened) by its raiser or their delegate. */
export const ConcernResolutionRecordSchema = z.object({ ...base, type: z.literal('concern-resolution'), concernId: RecordIdSchema, resolved: z.boolean(), note: z.string().max(2000) });
/** The raiser hands a concern to someone else, who may then resolve it. */
export const ConcernDelegationRecordSchema = z.object({ ...base, type: z.literal('concern-delegation'), concernId: RecordIdSchema, to: PersonSchema });
/** A hold (on: true, with a reason) or its lifting (on: false): a soft block anyone may lift. */
export const HoldRecordSchema = z.object({ ...base, type: z.literal('hold'), on: z.boolean(), reason: z.string().max(2000) });

export const ReviewRecordSchema = z.discriminatedUnion('type', [
  ConcernRecordSchema,
  ConcernResolutionRecordSchema,
  ConcernDelegationRecordSchema,
  HoldRecordSchema,
  ReviewerRecordSchema,
  RequestRecordSchema,
  VerdictRecordSchema,
  CommentRecordSchema,
  ReplyRecordSchema,
  ResolutionRecordSchema,
  ChecklistRecordSchema,
  SuggestionRecordSchema,
  SuggestionOutcomeRecordSchema,
]);
export type ReviewRecord = z.infer<typeof ReviewRecordSchema>;
export type ReviewRecordType = ReviewRecord['type'];
export type RecordOf<T extends ReviewRecordType> = Extract<ReviewRecord, { type: T }>;

/**
 * The review policy (designdesk.yml `reviewPolicy`, read into the workspace on
 * every sync): a minimum number of approvals per kind, and whether an
 * approval given on an earlier text is dismissed (`dismissStaleApprovals`,
 * absent means on).
 */
export const ReviewPolicySchema = z.object({
  minApprovals: z
    .object(perKind(() => z.number().int().min(0).max(50).optional()))
    .strict(),
  dismissStaleApprovals: z.boolean().optional(),
  /** Days of final comment period per kind, started when the required approvals are in (e.g. {rfc: 10}). */
  finalCommentPeriodDays: z
    .object(perKind(() => z.number().int().min(0).max(365).optional()))
    .strict()
    .optional(),
  /** A document under review for longer than this many days is a stale proposal on the dashboard. */
  staleProposalDays: z.number().int().min(1).max(3650).optional(),
});
export type ReviewPolicy = z.infer<typeof ReviewPolicySchema>;

export const DEFAULT_REVIEW_POLICY: ReviewPolicy = { minApprovals: {} };
