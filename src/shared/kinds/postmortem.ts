import { z } from 'zod';
import { parseDisplayRef } from './kinds';
import type { TemplateSection } from './rfc';

/**
 * The narrative of a postmortem. Timeline and action items are structured
 * fields (they are sorted, filtered and listed across documents), so they are
 * not body sections.
 */
export const POSTMORTEM_SECTIONS: readonly TemplateSection[] = [
  { heading: 'Summary', depth: 2, hint: 'Two or three sentences: what broke, for how long, and how it was fixed.' },
  { heading: 'Impact', depth: 2, hint: 'Who noticed and how: affected features, regions, customers and support tickets.' },
  { heading: 'Root Cause', depth: 2, hint: 'The chain of causes down to the one we can fix; keep asking why, blame no one.' },
  { heading: 'What Went Well', depth: 2, hint: 'Detection, tooling and decisions that limited the damage.' },
  { heading: 'What Went Wrong', depth: 2, hint: 'Gaps in alerts, runbooks, tests or process that made it worse or slower.' },
  { heading: 'Lessons Learned', depth: 2, hint: 'What the team now knows, and what others should take from it.' },
];

/** The default severity scale, used when the repository's designdesk.yml names none (`severities`). */
export const SEVERITIES = ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4'] as const;
export type Severity = string;

export const SEVERITY_HINTS: Record<(typeof SEVERITIES)[number], string> = {
  'SEV-1': 'Critical: outage or data loss for many users',
  'SEV-2': 'Major: a key feature down or badly degraded',
  'SEV-3': 'Minor: partial degradation, a workaround exists',
  'SEV-4': 'Low: little or no user impact',
};

export const MAX_SEVERITY_LEVELS = 12;

/** One level of a severity scale: its name as files write it ("SEV-1", "P0") and what it means. */
export const SeverityLevelSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'a severity needs a name')
    .max(40, 'a severity name is at most 40 characters')
    .regex(/^[^\n\r]+$/, 'a severity name is one line'),
  description: z.string().trim().max(200, 'a severity description is at most 200 characters').default(''),
});
export type SeverityLevel = z.infer<typeof SeverityLevelSchema>;

/** A severity scale, most severe first; names are unique ignoring case. */
export const SeverityScaleSchema = z
  .array(SeverityLevelSchema)
  .min(1, 'a severity scale has at least one level')
  .max(MAX_SEVERITY_LEVELS, `a severity scale has at most ${MAX_SEVERITY_LEVELS} levels`)
  .refine((levels) => new Set(levels.map((l) => l.name.toLowerCase())).size === levels.length, 'severity names must be unique');

export const DEFAULT_SEVERITY_SCALE: readonly SeverityLevel[] = SEVERITIES.map((name) => ({ name, description: SEVERITY_HINTS[name] }));

/** The level of `scale` named `severity` (ignoring case), or null when the scale does not know it. */
export function severityLevel(scale: readonly SeverityLevel[], severity: string): SeverityLevel | null {
  const wanted = severity.trim().toLowerCase();
  return scale.find((l) => l.name.toLowerCase() === wanted) ?? null;
}

export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'wont-do'] as const;
export const ActionStatusSchema = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatusSchema>;

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = { open: 'Open', 'in-progress': 'In progress', done: 'Done', 'wont-do': "Won't do" };

/** Whether an action item is finished with: done, or decided against ("won't do"). */
export function isClosed(status: ActionStatus): boolean {
  return status === 'done' || status === 'wont-do';
}

/** Timeline milestones: when the incident started, was detected, was mitigated and was resolved. */
export const MILESTONES = ['start', 'detection', 'mitigation', 'resolution'] as const;
export const MilestoneSchema = z.enum(MILESTONES);
export type Milestone = z.infer<typeof MilestoneSchema>;
export const MILESTONE_LABELS: Record<Milestone, string> = { start: 'Start', detection: 'Detection', mitigation: 'Mitigation', resolution: 'Resolution' };

export const MAX_TIMELINE_ROWS = 500;
export const MAX_ACTION_ITEMS = 200;
export const MAX_ATTENDEES = 100;
export const MAX_CONTRIBUTING_FACTORS = 50;

