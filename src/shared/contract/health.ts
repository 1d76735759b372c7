import { z } from 'zod';

export const HEALTH_CHECKS = ['duplicate-number', 'duplicate-id', 'broken-reference', 'one-sided-supersede', 'missing-supersede-target', 'unreadable-file', 'orphan-review'] as const;
export const HealthCheckSchema = z.enum(HEALTH_CHECKS);
export type HealthCheck = z.infer<typeof HealthCheckSchema>;

/** One problem the Health view lists: what `designdesk lint` would say, about a document of this workspace or a file of the team repo. */
export const HealthFindingSchema = z.object({
  /** Stable while the problem lasts: names the finding to fix, and tells new findings from ones already seen. */
  key: z.string(),
  check: HealthCheckSchema,
  /** The repository path of the file (for a document of this workspace, where a sync writes it). */
  path: z.string(),
  reason: z.string(),
  /** The document to open, when the finding is about one here. */
  docId: z.string().nullable(),
  /** "ADR-3 Use Postgres", for a finding about a document here. */
  label: z.string().nullable(),
  /** The obvious fix, when there is one (e.g. "Add ADR-2 to ADR-3's supersedes"); null: a person has to decide. */
  fix: z.string().nullable(),
  /** Not shown in the Health view yet. */
  isNew: z.boolean(),
});
export type HealthFinding = z.infer<typeof HealthFindingSchema>;

export const HealthReportSchema = z.object({
  findings: z.array(HealthFindingSchema),
  /** Findings not seen in the Health view yet (the status bar shows this count after a sync). */
  newCount: z.number().int().nonnegative(),
});
export type HealthReport = z.infer<typeof HealthReportSchema>;

/** Repository health: the lint checks on this workspace, their fixes, and which findings are new. */
export const healthContract = {
  'health:check': {
    input: z.object({}).strict(),
    output: HealthReportSchema,
  },
  /** Applies the finding's fix through the document services (history, versions and sync stay right); refused with NOT_FOUND when it is gone, VALIDATION when it has no fix. */
  'health:fix': {
    input: z.object({ key: z.string().min(1).max(4000) }).strict(),
    output: HealthReportSchema,
  },
  /** The user looked at the Health view: every current finding stops being new. */
  'health:seen': {
    input: z.object({}).strict(),
    output: HealthReportSchema,
  },
} as const;
