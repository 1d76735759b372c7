import { describe, expect, it } from 'vitest';
import type { HastElement, HastNode, HastText } from '../../../../src/shared/markdown/hast';
import { rehypeSourceMarks, type MarkRange } from '../../../../src/renderer/markdown/rehypeSourceMarks';

const SOURCE = 'Intro **bold** text.\n';
/** The tree remark-rehype makes of SOURCE, with the source positions it carries. */
function tree(): HastNode {
  const t = (value: string, start: number, end: number): HastText => ({ type: 'text', value, position: { start: { line: 1, column: start + 1, offset: start }, end: { line: 1, column: end + 1, offset: end } } });
  return {
    type: 'root',
    children: [{ type: 'element', tagName: 'p', properties: {}, children: [t('Intro ', 0, 6), { type: 'element', tagName: 'strong', properties: {}, children: [t('bold', 8, 12)] }, t(' text.', 14, 20)] }],
  };
}

const pieces = (n: HastNode): HastElement[] =>
  n.type === 'element' && ('dataO' in (n as HastElement).properties) ? [n as HastElement] : 'children' in n && n.children ? n.children.flatMap(pieces) : [];
const textOf = (e: HastElement): string => (e.children[0] as HastText).value;

describe('rehypeSourceMarks', () => {
  it('wraps each rendered text with where it starts in the source', () => {
    const root = tree();
    rehypeSourceMarks({ source: SOURCE, ranges: [] })(root);
    expect(pieces(root).map((p) => [textOf(p), p.properties.dataO])).toEqual([
      ['Intro ', 0],
      ['bold', 8],
      [' text.', 14],
    ]);
    // Concatenated, the pieces are the rendered text unchanged.
    expect(pieces(root).map(textOf).join('')).toBe('Intro bold text.');
  });

  it('marks a passage that spans formatting, piece by piece; only its first piece is focusable', () => {
    const root = tree();
    const range: MarkRange = { start: 3, end: 17, id: 'T1', kind: 'comment', label: 'Comment by Grace' };
    rehypeSourceMarks({ source: SOURCE, ranges: [range] })(root);
    const marks = pieces(root).filter((p) => p.tagName === 'mark');
    expect(marks.map(textOf)).toEqual(['ro ', 'bold', ' te']);
    expect(marks.map((m) => m.properties.dataMark)).toEqual(['T1', 'T1', 'T1']);
    expect(marks.map((m) => m.properties.tabIndex)).toEqual([0, undefined, undefined]);
    expect(marks[0]!.properties.ariaLabel).toBe('ro  (Comment by Grace)');
  });

  it('places a suggestion card after the paragraph that holds its passage, never inside the sentence', () => {
    const root = tree();
    rehypeSourceMarks({ source: SOURCE, ranges: [{ start: 8, end: 12, id: 'S1', kind: 'suggestion', label: 'Suggestion' }], cards: new Set(['S1']) })(root);
    const top = (root as { children: HastNode[] }).children as HastElement[];
    expect(top.map((c) => c.tagName)).toEqual(['p', 'ddsuggestion']);
    expect(top[1]!.properties.dataSuggestion).toBe('S1');
    expect(JSON.stringify(top[0])).not.toContain('ddsuggestion');
  });

  it('places it at the end of the list item its passage is in', () => {
    const t: HastText = { type: 'text', value: 'item', position: { start: { line: 1, column: 3, offset: 2 }, end: { line: 1, column: 7, offset: 6 } } };
    const root: HastNode = { type: 'root', children: [{ type: 'element', tagName: 'ul', properties: {}, children: [{ type: 'element', tagName: 'li', properties: {}, children: [t] }] }] };
    rehypeSourceMarks({ source: '- item\n', ranges: [{ start: 2, end: 6, id: 'S2', kind: 'suggestion', label: 's' }], cards: new Set(['S2']) })(root);
    const li = ((root as { children: HastElement[] }).children[0]!.children[0] as HastElement);
    expect(li.children.map((c) => (c as HastElement).tagName)).toEqual(['mark', 'ddsuggestion']);
  });

  it('keeps a text that differs from its source whole, spanning its source range', () => {
    const root: HastNode = { type: 'root', children: [{ type: 'text', value: 'a*b', position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 5, offset: 4 } } }] };
    rehypeSourceMarks({ source: 'a\\*b', ranges: [{ start: 1, end: 3, id: 'T', kind: 'comment', label: 'c' }] })(root);
    expect(pieces(root).map((p) => [p.tagName, textOf(p), p.properties.dataO, p.properties.dataE])).toEqual([['mark', 'a*b', 0, 4]]);
  });
});
