import { z } from 'zod';
import { DocIdSchema } from '../document';
import { ActionStatusSchema } from '../kinds/postmortem';

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

export const ActionItemRowSchema = z.object({
  docId: DocIdSchema,
  docNumber: z.number().int().positive(),
  docTitle: z.string(),
  itemId: z.string(),
  action: z.string(),
  owner: z.string(),
  /** YYYY-MM-DD, or '' when no due date was set. */
  due: z.string(),
  status: ActionStatusSchema,
  overdue: z.boolean(),
  /** The RFC or ADR that addresses the item ("ADR-3"), or ''. */
  link: z.string().default(''),
  /** Why a "won't do" item will not be done, or ''. */
  reason: z.string().default(''),
});
export type ActionItemRow = z.infer<typeof ActionItemRowSchema>;

/** Action items across every live postmortem: the follow-up a team owes after its incidents. */
export const actionsContract = {
  'actions:list': {
    input: z
      .object({
        /** Exact owner, ignoring case and surrounding spaces. */
        owner: z.string().max(200).optional(),
        status: ActionStatusSchema.optional(),
        overdueOnly: z.boolean().optional(),
        /** The caller's local date; "overdue" means due before it. Defaults to the main side's UTC date. */
        today: DaySchema.optional(),
      })
      .strict(),
    output: z.array(ActionItemRowSchema),
  },
} as const;
