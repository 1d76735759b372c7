import { z } from 'zod';
import type { TemplateSection } from './rfc';

/** The two rating scales a matrix can use; chosen once per matrix. */
export const MATRIX_SCALES = ['good-partial-poor', 'one-to-five'] as const;
export const MatrixScaleSchema = z.enum(MATRIX_SCALES);
export type MatrixScale = z.infer<typeof MatrixScaleSchema>;

export const WORD_RATINGS = ['good', 'partial', 'poor'] as const;
export type WordRating = (typeof WORD_RATINGS)[number];
export type Rating = WordRating | 1 | 2 | 3 | 4 | 5;

/** Limits: generous for any real selection, small enough that a matrix stays readable in a repo file. */
export const MATRIX_LIMITS = {
  criteria: 50,
  options: 20,
  requirements: 100,
  name: 120,
  note: 120,
  requirement: 500,
  decision: 2000,
  rationale: 20_000,
  revisitWhen: 500,
  author: 200,
  maxWeight: 1000,
  /** A raw value as typed: "$$", "120 ms", "1,200". */
  value: 40,
  /** The close-call margin, in percentage points. */
  maxCloseCallMargin: 50,
} as const;

/**
 * How a criterion is judged: by a rating on the matrix's scale, or by a raw
 * value per option (a price tier, money, milliseconds) where the lower or the
 * higher is better; the scoring turns values into 0..1 (matrixScoring.ts).
 */
export const CRITERION_SCORINGS = ['rating', 'lower-is-better', 'higher-is-better'] as const;
export const CriterionScoringSchema = z.enum(CRITERION_SCORINGS);
export type CriterionScoring = z.infer<typeof CriterionScoringSchema>;

export const SCORING_LABELS: Record<CriterionScoring, string> = {
  rating: 'Rating',
  'lower-is-better': 'Value, lower is better',
  'higher-is-better': 'Value, higher is better',
};

/** Top two within this many percentage points are a close call, unless the matrix sets its own margin. */
export const DEFAULT_CLOSE_CALL_MARGIN = 5;

export const MATRIX_SECTIONS: readonly TemplateSection[] = [
  { heading: 'Context', depth: 2, hint: 'What is being decided, why now, and what is out of scope.' },
  { heading: 'Notes', depth: 2, hint: 'Evidence behind the ratings: benchmarks, quotes, links, and who was consulted.' },
];

const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'an id is letters, digits, "-" or "_"');

/**
 * A rating as written in the front matter. Hand-edited files are read kindly:
 * "Good" means good, "4" means 4, an empty string or "-" means not rated.
 */
export const RatingSchema = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    const s = v.trim().toLowerCase();
    if (s === '' || s === '-' || s === '—') return null;
    if (/^[1-5]$/.test(s)) return Number(s);
    return s;
  },
  z.union([z.enum(WORD_RATINGS), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.null()]),
);

export const RatingCellSchema = z.object({
  rating: RatingSchema.default(null),
  note: z.string().max(MATRIX_LIMITS.note).default(''),
  /** The raw value of a value criterion ("$$", "120 ms"), kept as typed; absent on rating criteria. */
  value: z.preprocess((v) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : v), z.string().max(MATRIX_LIMITS.value)).optional(),
});
export type RatingCell = z.infer<typeof RatingCellSchema>;

