import { describe, expect, it } from 'vitest';
import { anchorFromSelection, findQuote, locateAnchor } from '../../../../src/shared/reviews/anchors';
import { replaceSectionText, sectionText, splitSections } from '../../../../src/shared/markdown/sections';

const BODY = [
  '## Summary',
  '',
  'We store documents in SQLite. SQLite runs in process and needs no server.',
  '',
  '## Motivation',
  '',
  'Teams work offline on planes.',
  '',
  '## Detailed Design',
  '',
  'SQLite with WAL; one file per workspace.',
  '',
].join('\n');

/** The anchor a reviewer makes by selecting `quote` (its `nth` occurrence) in the textarea of section `heading`. */
function select(body: string, heading: string, quote: string, nth = 0) {
  const text = sectionText(splitSections(body).find((s) => s.heading === heading)!);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
  return anchorFromSelection(heading, text, at, at + quote.length);
}

describe('anchorFromSelection', () => {
  it('keeps the quote and some context on each side, without surrounding spaces', () => {
    const text = 'We store documents in SQLite. SQLite runs in process.';
    const a = anchorFromSelection('Summary', text, 21, 30);
    expect(a).toEqual({ section: 'Summary', quote: 'SQLite.', prefix: 'We store documents in ', suffix: ' SQLite runs in process.' });
  });

  it('an empty selection anchors to the section', () => {
    expect(anchorFromSelection('Summary', 'text', 2, 2)).toEqual({ section: 'Summary', quote: '', prefix: '', suffix: '' });
  });

  it('accepts a selection made backwards', () => {
    expect(anchorFromSelection('S', 'abc def', 7, 4).quote).toBe('def');
  });
});

describe('locateAnchor', () => {
  it('finds the passage in its section', () => {
    const a = select(BODY, 'Summary', 'needs no server');
    const loc = locateAnchor(BODY, a);
    expect(loc).toMatchObject({ state: 'found', section: 'Summary', moved: false });
    if (loc.state === 'found') expect(BODY.slice(loc.start, loc.end)).toBe('needs no server');
  });

  it('tells repeated words apart by their surroundings', () => {
    const second = select(BODY, 'Summary', 'SQLite', 1);
    const loc = locateAnchor(BODY, second);
    expect(loc.state).toBe('found');
    if (loc.state === 'found') expect(BODY.slice(loc.start - 2, loc.end + 5)).toBe('. SQLite runs');
  });

  it('survives edits of other sections', () => {
    const a = select(BODY, 'Summary', 'needs no server');
    const sections = splitSections(BODY);
    const motivation = sections.findIndex((s) => s.heading === 'Motivation');
    const edited = replaceSectionText(BODY, motivation, 'Teams work offline on planes and trains.\n\nAnd in basements.');
    const loc = locateAnchor(edited, a);
    expect(loc).toMatchObject({ state: 'found', section: 'Summary' });
    if (loc.state === 'found') expect(edited.slice(loc.start, loc.end)).toBe('needs no server');
  });

  it('survives edits elsewhere in the same section', () => {
    const a = select(BODY, 'Summary', 'needs no server');
    const edited = BODY.replace('We store documents in SQLite.', 'We keep every document in SQLite, as before.');
    expect(locateAnchor(edited, a).state).toBe('found');
  });

  it('is outdated, not lost, when the passage itself was edited away', () => {
    const a = select(BODY, 'Summary', 'needs no server');
    expect(locateAnchor(BODY.replace('needs no server', 'needs nothing else'), a)).toEqual({ state: 'outdated' });
  });

  it('follows a passage whose heading was renamed', () => {
    const a = select(BODY, 'Motivation', 'offline on planes');
    const loc = locateAnchor(BODY.replace('## Motivation', '## Why'), a);
    expect(loc).toMatchObject({ state: 'found', section: 'Why', moved: true });
  });

  it('a section comment is found while its section exists', () => {
    const a = anchorFromSelection('Detailed Design', 'x', 0, 0);
    expect(locateAnchor(BODY, a)).toMatchObject({ state: 'found', section: 'Detailed Design' });
    expect(locateAnchor(BODY.replace('## Detailed Design', '## Design'), a)).toEqual({ state: 'outdated' });
  });

  it('matches across CRLF line endings (a textarea reports LF)', () => {
    const crlf = BODY.replace(/\n/g, '\r\n');
    const a = anchorFromSelection('Summary', 'a\nb', 0, 3);
    expect(locateAnchor('## Summary\r\n\r\na\r\nb\r\n', a).state).toBe('found');
    expect(locateAnchor(crlf, select(BODY, 'Summary', 'needs no server')).state).toBe('found');
  });
});

describe('findQuote', () => {
  it('returns null for an empty quote or a missing passage', () => {
    expect(findQuote('abc', { quote: '', prefix: '', suffix: '' })).toBeNull();
    expect(findQuote('abc', { quote: 'x', prefix: '', suffix: '' })).toBeNull();
  });
});
