import { z } from 'zod';
import { SeverityLevelSchema } from '../kinds/postmortem';

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
const Minutes = z.number().int().nonnegative().nullable();

/** The severity scale postmortems choose from: the team repository's (designdesk.yml `severities`) or the default. */
export const SeverityScaleInfoSchema = z.object({
  levels: z.array(SeverityLevelSchema),
  /** False when the repository names no scale and the default SEV-1 to SEV-4 applies. */
  fromRepository: z.boolean(),
});
export type SeverityScaleInfo = z.infer<typeof SeverityScaleInfoSchema>;

export const PostmortemOverviewSchema = z.object({
  /** Oldest first, e.g. ["2026-Q1", ..., "2026-Q4"]. */
  quarters: z.array(z.string()),
  /** The scale's severities in order, then any other severity the postmortems use. */
  severities: z.array(z.string()),
  /** Per quarter of the incident date and severity: incidents and median minutes from the start to each milestone. */
  rows: z.array(
    z.object({ quarter: z.string(), severity: z.string(), incidents: z.number().int().nonnegative(), detect: Minutes, mitigate: Minutes, resolve: Minutes }),
  ),
  /** Per quarter of the due date: action items whose outcome is known, and those done on time. */
  actionItems: z.array(z.object({ quarter: z.string(), counted: z.number().int().nonnegative(), onTime: z.number().int().nonnegative() })),
  /** Live postmortems, and how many of them have no readable incident date or no milestone marked. */
  postmortems: z.number().int().nonnegative(),
  withoutMilestones: z.number().int().nonnegative(),
});
export type PostmortemOverview = z.infer<typeof PostmortemOverviewSchema>;

/** The severity scale and the overview of incidents across postmortems. */
export const postmortemsContract = {
  'postmortems:severities': {
    input: z.object({}).strict(),
    output: SeverityScaleInfoSchema,
  },
  'postmortems:overview': {
    input: z
      .object({
        /** The caller's local date; the last quarter is the one holding it. Defaults to the main side's UTC date. */
        today: DaySchema.optional(),
        /** How many quarters, the current one included (default 4). */
        quarters: z.number().int().min(1).max(12).optional(),
      })
      .strict(),
    output: PostmortemOverviewSchema,
  },
} as const;