function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Whether `ref` names an RFC or an ADR ("RFC-12", "adr-3"): what an action item may link to. */
export function isAddressingRef(ref: string): boolean {
  const parsed = parseDisplayRef(ref);
  return parsed !== null && (parsed.kind === 'rfc' || parsed.kind === 'adr');
}

/** A calendar date as YYYY-MM-DD, or '' when not known yet. */
export const OptionalDateSchema = z
  .string()
  .trim()
  .refine((s) => s === '' || isCalendarDate(s), 'must be a date as YYYY-MM-DD');

const CLOCK_RE = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;
const ISO_RE = /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?Z?$/;

/**
 * Reads a timeline time as a person types it ("9:05", "09:05", "2026-11-20 09:05",
 * "2026-11-20T09:05:30Z") and returns its stored form (HH:MM[:SS] or
 * YYYY-MM-DDTHH:MM[:SS]Z, always UTC), '' for blank, or null when it is not a time.
 */
export function parseTimelineTime(text: string): string | null {
  const t = text.trim();
  if (t === '') return '';
  const clock = CLOCK_RE.exec(t.length === 4 || t.length === 7 ? `0${t}` : t);
  if (clock) return clock[0];
  const iso = ISO_RE.exec(t);
  if (iso && isCalendarDate(iso[1]!)) {
    const seconds = iso[4] ? `:${iso[4]}` : '';
    return `${iso[1]}T${iso[2]}:${iso[3]}${seconds}Z`;
  }
  return null;
}

/** Gives every row a non-empty id, unique within the list, so rows can be keyed, edited and linked. */
function withUniqueIds<T extends { id: string }>(rows: T[], prefix: string): T[] {
  const seen = new Set<string>();
  let n = 0;
  return rows.map((row) => {
    if (row.id && !seen.has(row.id)) {
      seen.add(row.id);
      return row;
    }
    let id: string;
    do id = `${prefix}${++n}`;
    while (seen.has(id) || rows.some((r) => r.id === id));
    seen.add(id);
    return { ...row, id };
  });
}

const RowIdSchema = z.string().trim().max(64).default('');

