import { describe, expect, it } from 'vitest';
import { RFC_OPTIONAL_PARTS } from '../../../../src/shared/kinds/rfc';
import { addTemplatePart, hasTemplatePart, sectionHint, templateBody } from '../../../../src/shared/kinds/templates';
import { splitSections } from '../../../../src/shared/markdown/sections';

const part = (id: string) => RFC_OPTIONAL_PARTS.find((p) => p.id === id)!;

describe('optional RFC template parts', () => {
  it('Problem Statement goes before Summary with its six questions, each with a hint', () => {
    const body = addTemplatePart(templateBody('rfc'), part('problem-statement'));
    const headings = splitSections(body).map((s) => s.heading).filter(Boolean);
    expect(headings.slice(0, 8)).toEqual(['Problem Statement', 'What Problem', 'Who Has It', 'How They Solve It Today', 'Why Now', 'What Success Looks Like', 'What We Are Not Building', 'Summary']);
    for (const h of headings.slice(0, 7)) expect(sectionHint('rfc', h)).toBeTruthy();
  });

  it('Success Metrics goes before Detailed Design and keeps every other byte', () => {
    const before = templateBody('rfc').replace('## Motivation\n\n', '## Motivation\n\nBecause ```## not a heading``` matters.\n\n');
    const after = addTemplatePart(before, part('success-metrics'));
    expect(after.replace(/## Success Metrics\n\n### North Star Metric\n\n### Input Metrics\n\n### Output Metrics\n\n### Guardrail Metrics\n\n/, '')).toBe(before);
    expect(after.indexOf('## Success Metrics')).toBeLessThan(after.indexOf('## Detailed Design'));
    expect(after.indexOf('## Success Metrics')).toBeGreaterThan(after.indexOf('## Motivation'));
  });

  it('adding twice changes nothing; a body without the anchor gets the part at the end', () => {
    const once = addTemplatePart(templateBody('rfc'), part('problem-statement'));
    expect(hasTemplatePart(once, part('problem-statement'))).toBe(true);
    expect(addTemplatePart(once, part('problem-statement'))).toBe(once);
    expect(addTemplatePart('Free text only.\n', part('success-metrics'))).toMatch(/^Free text only\.\n\n## Success Metrics\n\n/);
  });
});