export const CriterionSchema = z.object({
  id: IdSchema,
  name: z.string().max(MATRIX_LIMITS.name).default(''),
  weight: z.number().finite().min(0, 'a weight cannot be negative').max(MATRIX_LIMITS.maxWeight).default(1),
  /** Absent means 'rating', so files written before value criteria existed read unchanged. */
  scoring: CriterionScoringSchema.optional(),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const OptionSchema = z.object({
  id: IdSchema,
  name: z.string().max(MATRIX_LIMITS.name).default(''),
});
export type MatrixOption = z.infer<typeof OptionSchema>;

function isCalendarDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** A calendar day as YYYY-MM-DD, or '' for none. */
const OptionalDaySchema = z
  .string()
  .trim()
  .refine((s) => s === '' || isCalendarDay(s), 'must be a date as YYYY-MM-DD');

function uniqueIds(items: readonly { id: string }[]): boolean {
  return new Set(items.map((i) => i.id)).size === items.length;
}

/** The fields one by one, without the scale conversion: lets an editor read each field on its own. */
export const MatrixObjectSchema = z.object({
  author: z.string().max(MATRIX_LIMITS.author).default(''),
  scale: MatrixScaleSchema.default('good-partial-poor'),
  requirements: z.array(z.string().max(MATRIX_LIMITS.requirement)).max(MATRIX_LIMITS.requirements).default([]),
  criteria: z.array(CriterionSchema).max(MATRIX_LIMITS.criteria).refine(uniqueIds, 'criterion ids must be unique').default([]),
  options: z.array(OptionSchema).max(MATRIX_LIMITS.options).refine(uniqueIds, 'option ids must be unique').default([]),
  /** criterion id -> option id -> cell. A missing cell is an empty cell. */
  ratings: z.record(IdSchema, z.record(IdSchema, RatingCellSchema)).default({}),
  decision: z.string().max(MATRIX_LIMITS.decision).default(''),
  rationale: z.string().max(MATRIX_LIMITS.rationale).default(''),
  revisitWhen: z.string().max(MATRIX_LIMITS.revisitWhen).default(''),
  /** The day to look at the decision again (YYYY-MM-DD); the dashboard lists it from then on. */
  revisitOn: OptionalDaySchema.optional(),
  /** Top two within this many percentage points are marked a close call; absent means DEFAULT_CLOSE_CALL_MARGIN. */
  closeCallMargin: z.number().finite().min(0, 'a margin cannot be negative').max(MATRIX_LIMITS.maxCloseCallMargin).optional(),
});

export type MatrixFields = z.infer<typeof MatrixObjectSchema>;

/** Converts one rating to the other scale: good = 5, partial = 3, poor = 1; 4-5 good, 3 partial, 1-2 poor. */
export function convertRating(rating: Rating | null, to: MatrixScale): Rating | null {
  if (rating === null) return null;
  if (to === 'one-to-five') {
    if (typeof rating === 'number') return rating;
    return rating === 'good' ? 5 : rating === 'partial' ? 3 : 1;
  }
  if (typeof rating !== 'number') return rating;
  return rating >= 4 ? 'good' : rating === 3 ? 'partial' : 'poor';
}

/** Every rating of the matrix expressed on `scale` (used when the scale changes, and for hand-edited files). */
export function ratingsOnScale(ratings: MatrixFields['ratings'], scale: MatrixScale): MatrixFields['ratings'] {
  const out: MatrixFields['ratings'] = {};
  for (const [cid, row] of Object.entries(ratings)) {
    const next: Record<string, RatingCell> = {};
    for (const [oid, cell] of Object.entries(row)) next[oid] = { ...cell, rating: convertRating(cell.rating, scale) };
    out[cid] = next;
  }
  return out;
}

/**
 * The matrix's structured fields. `{}` parses to an empty matrix; unknown keys
 * are kept (a newer version's field survives); a rating that does not belong
 * to the matrix's scale (a hand edit) is converted to it, so the editor and
 * the scoring always see one scale.
 */
export const MatrixFieldsSchema = MatrixObjectSchema.loose().transform((f) => ({ ...f, ratings: ratingsOnScale(f.ratings, f.scale) }));

/** The marks the playbook prints for the three-level scale. */
export const RATING_MARKS: Record<WordRating, string> = { good: '✅', partial: '⚠️', poor: '❌' };

/** The labels a person sees for each rating of a scale, best first. */
export function scaleRatings(scale: MatrixScale): readonly { value: Rating; label: string }[] {
  return scale === 'good-partial-poor'
    ? [
        { value: 'good', label: 'Good' },
        { value: 'partial', label: 'Partial' },
        { value: 'poor', label: 'Poor' },
      ]
    : [
        { value: 5, label: '5' },
        { value: 4, label: '4' },
        { value: 3, label: '3' },
        { value: 2, label: '2' },
        { value: 1, label: '1' },
      ];
}

export const SCALE_LABELS: Record<MatrixScale, string> = {
  'good-partial-poor': 'Good / partial / poor',
  'one-to-five': '1 to 5',
};
