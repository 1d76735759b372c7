import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdsCommit } from '../../../../src/main/sync/syncAnchor';

/** A history as child -> parents; a commit not in it is "not here". */
const reader = (graph: Record<string, string[]>) => async (c: string): Promise<string[]> => {
  const parents = graph[c];
  if (!parents) throw new Error(`${c} is not here`);
  return parents;
};

describe('holdsCommit', () => {
  const graph = { d: ['b', 'c'], c: ['a'], b: ['a'], a: [], x: ['y'] };

  it('finds the anchor through merges, and the head itself', async () => {
    expect(await holdsCommit(reader(graph), 'd', 'a')).toBe(true);
    expect(await holdsCommit(reader(graph), 'd', 'c')).toBe(true);
    expect(await holdsCommit(reader(graph), 'a', 'a')).toBe(true);
  });

  it('says no for a commit that is not an ancestor (a reset branch, another root), or a history with a commit missing here', async () => {
    expect(await holdsCommit(reader(graph), 'b', 'c')).toBe(false);
    expect(await holdsCommit(reader(graph), 'a', 'd')).toBe(false);
    expect(await holdsCommit(reader(graph), 'x', 'a')).toBe(false);
  });

  it('ends on any graph, even one with cycles, reading each commit at most once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), { maxLength: 3 })), fc.constantFrom('a', 'b', 'c'), async (g, head) => {
        const reads = new Map<string, number>();
        const read = async (c: string): Promise<string[]> => {
          reads.set(c, (reads.get(c) ?? 0) + 1);
          return reader(g)(c);
        };
        await holdsCommit(read, head, 'zz');
        expect([...reads.values()].every((n) => n === 1)).toBe(true);
      }),
    );
  });
});
