import { describe, expect, it } from 'vitest';
import { replaceSectionText, sectionText, splitSections } from '../../../../src/shared/markdown/sections';

describe('sectionText / replaceSectionText', () => {
  it('gives back exactly what was written, however often it is saved and reloaded', () => {
    let body = '## A\n\n## B\n\n';
    for (let i = 0; i < 5; i++) {
      const a = splitSections(body).findIndex((s) => s.heading === 'A');
      body = replaceSectionText(body, a, `hello ${i}`);
      expect(sectionText(splitSections(body)[a]!)).toBe(`hello ${i}`);
    }
    expect(body).toBe('## A\n\nhello 4\n\n## B\n\n');
  });

  it('keeps indentation of the first line (an indented code block)', () => {
    const body = '## A\n\n    code();\n\n## B\n';
    expect(sectionText(splitSections(body)[1]!)).toBe('    code();');
  });
});
