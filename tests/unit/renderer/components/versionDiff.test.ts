import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffFields, diffTexts, type InlineBlock, type SideRow } from '../../../../src/renderer/components/versionDiff';

function inlineText(blocks: InlineBlock[], keep: 'older' | 'newer'): string {
  return blocks
    .map((b) => (b.type === 'skip' ? `[${b.lines}]\n` : b.segs.filter((s) => s.change === 'same' || s.change === (keep === 'older' ? 'removed' : 'added')).map((s) => s.text).join('')))
    .join('');
}

function side(rows: SideRow[], which: 'left' | 'right'): string[] {
  return rows.flatMap((r) => (r.type === 'skip' ? [`[${r.lines}]`] : r[which] ? [r[which]!.segs.map((s) => s.text).join('')] : []));
}

describe('diffTexts', () => {
  it('says two equal texts are identical', () => {
    const d = diffTexts('a\nb\n', 'a\nb\n');
    expect(d).toMatchObject({ identical: true, addedLines: 0, removedLines: 0, approximate: false });
  });

  it('shows equal texts from their first line, collapsing only past the context', () => {
    expect(inlineText(diffTexts('\nb', '\nb', 3).inline, 'newer')).toBe('\nb\n');
    const long = Array.from({ length: 10 }, (_, i) => `line ${i + 1}`).join('\n');
    expect(side(diffTexts(long, long, 3).sideBySide, 'left')).toEqual(['line 1', 'line 2', 'line 3', '[7]']);
  });

  it('marks a changed word inside a changed line, inline and side by side', () => {
    const d = diffTexts('## Summary\n\nOriginal plan.\n', '## Summary\n\nA different plan.\n');
    expect(d).toMatchObject({ identical: false, addedLines: 1, removedLines: 1 });
    const changed = d.inline.flatMap((b) => (b.type === 'text' ? b.segs : [])).filter((s) => s.change !== 'same');
    expect(changed.map((s) => [s.change, s.text.trim()])).toEqual([
      ['removed', 'Original'],
      ['added', 'A different'],
    ]);
    const row = d.sideBySide.find((r) => r.type === 'line' && r.left?.change === 'removed');
    expect(row).toMatchObject({ left: { n: 3, change: 'removed' }, right: { n: 3, change: 'added' } });
  });

  it('rebuilds each side from the inline view', () => {
    const older = 'one\ntwo\nthree\nfour\n';
    const newer = 'one\n2\nthree\nfour\nfive\n';
    const d = diffTexts(older, newer, 10);
    expect(inlineText(d.inline, 'older')).toBe(older);
    expect(inlineText(d.inline, 'newer')).toBe(newer);
    expect(side(d.sideBySide, 'left')).toEqual(['one', 'two', 'three', 'four']);
    expect(side(d.sideBySide, 'right')).toEqual(['one', '2', 'three', 'four', 'five']);
  });

  it('always rebuilds both texts from the inline view and from each side (property)', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c d', 'x y z', '', '  ', 'plan.'), { maxLength: 12 }).map((ls) => ls.join('\n'));
    fc.assert(
      fc.property(text, text, (older, newer) => {
        const d = diffTexts(older, newer, 1000);
        const lines = (t: string): string[] => (t === '' ? [] : (t.endsWith('\n') ? t.slice(0, -1) : t).split('\n'));
        expect(inlineText(d.inline, 'older').replace(/\n$/, '')).toBe(older.replace(/\n$/, ''));
        expect(inlineText(d.inline, 'newer').replace(/\n$/, '')).toBe(newer.replace(/\n$/, ''));
        expect(side(d.sideBySide, 'left')).toEqual(lines(older));
        expect(side(d.sideBySide, 'right')).toEqual(lines(newer));
        expect(d.identical).toBe(older === newer);
      }),
      { numRuns: 300 },
    );
  });

  it('collapses long unchanged stretches, keeping context around changes', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`);
    const newer = [...lines];
    newer[20] = 'changed';
    const d = diffTexts(lines.join('\n') + '\n', newer.join('\n') + '\n', 3);
    expect(d.inline.filter((b) => b.type === 'skip')).toEqual([
      { type: 'skip', lines: 17 },
      { type: 'skip', lines: 16 },
    ]);
    const right = d.sideBySide.filter((r) => r.type === 'line').map((r) => (r.type === 'line' ? r.right?.n : 0));
    expect(right).toEqual([18, 19, 20, 21, 22, 23, 24]);
  });

  it('pairs unequal numbers of removed and added lines', () => {
    const d = diffTexts('a\nb\nc\n', 'a\nX\n');
    expect(side(d.sideBySide, 'left')).toEqual(['a', 'b', 'c']);
    expect(side(d.sideBySide, 'right')).toEqual(['a', 'X']);
    expect(d.sideBySide.at(-1)).toMatchObject({ type: 'line', right: null, left: { change: 'removed' } });
  });
});

describe('diffFields', () => {
  it('lists changed fields readably', () => {
    expect(diffFields({ reviewers: ['Lin', 'Bo'], author: 'Ada', same: 1 }, { reviewers: [], author: 'Ada', same: 1, severity: 'SEV-2' })).toEqual([
      { key: 'reviewers', before: 'Lin, Bo', after: '—' },
      { key: 'severity', before: '—', after: 'SEV-2' },
    ]);
  });
});
