import { describe, expect, it } from 'vitest';
import { LatestOnly } from '../../../../src/renderer/api/latestOnly';

// The stale-answer guard behind useQuery: answers arrive in any order, and
// only the one to the latest request is applied.
describe('LatestOnly', () => {
  it('applies only the answer to the latest request, whatever order they arrive in', async () => {
    const latest = new LatestOnly();
    const shown: string[] = [];
    const ask = (answer: string, ms: number) => {
      const token = latest.begin();
      return new Promise<void>((r) => setTimeout(r, ms)).then(() => {
        if (latest.isLatest(token)) shown.push(answer);
      });
    };
    // The first identity's dashboard is slow; the switch to the second asks again and answers first.
    await Promise.all([ask('dashboard for Ada', 30), ask('dashboard for Grace', 5)]);
    expect(shown).toEqual(['dashboard for Grace']);
  });

  it('drops every answer once the view is gone', () => {
    const latest = new LatestOnly();
    const token = latest.begin();
    latest.drop();
    expect(latest.isLatest(token)).toBe(false);
    expect(latest.isLatest(latest.begin())).toBe(true);
  });
});
