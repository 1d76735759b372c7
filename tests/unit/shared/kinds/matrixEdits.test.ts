import { describe, expect, it } from 'vitest';
import { MatrixFieldsSchema, type MatrixFields } from '../../../../src/shared/kinds/matrix';
import {
  addCriterion,
  addOption,
  cellOf,
  filledCells,
  moveCriterion,
  moveOption,
  removeCriterion,
  removeOption,
  renameCriterion,
  renameOption,
  setCell,
  setScale,
  setWeight,
} from '../../../../src/shared/kinds/matrixEdits';

function base(): MatrixFields {
  let f = MatrixFieldsSchema.parse({});
  f = addCriterion(f, 'c1', 'Latency');
  f = addCriterion(f, 'c2', 'Cost');
  f = addOption(f, 'o1', 'Postgres');
  f = addOption(f, 'o2', 'SQLite');
  f = setCell(f, 'c1', 'o1', { rating: 'good', note: 'v4+' });
  f = setCell(f, 'c2', 'o1', { rating: 'poor' });
  f = setCell(f, 'c2', 'o2', { note: '$$' });
  return f;
}

describe('matrix edits', () => {
  it('adds criteria with weight 1 and options, and the result still parses', () => {
    const f = base();
    expect(f.criteria).toEqual([
      { id: 'c1', name: 'Latency', weight: 1 },
      { id: 'c2', name: 'Cost', weight: 1 },
    ]);
    expect(f.options.map((o) => o.name)).toEqual(['Postgres', 'SQLite']);
    expect(MatrixFieldsSchema.parse(f)).toEqual(f);
  });

  it('renames and re-weights one criterion or option only', () => {
    let f = renameCriterion(base(), 'c2', 'Licence cost');
    f = setWeight(f, 'c2', 4);
    f = renameOption(f, 'o2', 'SQLite 3');
    expect(f.criteria).toEqual([
      { id: 'c1', name: 'Latency', weight: 1 },
      { id: 'c2', name: 'Licence cost', weight: 4 },
    ]);
    expect(f.options[1]).toEqual({ id: 'o2', name: 'SQLite 3' });
  });

  it('reorders, and a move past either end changes nothing', () => {
    const f = base();
    expect(moveCriterion(f, 'c2', -1).criteria.map((c) => c.id)).toEqual(['c2', 'c1']);
    expect(moveCriterion(f, 'c1', -1).criteria.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(moveCriterion(f, 'c2', 1).criteria.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(moveOption(f, 'o1', 1).options.map((o) => o.id)).toEqual(['o2', 'o1']);
    expect(moveOption(f, 'missing', 1).options.map((o) => o.id)).toEqual(['o1', 'o2']);
    // Ratings follow their criterion and option, not their position.
    expect(cellOf(moveOption(moveCriterion(f, 'c2', -1), 'o1', 1), 'c1', 'o1')).toEqual({ rating: 'good', note: 'v4+' });
  });

  it('removes a criterion with its row of ratings', () => {
    const f = removeCriterion(base(), 'c1');
    expect(f.criteria.map((c) => c.id)).toEqual(['c2']);
    expect(f.ratings).toEqual({ c2: { o1: { rating: 'poor', note: '' }, o2: { rating: null, note: '$$' } } });
  });

  it('removes an option with its column of ratings', () => {
    const f = removeOption(base(), 'o1');
    expect(f.options.map((o) => o.id)).toEqual(['o2']);
    expect(f.ratings).toEqual({ c2: { o2: { rating: null, note: '$$' } } });
  });

  it('keeps a note without a rating, and drops a cell once both are cleared', () => {
    let f = base();
    expect(cellOf(f, 'c2', 'o2')).toEqual({ rating: null, note: '$$' });
    f = setCell(f, 'c2', 'o2', { note: '' });
    expect(f.ratings.c2).toEqual({ o1: { rating: 'poor', note: '' } });
    f = setCell(f, 'c2', 'o1', { rating: null });
    expect(f.ratings.c2).toBeUndefined();
    expect(cellOf(f, 'c2', 'o1')).toEqual({ rating: null, note: '' });
  });

  it('converts every rating when the scale changes', () => {
    const f = setScale(base(), 'one-to-five');
    expect(f.scale).toBe('one-to-five');
    expect(cellOf(f, 'c1', 'o1')).toEqual({ rating: 5, note: 'v4+' });
    expect(cellOf(f, 'c2', 'o1').rating).toBe(1);
    expect(cellOf(setScale(f, 'good-partial-poor'), 'c1', 'o1').rating).toBe('good');
  });

  it('counts what a removal would lose', () => {
    const f = base();
    expect(filledCells(f, { criterionId: 'c1' })).toBe(1);
    expect(filledCells(f, { criterionId: 'c2' })).toBe(2);
    expect(filledCells(f, { optionId: 'o1' })).toBe(2);
    expect(filledCells(f, { optionId: 'o2' })).toBe(1);
    expect(filledCells(addOption(f, 'o3'), { optionId: 'o3' })).toBe(0);
  });

  it('never mutates its input', () => {
    const f = base();
    const snapshot = structuredClone(f);
    removeOption(f, 'o1');
    removeCriterion(f, 'c1');
    setCell(f, 'c1', 'o1', { rating: null, note: '' });
    moveCriterion(f, 'c2', -1);
    setScale(f, 'one-to-five');
    expect(f).toEqual(snapshot);
  });
});
