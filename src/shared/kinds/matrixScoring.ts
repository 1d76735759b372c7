import { DEFAULT_CLOSE_CALL_MARGIN, type Criterion, type MatrixFields, type Rating } from './matrix';

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

/** The largest tier a row of one currency sign can name ("$$$$$$$$$$"). */
const MAX_TIER = 10;
const TIER_RE = /^([$€£¥])\1*$/u;
/** An optional currency sign, a number (thousands grouped by "," "_" or a space), an optional unit: "$1,200", "120 ms", "4.5". */
const NUMBER_RE = /^[$€£¥]?\s?(\d{1,3}(?:[,_ ]\d{3})+|\d+)(\.\d+)?\s?[\p{L}%/]{0,12}$/u;

/**
 * Reads a raw value of a value criterion as a number, or null when it is not
 * one: a price tier ("$" to "$$$$$$$$$$", also in €, £ or ¥) is its count of
 * signs; otherwise a number at least 0 with an optional currency sign before
 * and a unit after ("$1,200" is 1200, "120 ms" is 120). Bounded input (the
 * schema caps a value at 40 characters) and anchored patterns.
 */
export function parseMatrixValue(text: string | null | undefined): number | null {
  if (typeof text !== 'string') return null;
  const t = text.trim();
  if (t === '' || t.length > 40) return null;
  if (TIER_RE.test(t)) {
    const n = [...t].length;
    return n <= MAX_TIER ? n : null;
  }
  const m = NUMBER_RE.exec(t);
  if (!m) return null;
  const v = Number(m[1]!.replace(/[,_ ]/g, '') + (m[2] ?? ''));
  return Number.isFinite(v) ? v : null;
}

/** What a criterion's cells are worth, 0..1 per option id, null for an empty (or unreadable) cell. */
export type CriterionCellScores = Record<string, number | null>;

/**
 * Each option's cell on one criterion as a number from 0 to 1. A rating
 * criterion uses ratingValue. A value criterion compares each value to the
 * best one of the row (best/value ratio): lower is better scores min / v, so
 * "$$" against "$$$" is 1 against 0.67 and 100 ms against 150 ms is 1
 * against 0.67; higher is better scores v / max. Zero: the lowest value 0
 * scores 1 and makes every larger value 0; a row of zeros where higher is
 * better scores 0 everywhere.
 */
export function criterionCellScores(fields: Pick<MatrixFields, 'options' | 'ratings'>, criterion: Pick<Criterion, 'id' | 'scoring'>): CriterionCellScores {
  const row = fields.ratings[criterion.id] ?? {};
  const out: CriterionCellScores = {};
  const scoring = criterion.scoring ?? 'rating';
  if (scoring === 'rating') {
    for (const o of fields.options) out[o.id] = ratingValue(row[o.id]?.rating);
    return out;
  }
  const values = fields.options.map((o) => parseMatrixValue(row[o.id]?.value));
  const present = values.filter((v): v is number => v !== null);
  const min = present.length ? Math.min(...present) : 0;
  const max = present.length ? Math.max(...present) : 0;
  fields.options.forEach((o, i) => {
    const v = values[i];
    if (v === null || v === undefined) out[o.id] = null;
    else if (scoring === 'lower-is-better') out[o.id] = v === 0 ? 1 : min / v;
    else out[o.id] = max === 0 ? 0 : v / max;
  });
  return out;
}

/** criterionCellScores for every criterion, by criterion id. */
export function cellScores(fields: Pick<MatrixFields, 'criteria' | 'options' | 'ratings'>): Record<string, CriterionCellScores> {
  const out: Record<string, CriterionCellScores> = {};
  for (const c of fields.criteria) out[c.id] = criterionCellScores(fields, c);
  return out;
}

/**
 * Scores every option of a matrix: the weighted total, how many of its cells
 * are rated, its rank (ties share a rank) and whether it leads. Pure and total:
 * any input gives finite numbers, never NaN. Empty cells count as 0 and are
 * reported, so "leading" with half the cells empty is visible as such.
 */
