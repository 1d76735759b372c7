import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { templateBody } from '../../../src/shared/kinds/templates';
import { joinSections, replaceSectionText, sectionText, splitSections, type Section } from '../../../src/shared/markdown/sections';

const roundTrip = (body: string): string => joinSections(splitSections(body));
const headings = (body: string): string[] => splitSections(body).map((s) => s.heading);
const raw = (s: Section): string => s.headingLine + s.content;

const FENCED = [
  '## Detailed Design',
  '',
  'The config file:',
  '',
  '```markdown',
  '## Not a heading',
  '### Nor this',
  '```',
  '',
  '~~~~',
  '## still code',
  '```',
  '## still code after a shorter, different fence',
  '~~~~',
  '',
  '## Rollout Plan',
  '',
  'Ship it.',
  '',
].join('\n');

describe('splitSections / joinSections', () => {
  it('splits the RFC template at every level-2 and level-3 heading', () => {
    const body = templateBody('rfc');
    expect(headings(body)).toEqual(['', 'Summary', 'Motivation', 'Detailed Design', 'Architecture Overview', 'API Design', 'Data Model', 'Key Algorithms', 'Alternatives Considered', 'Security Considerations', 'Privacy Considerations', 'Operational Considerations', 'Rollout Plan', 'Open Questions', 'Appendix']);
    expect(roundTrip(body)).toBe(body);
  });

  it('ignores headings inside fenced code (``` and ~~~, closed only by a matching fence)', () => {
    const sections = splitSections(FENCED);
    expect(sections.map((s) => s.heading)).toEqual(['', 'Detailed Design', 'Rollout Plan']);
    expect(sections[1]!.content).toContain('## Not a heading');
    expect(sections[1]!.content).toContain('## still code after a shorter, different fence');
    expect(roundTrip(FENCED)).toBe(FENCED);
  });

  it('keeps CRLF line endings byte for byte', () => {
    const body = '## Summary\r\n\r\nLine one\r\nLine two\r\n\r\n### Data Model\r\n\r\n```\r\n## code\r\n```\r\n';
    const sections = splitSections(body);
    expect(sections.map((s) => [s.heading, s.depth])).toEqual([['', 0], ['Summary', 2], ['Data Model', 3]]);
    expect(sections[1]!.headingLine).toBe('## Summary\r');
    expect(sectionText(sections[1]!)).toBe('Line one\r\nLine two');
    expect(roundTrip(body)).toBe(body);
  });

  it('treats a body without headings as one preamble', () => {
    for (const body of ['', 'just text', 'text\n# level one is not split\n#### nor level four\n', '##no space\n']) {
      const sections = splitSections(body);
      expect(sections).toHaveLength(1);
      expect(sections[0]).toMatchObject({ heading: '', depth: 0, headingLine: '' });
      expect(roundTrip(body)).toBe(body);
    }
  });

  it('keeps text before the first heading and a heading on the last line without newline', () => {
    const body = 'Intro line\n\n## Summary\n\ntext\n## Appendix';
    const sections = splitSections(body);
    expect(sectionText(sections[0]!)).toBe('Intro line');
    expect(sections.map((s) => s.heading)).toEqual(['', 'Summary', 'Appendix']);
    expect(sections[2]!.content).toBe('');
    expect(roundTrip(body)).toBe(body);
  });

  it('strips closing hashes from the heading text but not from the line', () => {
    const [, s] = splitSections('## Open Questions ##\n\nWho decides?\n');
    expect(s!.heading).toBe('Open Questions');
    expect(s!.headingLine).toBe('## Open Questions ##');
  });

  it('round-trips any string byte for byte (property)', () => {
    const line = fc.oneof(
      fc.string(),
      fc.constantFrom('## A', '### B', '```', '~~~', '```js', '  ```', '## ', '#', '\r', '\t## C', '## D ##'),
    );
    const body = fc.array(line, { maxLength: 30 }).chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => lines.join(eol)));
    fc.assert(fc.property(fc.oneof(fc.string(), body), (b) => roundTrip(b) === b), { numRuns: 500 });
  });
});

describe('replaceSectionText', () => {
  it('changes only the target section; every other section stays byte-identical', () => {
    const body = templateBody('rfc');
    const before = splitSections(body);
    for (let i = 1; i < before.length; i++) {
      const after = splitSections(replaceSectionText(body, i, `Text of ${before[i]!.heading}\n\n- a\n- b`));
      expect(after).toHaveLength(before.length);
      after.forEach((s, j) => {
        if (j === i) expect(sectionText(s)).toBe(`Text of ${before[i]!.heading}\n\n- a\n- b`);
        else expect(raw(s), `section ${j} after editing ${i}`).toBe(raw(before[j]!));
      });
    }
  });

  it('leaves hand-written bytes of other sections alone (CRLF, odd spacing, fences)', () => {
    const body = `Intro\r\n\r\n${FENCED}### Data Model   \r\n\r\n\r\nrows\r\n`;
    const before = splitSections(body);
    const i = before.findIndex((s) => s.heading === 'Rollout Plan');
    const out = replaceSectionText(body, i, 'Behind a flag; roll back by turning it off.');
    const after = splitSections(out);
    expect(after.map((s) => s.heading)).toEqual(before.map((s) => s.heading));
    after.forEach((s, j) => j !== i && expect(raw(s)).toBe(raw(before[j]!)));
    expect(sectionText(after[i]!)).toBe('Behind a flag; roll back by turning it off.');
  });

  it('accepts fenced code containing "## " in the new text without creating sections', () => {
    const body = templateBody('rfc');
    const text = '```md\n## Fake heading\n```';
    const after = splitSections(replaceSectionText(body, 1, text));
    expect(after.map((s) => s.heading)).toEqual(headings(body));
    expect(sectionText(after[1]!)).toBe(text);
  });

  it('is idempotent and emptying a section restores the template bytes', () => {
    const body = templateBody('rfc');
    const once = replaceSectionText(body, 2, 'Because.');
    expect(replaceSectionText(once, 2, 'Because.')).toBe(once);
    expect(replaceSectionText(once, 2, '')).toBe(body);
    expect(replaceSectionText(body, 1, '   \n\n')).toBe(body);
  });

  it('edits the preamble and the last section', () => {
    const body = templateBody('rfc');
    const last = splitSections(body).length - 1;
    const out = replaceSectionText(replaceSectionText(body, 0, 'Status: early draft'), last, 'See the benchmark.');
    expect(out.startsWith('Status: early draft\n\n## Summary\n')).toBe(true);
    expect(out.endsWith('## Appendix\n\nSee the benchmark.\n')).toBe(true);
  });

  it('throws RangeError for a section that does not exist', () => {
    expect(() => replaceSectionText('## A\n', 5, 'x')).toThrow(RangeError);
  });

  it('keeps other sections byte-identical for any new text without headings (property)', () => {
    const body = `${templateBody('rfc')}`;
    const before = splitSections(body);
    const safeText = fc.string().filter((t) => !/(^|\n)\s{0,3}(#{2,3}[ \t]|`{3}|~{3})/.test(t));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: before.length - 1 }), safeText, (i, t) => {
        const after = splitSections(replaceSectionText(body, i, t));
        return after.length === before.length && after.every((s, j) => j === i || raw(s) === raw(before[j]!));
      }),
      { numRuns: 300 },
    );
  });
});
