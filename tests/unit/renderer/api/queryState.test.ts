import { describe, expect, it } from 'vitest';
import { asking, settingData, type QueryState } from '../../../../src/renderer/api/useQuery';

// The state steps of useQuery (ADR 0034) beside LatestOnly: what a view shows
// when it asks again, asks for something else, or applies its own change.
const shown = (key: string, data: string[]): QueryState<string[]> => ({ key, data, error: null, loading: false });

describe('asking', () => {
  it('keeps the answer of the same key visible while asking again (a new stamp, a reload)', () => {
    const s = asking({ ...shown('reviews:get:doc-1:Ada', ['v1']), error: 'offline' }, 'reviews:get:doc-1:Ada');
    expect(s).toEqual({ key: 'reviews:get:doc-1:Ada', data: ['v1'], error: null, loading: false });
  });

  it('never shows the answer of another key as this one', () => {
    expect(asking(shown('reviews:get:doc-1:Ada', ['v1']), 'reviews:get:doc-2:Ada')).toEqual({ key: 'reviews:get:doc-2:Ada', data: undefined, error: null, loading: true });
  });

  it('is loading for the same key until a first answer arrived', () => {
    expect(asking({ key: 'k', data: undefined, error: 'failed', loading: false }, 'k').loading).toBe(true);
  });
});

describe('settingData', () => {
  it("shows the view's own change for the key it was made for, clearing an error", () => {
    const s = settingData({ ...shown('trash:list', ['a', 'b']), error: 'old' }, 'trash:list', (prev) => (prev ?? []).filter((x) => x !== 'a'));
    expect(s).toEqual({ key: 'trash:list', data: ['b'], error: null, loading: false });
    expect(settingData(shown('trash:list', ['a']), 'trash:list', ['c']).data).toEqual(['c']);
  });

  it('leaves a state that shows another key alone (the answer of a change made for the previous document)', () => {
    const before = shown('reviews:get:doc-2:Ada', ['doc 2']);
    expect(settingData(before, 'reviews:get:doc-1:Ada', ['doc 1 after the verdict'])).toBe(before);
    expect(settingData(before, null, ['anything'])).toBe(before);
  });
});