export function scoreMatrix(fields: Pick<MatrixFields, 'criteria' | 'options' | 'ratings'>): MatrixScore {
  const { weights, weighting } = normaliseWeights(fields.criteria);
  const cells = cellScores(fields);
  let ratedCells = 0;
  const partial = fields.options.map((o) => {
    let sum = 0;
    let rated = 0;
    for (const c of fields.criteria) {
      const v = cells[c.id]![o.id];
      if (v === null || v === undefined) continue;
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

/** The one weight change that would end the leader's first place soonest. */
export interface WeightFlip {
  criterionId: string;
  /** 'rises': above `threshold` another option leads; 'falls': below it. At `threshold` itself the two tie. */
  direction: 'rises' | 'falls';
  threshold: number;
  /** The option that takes first place past the threshold. */
  overtakerId: string;
}

export interface Sensitivity {
  leaderId: string;
  /** null: no weight of a single criterion, anywhere from 0 to the largest weight allowed, changes the first place. */
  flip: WeightFlip | null;
}

/**
 * How fragile the first place is: of all changes of ONE criterion's weight
 * (others kept), the smallest that lets another option reach the leader.
 * Totals are weighted means, so the leader A stays ahead of B exactly while
 * sum_c w_c (a_c - b_c) > 0; moving weight i to x changes that sum by
 * (x - w_i) (a_i - b_i), a straight line, so the crossing is
 * x = w_i - D / (a_i - b_i). Crossings below 0 or at or above `maxWeight`
 * cannot be reached. Only for a sole leader of a matrix with weights set
 * (null otherwise: a tie has no single first place; all weights 0 means
 * equal weighting, which any one weight would end).
 */
export function sensitivity(fields: Pick<MatrixFields, 'criteria' | 'options' | 'ratings'>, maxWeight = 1000): Sensitivity | null {
  const score = scoreMatrix(fields);
  if (score.leaders.length !== 1 || score.weighting !== 'weighted') return null;
  const leaderId = score.leaders[0]!;
  const cells = cellScores(fields);
  const weightOf = (c: Criterion): number => (Number.isFinite(c.weight) && c.weight > 0 ? c.weight : 0);
  const at = (cid: string, oid: string): number => cells[cid]![oid] ?? 0;
  // Several rivals can draw level at the same weight; past it, the one that
  // gains fastest on the leader (the largest |d|) is the one that leads.
  let best: (WeightFlip & { distance: number; slope: number }) | null = null;
  for (const o of fields.options) {
    if (o.id === leaderId) continue;
    const lead = fields.criteria.reduce((sum, c) => sum + weightOf(c) * (at(c.id, leaderId) - at(c.id, o.id)), 0);
    if (!(lead > 0)) continue;
    for (const c of fields.criteria) {
      const d = at(c.id, leaderId) - at(c.id, o.id);
      if (d === 0) continue;
      const w = weightOf(c);
      const threshold = w - lead / d;
      const reachable = d < 0 ? threshold < maxWeight : threshold > 0;
      if (!reachable) continue;
      const distance = Math.abs(threshold - w);
      const direction = d < 0 ? 'rises' : 'falls';
      const slope = Math.abs(d);
      const tol = 1e-9 * Math.max(1, distance);
      const nearer = !best || distance < best.distance - tol;
      const sameCrossing = best !== null && Math.abs(distance - best.distance) <= tol && best.criterionId === c.id && best.direction === direction;
      if (nearer || (sameCrossing && slope > best!.slope)) best = { criterionId: c.id, direction, threshold, overtakerId: o.id, distance, slope };
    }
  }
  if (!best) return { leaderId, flip: null };
  const { distance: _distance, slope: _slope, ...flip } = best;
  return { leaderId, flip };
}

/** A weight for a sentence: at most two decimals, no trailing zeros ("4.5", "7", "0.57"). */
export function formatWeight(w: number): string {
  return String(Math.round(w * 100) / 100);
}

/**
 * The sensitivity as a sentence a reader takes in at once: "PostgreSQL stays
 * first unless Scale's weight rises above 7 (now 2); then MongoDB leads."
 */
export function sensitivitySentence(s: Sensitivity, criterionName: (id: string) => string, optionName: (id: string) => string, weightNow: (id: string) => number): string {
  const leader = optionName(s.leaderId);
  if (!s.flip) return `${leader} stays first whatever weight any one criterion is given: no single weight change can change the first place.`;
  const f = s.flip;
  return `${leader} stays first unless ${criterionName(f.criterionId)}’s weight ${f.direction} ${f.direction === 'rises' ? 'above' : 'below'} ${formatWeight(f.threshold)} (now ${formatWeight(weightNow(f.criterionId))}); then ${optionName(f.overtakerId)} leads.`;
}

/** The top two and the gap between them, when it is within the margin (percentage points); null when it is not a close call. */
export function closeCall(score: MatrixScore, margin: number | undefined): { firstId: string; secondId: string; gapPoints: number; margin: number } | null {
  const m = margin ?? DEFAULT_CLOSE_CALL_MARGIN;
  const [first, second] = score.ranking;
  if (!first || !second || score.ratedCells === 0 || !(m > 0)) return null;
  const gapPoints = Math.round((first.total - second.total) * 1000) / 10;
  return gapPoints <= m ? { firstId: first.optionId, secondId: second.optionId, gapPoints, margin: m } : null;
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
