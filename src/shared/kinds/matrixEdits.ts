import { ratingsOnScale, type Criterion, type CriterionScoring, type MatrixFields, type MatrixScale, type RatingCell } from './matrix';

/*
 * The edits a person makes to a matrix, as pure functions from fields to
 * fields. The editor calls them; keeping them here makes the bookkeeping
 * (a removed criterion takes its ratings with it, an emptied cell disappears
 * from the file) testable without a browser.
 */

type Fields = MatrixFields;

function moveItem<T extends { id: string }>(items: readonly T[], id: string, delta: number): T[] {
  const from = items.findIndex((i) => i.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** Appends a criterion with weight 1 (so a new row counts as much as a default one). */
export function addCriterion(f: Fields, id: string, name = ''): Fields {
  return { ...f, criteria: [...f.criteria, { id, name, weight: 1 }] };
}

export function renameCriterion(f: Fields, id: string, name: string): Fields {
  return { ...f, criteria: f.criteria.map((c) => (c.id === id ? { ...c, name } : c)) };
}

export function setWeight(f: Fields, id: string, weight: number): Fields {
  return { ...f, criteria: f.criteria.map((c) => (c.id === id ? { ...c, weight } : c)) };
}

/** Moves a criterion up (-1) or down (+1); a move past either end changes nothing. */
export function moveCriterion(f: Fields, id: string, delta: number): Fields {
  return { ...f, criteria: moveItem(f.criteria, id, delta) };
}

/** Removes a criterion and its row of ratings. */
export function removeCriterion(f: Fields, id: string): Fields {
  const ratings = { ...f.ratings };
  delete ratings[id];
  return { ...f, criteria: f.criteria.filter((c) => c.id !== id), ratings };
}

export function addOption(f: Fields, id: string, name = ''): Fields {
  return { ...f, options: [...f.options, { id, name }] };
}

export function renameOption(f: Fields, id: string, name: string): Fields {
  return { ...f, options: f.options.map((o) => (o.id === id ? { ...o, name } : o)) };
}

/** Moves an option left (-1) or right (+1). */
export function moveOption(f: Fields, id: string, delta: number): Fields {
  return { ...f, options: moveItem(f.options, id, delta) };
}

/** Removes an option and its column of ratings. */
export function removeOption(f: Fields, id: string): Fields {
  const ratings: Fields['ratings'] = {};
  for (const [cid, row] of Object.entries(f.ratings)) {
    const next = { ...row };
    delete next[id];
    if (Object.keys(next).length) ratings[cid] = next;
  }
  return { ...f, options: f.options.filter((o) => o.id !== id), ratings };
}

/** The cell of a criterion and option; an absent cell is empty. */
export function cellOf(f: Fields, criterionId: string, optionId: string): RatingCell {
  return f.ratings[criterionId]?.[optionId] ?? { rating: null, note: '' };
}

/** Changes a cell's rating, value and/or note; a cell left with none is dropped, so the file only lists real ratings. */
export function setCell(f: Fields, criterionId: string, optionId: string, patch: Partial<RatingCell>): Fields {
  const cell: RatingCell = { ...cellOf(f, criterionId, optionId), ...patch };
  if (cell.value === '' || cell.value === undefined) delete cell.value;
  const row = { ...f.ratings[criterionId] };
  if (cell.rating === null && cell.note === '' && cell.value === undefined) delete row[optionId];
  else row[optionId] = cell;
  const ratings = { ...f.ratings, [criterionId]: row };
  if (Object.keys(row).length === 0) delete ratings[criterionId];
  return { ...f, ratings };
}

/** Switches the scale and converts every rating to it (good = 5, partial = 3, poor = 1 and back). */
export function setScale(f: Fields, scale: MatrixScale): Fields {
  return { ...f, scale, ratings: ratingsOnScale(f.ratings, scale) };
}

/**
 * How a criterion is judged: by rating, or by raw values where lower or higher
 * is better. The cells keep both a rating and a value, so switching back and
 * forth loses nothing; the scoring reads the one the criterion uses. 'rating'
 * is stored as no key at all, as files written before value criteria have it.
 */
export function setCriterionScoring(f: Fields, id: string, scoring: CriterionScoring): Fields {
  return {
    ...f,
    criteria: f.criteria.map((c) => {
      if (c.id !== id) return c;
      const next: Criterion = { ...c, scoring };
      if (scoring === 'rating') delete next.scoring;
      return next;
    }),
  };
}

/** The close-call margin in percentage points (0 turns the mark off). */
export function setCloseCallMargin(f: Fields, margin: number): Fields {
  return { ...f, closeCallMargin: margin };
}

/** How many cells of a criterion (row) or option (column) hold a rating or a note: what a removal would lose. */
export function filledCells(f: Fields, which: { criterionId: string } | { optionId: string }): number {
  const filled = (c: RatingCell | undefined): boolean => !!c && (c.rating !== null || c.note !== '' || !!c.value);
  if ('criterionId' in which) {
    const row = f.ratings[which.criterionId] ?? {};
    return f.options.filter((o) => filled(row[o.id])).length;
  }
  return f.criteria.filter((c) => filled(f.ratings[c.id]?.[which.optionId])).length;
}
