import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryAt, outlineOf } from '../../../../../src/renderer/components/editor/outline';
import { isSlashTrigger, slashParts } from '../../../../../src/renderer/components/editor/slashParts';
import { templateBody } from '../../../../../src/shared/kinds/templates';
import { splitSections } from '../../../../../src/shared/markdown/sections';

describe('outlineOf', () => {
  it('lists the template headings of a new RFC, all empty, each starting where its heading line is', () => {
    const body = templateBody('rfc');
    const entries = outlineOf(body);
    expect(entries.map((e) => e.heading)).toEqual(splitSections(body).slice(1).map((s) => s.heading));
    for (const e of entries) {
      expect(e.empty).toBe(true);
      expect(body.slice(e.start)).toMatch(new RegExp(`^#{${e.depth}} ${e.heading}\\n`));
      expect(body[e.textStart - 1]).toBe('\n');
    }
  });

  it('marks written sections, and a ## whose ### parts are written, as not empty; headings in code do not count', () => {
    const body = '## A\n\ntext\n\n## B\n\n### B1\n\nmore\n\n## C\n\n```\n## not a heading\n```\n\n## D\n\n';
    const entries = outlineOf(body);
    expect(entries.map((e) => [e.heading, e.empty])).toEqual([
      ['A', false],
      ['B', false],
      ['B1', false],
      ['C', false],
      ['D', true],
    ]);
    expect(entryAt(entries, body.indexOf('more'))?.heading).toBe('B1');
    expect(entryAt(entries, 0)?.heading).toBe('A');
    expect(entryAt(outlineOf('intro\n\n## A\n'), 2)).toBeUndefined();
  });

  it('ends on any text, with entries in order inside the body', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }).map((s) => s.replace(/[xyz]/g, (c) => ({ x: '\n', y: '## ', z: '```' })[c]!)), (body) => {
        const entries = outlineOf(body);
        let last = -1;
        for (const e of entries) {
          expect(e.start).toBeGreaterThan(last);
          expect(e.textStart).toBeLessThanOrEqual(body.length);
          last = e.start;
        }
      }),
    );
  });
});

describe('the slash menu', () => {
  it('opens only for a "/" alone on its line', () => {
    expect(isSlashTrigger('/', 1)).toBe(true);
    expect(isSlashTrigger('a\n/\nb', 3)).toBe(true);
    expect(isSlashTrigger('a/', 2)).toBe(false);
    expect(isSlashTrigger('/x', 1)).toBe(false);
    expect(isSlashTrigger('a\n/', 2)).toBe(false);
  });

  it('offers the optional parts and the template sections a body lacks, never what it has', () => {
    const body = templateBody('rfc');
    expect(slashParts('rfc', body).map((p) => p.label)).toEqual(['Problem Statement', 'Success Metrics']);
    const withoutAppendix = body.replace('## Appendix\n\n', '');
    expect(slashParts('rfc', withoutAppendix).map((p) => p.label)).toEqual(['Problem Statement', 'Success Metrics', 'Appendix']);
    expect(slashParts('rfc', withoutAppendix).at(-1)!.text).toBe('## Appendix');
    expect(slashParts('adr', templateBody('adr'))).toEqual([]);
  });
});