export const TimelineEntrySchema = z.object({
  id: RowIdSchema,
  time: z
    .string()
    .max(40)
    .default('')
    .refine((s) => parseTimelineTime(s) !== null, 'must be a UTC time as HH:MM or YYYY-MM-DDTHH:MMZ'),
  event: z.string().max(2000, 'an event is at most 2000 characters').default(''),
  /** Optional: absent in files written before milestones existed, and on rows that are not one. */
  milestone: MilestoneSchema.optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const ActionItemSchema = z.object({
  id: RowIdSchema,
  action: z.string().max(500, 'an action is at most 500 characters').default(''),
  owner: z.string().max(200).default(''),
  due: OptionalDateSchema.default(''),
  status: ActionStatusSchema.default('open'),
  /** The RFC or ADR that addresses the item, by display ref ("ADR-7"); stored upper case. */
  link: z
    .string()
    .trim()
    .max(20)
    .refine((s) => s === '' || isAddressingRef(s), 'must be an RFC or ADR reference such as RFC-12 or ADR-3')
    .transform((s) => s.toUpperCase())
    .optional(),
  /** Why the item will not be done (status "wont-do"). */
  reason: z.string().max(500, 'a reason is at most 500 characters').optional(),
  /** The day the item was closed (done or won't do), YYYY-MM-DD; what "closed on time" is measured with. */
  closed: OptionalDateSchema.optional(),
});
export type ActionItem = z.infer<typeof ActionItemSchema>;

const CountSchema = z.number().int().nonnegative().max(1e12).nullable().default(null);

export const ImpactSchema = z.object({
  usersAffected: CountSchema,
  downtimeMinutes: CountSchema,
  /** Free text: "$12k in SLA credits", "none", "unknown". */
  revenueImpact: z.string().max(200).default(''),
});
export type Impact = z.infer<typeof ImpactSchema>;

/** A duration as written ("47m", "2h 15m", "1h") or a number of minutes, stored as text. */
const DurationSchema = z
  .union([z.string().max(40), z.number().int().nonnegative().max(1e7)])
  .default('')
  .transform((d) => (typeof d === 'number' ? `${d}m` : d));

export const PostmortemFieldsSchema = z.object({
  author: z.string().max(200).default(''),
  incidentDate: OptionalDateSchema.default(''),
  duration: DurationSchema,
  /** A level of the repository's scale; a name the scale does not know is kept (and flagged in the editor). */
  severity: z.string().trim().max(40, 'a severity is at most 40 characters').default('SEV-3'),
  attendees: z.array(z.string().trim().min(1).max(200)).max(MAX_ATTENDEES).default([]),
  impact: ImpactSchema.prefault({}),
  /** What made the incident possible or worse, one factor per entry. Optional: absent in older files. */
  contributingFactors: z
    .array(z.string().max(500, 'a contributing factor is at most 500 characters'))
    .max(MAX_CONTRIBUTING_FACTORS, `at most ${MAX_CONTRIBUTING_FACTORS} contributing factors`)
    .optional(),
  timeline: z
    .array(TimelineEntrySchema)
    .max(MAX_TIMELINE_ROWS, `a timeline has at most ${MAX_TIMELINE_ROWS} rows`)
    .default([])
    .transform((rows) => withUniqueIds(rows, 't')),
  actionItems: z
    .array(ActionItemSchema)
    .max(MAX_ACTION_ITEMS, `at most ${MAX_ACTION_ITEMS} action items`)
    .default([])
    .transform((rows) => withUniqueIds(rows, 'a')),
});
export type PostmortemFields = z.infer<typeof PostmortemFieldsSchema>;

/**
 * Minutes in a duration such as "47m", "2h 15m", "1h", "1.5h", "90" or
 * "1d 2h"; null when it cannot be read (free text is allowed).
 */
export function durationMinutes(duration: string): number | null {
  const t = duration.trim().toLowerCase();
  if (/^\d+$/.test(t)) return Number(t);
  const parts = t.match(/\d+(?:\.\d+)?\s*(?:d|h|m|min|mins)\b/g);
  if (!parts || parts.join('').replace(/\s/g, '') !== t.replace(/\s/g, '')) return null;
  let minutes = 0;
  for (const p of parts) {
    const m = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/.exec(p)!;
    const n = Number(m[1]);
    minutes += m[2] === 'd' ? n * 1440 : m[2] === 'h' ? n * 60 : n;
  }
  return Math.round(minutes);
}

/**
 * The moment a timeline row happened, as a sortable string. A bare clock time
 * is on the incident date; an ISO time carries its own date (for incidents
 * that cross midnight). Null for a blank or unreadable time.
 */
export function timelineSortKey(time: string, incidentDate: string): string | null {
  const t = parseTimelineTime(time);
  if (!t) return null;
  if (t.includes('T')) return t.replace('Z', '').padEnd(19, ':00').slice(0, 19);
  return `${incidentDate || '0000-00-00'}T${t.padEnd(8, ':00').slice(0, 8)}`;
}

/**
 * The timeline in time order. Rows with the same time keep their order, and
 * rows without a readable time go last in their current order, so sorting
 * twice changes nothing.
 */
export function sortTimeline<T extends { time: string }>(rows: readonly T[], incidentDate = ''): T[] {
  return rows
    .map((row, i) => ({ row, i, key: timelineSortKey(row.time, incidentDate) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) return a.key === b.key ? a.i - b.i : a.key === null ? 1 : -1;
      return a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i;
    })
    .map((x) => x.row);
}

/** True when the action item has a due date before `today` (YYYY-MM-DD) and is neither done nor won't do. */
export function isOverdue(item: Pick<ActionItem, 'due' | 'status'>, today: string): boolean {
  return !isClosed(item.status) && item.due !== '' && item.due < today;
}

/** A fresh row id for a timeline ("t") or action item ("a") list: the next number after the highest in use. */
export function nextRowId(rows: readonly { id: string }[], prefix: string): string {
  let max = 0;
  for (const r of rows) {
    if (r.id.startsWith(prefix) && /^\d+$/.test(r.id.slice(prefix.length))) max = Math.max(max, Number(r.id.slice(prefix.length)));
  }
  return `${prefix}${max + 1}`;
}
