import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replaceSectionText, sectionText, splitSections } from '../../../../src/shared/markdown/sections';
import { anchorAt, anchorFromSelection, locateAnchor, similarity } from '../../../../src/shared/reviews/anchors';
import type { Anchor } from '../../../../src/shared/reviews/schemas';

const BODY = [
  '## Summary',
  '',
  'We store documents in SQLite. SQLite runs in process and needs no server at all.',
  '',
  '## Motivation',
  '',
  'Teams work offline on planes, on trains and in basements without any network.',
  '',
].join('\n');

const slice = (body: string, loc: ReturnType<typeof locateAnchor>): string | null => (loc.state === 'found' ? body.slice(loc.start, loc.end) : null);

/** Words and punctuation, so random texts look like prose and repeat words now and then. */
const prose = fc
  .array(fc.oneof(fc.constantFrom('the', 'sync', 'SQLite', 'review', 'a', 'plan', 'is', 'fast', 'and', '.', ','), fc.string({ minLength: 1, maxLength: 6 }).filter((s) => !/[#`~\r]/.test(s))), { minLength: 3, maxLength: 60 })
  .map((w) => w.join(' '));

describe('re-anchoring by quote and context', () => {
  it('finds a passage whose lines were re-wrapped', () => {
    const a: Anchor = { section: 'Summary', quote: 'runs in process and needs no server', prefix: 'SQLite. SQLite ', suffix: ' at all.' };
    const body = BODY.replace('runs in process and needs', 'runs in process\nand  needs');
    const loc = locateAnchor(body, a);
    expect(loc).toMatchObject({ state: 'found', section: 'Summary', edited: true });
    expect(slice(body, loc)).toBe('runs in process\nand  needs no server');
  });

  it('finds a passage edited a little (a typo fixed by a teammate) between its old prefix and suffix', () => {
    const text = sectionText(splitSections(BODY)[1]!);
    const at = text.indexOf('runs in process');
    const a = anchorFromSelection('Summary', text, at, at + 'runs in process and needs no server'.length);
    const body = BODY.replace('runs in process and needs no server', 'runs in-process and needs no servers');
    const loc = locateAnchor(body, a);
    expect(loc).toMatchObject({ state: 'found', edited: true });
    expect(slice(body, loc)).toBe('runs in-process and needs no servers');
  });

  it('calls a passage rewritten beyond recognition outdated', () => {
    const text = sectionText(splitSections(BODY)[1]!);
    const at = text.indexOf('runs in process');
    const a = anchorFromSelection('Summary', text, at, at + 'runs in process and needs no server'.length);
    const body = BODY.replace('runs in process and needs no server', 'is a library we link');
    expect(locateAnchor(body, a)).toEqual({ state: 'outdated' });
  });

  it('anchorAt gives the anchor a selection in the section editor gives', () => {
    const at = BODY.indexOf('offline on planes');
    const a = anchorAt(BODY, at, at + 'offline on planes'.length);
    const text = sectionText(splitSections(BODY)[2]!);
    const t = text.indexOf('offline on planes');
    expect(a).toEqual(anchorFromSelection('Motivation', text, t, t + 'offline on planes'.length));
    expect(slice(BODY, locateAnchor(BODY, a))).toBe('offline on planes');
  });

  it('similarity is 1 for equal texts and falls with the edits', () => {
    expect(similarity('needs no server', 'needs no server')).toBe(1);
    expect(similarity('needs no server', 'needs no servers')).toBeGreaterThan(0.9);
    expect(similarity('needs no server', 'a library')).toBeLessThan(0.3);
  });
});

describe('re-anchoring properties', () => {
  it('a passage selected in a section is found where it was', () => {
    fc.assert(
      fc.property(prose, prose, fc.nat(), fc.nat(), (summary, motivation, x, y) => {
        const body = `## Summary\n\n${summary}\n\n## Motivation\n\n${motivation}\n`;
        const text = sectionText(splitSections(body)[1]!);
        const s = x % (text.length + 1);
        const e = y % (text.length + 1);
        const a = anchorFromSelection('Summary', text, s, e);
        const loc = locateAnchor(body, a);
        expect(loc.state).toBe('found');
        if (a.quote) expect(slice(body, loc)).toBe(a.quote);
      }),
    );
  });

  it('edits elsewhere in the body never lose the passage', () => {
    fc.assert(
      fc.property(prose, prose, prose, fc.nat(), fc.nat(), fc.boolean(), (summary, motivation, inserted, x, len, before) => {
        const body = `## Summary\n\n${summary}\n\n## Motivation\n\n${motivation}\n`;
        const text = sectionText(splitSections(body)[1]!);
        const s = x % text.length;
        const a = anchorFromSelection('Summary', text, s, Math.min(text.length, s + 1 + (len % 40)));
        if (!a.quote) return;
        // Another person rewrites the section around the passage, or the other section.
        const edited = before
          ? replaceSectionText(body, 1, `${inserted} ${text}`)
          : replaceSectionText(body, 2, `${motivation} ${inserted}`);
        const loc = locateAnchor(edited, a);
        expect(loc.state).toBe('found');
        expect(slice(edited, loc)).toBe(a.quote);
      }),
    );
  });

  it('ends, stays in bounds and never throws, whatever the body and the anchor', () => {
    const anyText = fc.string({ maxLength: 300, unit: fc.constantFrom('a', 'b', ' ', '\n', '#', '`', '\r', 'é', '.', '*') });
    fc.assert(
      fc.property(anyText, anyText, fc.string({ maxLength: 40 }), anyText, anyText, (body, quote, section, prefix, suffix) => {
        const loc = locateAnchor(body, { section, quote, prefix: prefix.slice(0, 200), suffix: suffix.slice(0, 200) });
        if (loc.state === 'found') {
          const n = body.replace(/\r\n?/g, '\n').length;
          expect(loc.start).toBeGreaterThanOrEqual(0);
          expect(loc.end).toBeLessThanOrEqual(n);
          expect(loc.start).toBeLessThanOrEqual(loc.end);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('anchorAt of any range gives an anchor that is found (or one on the whole section)', () => {
    fc.assert(
      fc.property(prose, prose, fc.nat(), fc.nat(), (summary, motivation, x, y) => {
        const body = `## Summary\n\n${summary}\n\n## Motivation\n\n${motivation}\n`;
        const s = x % body.length;
        const e = Math.min(body.length, s + (y % 50));
        const a = anchorAt(body, s, e);
        const loc = locateAnchor(body, a);
        expect(loc.state).toBe('found');
        if (a.quote) expect(slice(body, loc)).toBe(a.quote);
      }),
    );
  });
});
