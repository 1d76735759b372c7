import type { MatrixFields, Rating } from './matrix';

/** The score of one option. */
export interface OptionScore {
  optionId: string;
  /** Weighted total from 0 (poor everywhere) to 1 (best rating on every criterion that has weight). */
  total: number;
  /** Cells of this option that hold a rating, and cells that do not (they count as 0). */
  rated: number;
  empty: number;
  /** Competition ranking: equal totals share a rank and the next rank is skipped (1, 1, 3). */
  rank: number;
  /** True when another option has the same total. */
  tied: boolean;
  /** Ranked first in a matrix that holds at least one rating. */
  leader: boolean;
}

/**
 * How the weights were read: as given, or as equal because every weight is 0
 * (a matrix whose weights are not set yet still ranks its options).
 */
export type Weighting = 'weighted' | 'equal-all-zero' | 'no-criteria';

export interface MatrixScore {
  /** One per option, in the matrix's option order. */
  options: OptionScore[];
  /** The same scores, best first (ties in option order). */
  ranking: OptionScore[];
  /** Normalised weight per criterion id; they sum to 1 when there is a criterion. */
  weights: Record<string, number>;
  weighting: Weighting;
  ratedCells: number;
  emptyCells: number;
  /** Option ids ranked first; empty while nothing is rated. */
  leaders: string[];
}

/** Totals are compared at this precision, so float noise (0.1 + 0.2) never breaks a tie. */
const PRECISION = 1e9;

/** A rating as a number from 0 to 1: good 1, partial 0.5, poor 0; 1-5 as (v - 1) / 4. Anything else is "not rated". */
export function ratingValue(rating: Rating | null | undefined): number | null {
  switch (rating) {
    case 'good':
      return 1;
    case 'partial':
      return 0.5;
    case 'poor':
      return 0;
    case 1:
    case 2:
    case 3:
    case 4:
    case 5:
      return (rating - 1) / 4;
    default:
      return null;
  }
}

/**
 * Weights scaled to sum to 1. A negative, NaN or infinite weight counts as 0;
 * dividing by the largest weight first keeps huge weights from overflowing;
 * when every weight is 0 the criteria count equally.
 */
export function normaliseWeights(criteria: MatrixFields['criteria']): { weights: Record<string, number>; weighting: Weighting } {
  if (criteria.length === 0) return { weights: {}, weighting: 'no-criteria' };
  const clean = criteria.map((c) => (Number.isFinite(c.weight) && c.weight > 0 ? c.weight : 0));
  const max = Math.max(...clean);
  const weights: Record<string, number> = {};
  if (max === 0) {
    for (const c of criteria) weights[c.id] = 1 / criteria.length;
    return { weights, weighting: 'equal-all-zero' };
  }
  const scaled = clean.map((w) => w / max);
  const sum = scaled.reduce((a, b) => a + b, 0);
  criteria.forEach((c, i) => {
    weights[c.id] = scaled[i]! / sum;
  });
  return { weights, weighting: 'weighted' };
}

/**
 * Scores every option of a matrix: the weighted total, how many of its cells
 * are rated, its rank (ties share a rank) and whether it leads. Pure and total:
 * any input gives finite numbers, never NaN. Empty cells count as 0 and are
 * reported, so "leading" with half the cells empty is visible as such.
 */
export function scoreMatrix(fields: Pick<MatrixFields, 'criteria' | 'options' | 'ratings'>): MatrixScore {
  const { weights, weighting } = normaliseWeights(fields.criteria);
  let ratedCells = 0;
  const partial = fields.options.map((o) => {
    let sum = 0;
    let rated = 0;
    for (const c of fields.criteria) {
      const v = ratingValue(fields.ratings[c.id]?.[o.id]?.rating);
      if (v === null) continue;
      rated++;
      sum += weights[c.id]! * v;
    }
    ratedCells += rated;
    const total = Math.round(Math.min(1, Math.max(0, sum)) * PRECISION) / PRECISION;
    return { optionId: o.id, total, rated, empty: fields.criteria.length - rated };
  });
  const options: OptionScore[] = partial.map((p) => {
    const better = partial.filter((q) => q.total > p.total).length;
    const same = partial.filter((q) => q.total === p.total).length;
    return { ...p, rank: better + 1, tied: same > 1, leader: ratedCells > 0 && better === 0 };
  });
  const ranking = options
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.rank - b.s.rank || a.i - b.i)
    .map(({ s }) => s);
  return {
    options,
    ranking,
    weights,
    weighting,
    ratedCells,
    emptyCells: fields.options.length * fields.criteria.length - ratedCells,
    leaders: options.filter((s) => s.leader).map((s) => s.optionId),
  };
}

/** A total as a percentage with at most one decimal: "72.5%", "100%". */
export function formatPercent(total: number): string {
  const v = Math.round(total * 1000) / 10;
  return `${Number.isFinite(v) ? v : 0}%`;
}

/** "1st", "2nd", "tied 3rd", "11th". */
export function formatRank(rank: number, tied: boolean): string {
  const mod100 = rank % 100;
  const mod10 = rank % 10;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : mod10 === 1 ? 'st' : mod10 === 2 ? 'nd' : mod10 === 3 ? 'rd' : 'th';
  return `${tied ? 'tied ' : ''}${rank}${suffix}`;
}
