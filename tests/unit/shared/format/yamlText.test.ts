import fc from 'fast-check';
import { parse as yamlParse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readYaml } from '../../../../src/shared/format/yamlText';
import { documentToMarkdown } from '../../../../src/shared/format/documentMarkdown';

// The repository format is read with js-yaml and written with the `yaml`
// package (ADR 0011): these pin that the reader keeps the format's rules.
describe('readYaml (the reader of every repository file)', () => {
  it('reads YAML 1.2 core: dates and yes/no stay text, numbers and booleans are typed', () => {
    expect(readYaml('date: 2026-11-27\nanswer: yes\ncount: 3\nok: true\nnothing: ~\nlist: [a, b]\n')).toEqual({
      ok: true,
      value: { date: '2026-11-27', answer: 'yes', count: 3, ok: true, nothing: null, list: ['a', 'b'] },
    });
  });

  it('gives null for empty text or only comments', () => {
    expect(readYaml('')).toEqual({ ok: true, value: null });
    expect(readYaml('# nothing here\n')).toEqual({ ok: true, value: null });
  });

  it('refuses a duplicate key, custom tags and a second document, with the line', () => {
    expect(readYaml('title: a\nstatus: draft\ntitle: b\n')).toEqual({ ok: false, line: 3 });
    expect(readYaml('when: !!timestamp 2026-11-27\n').ok).toBe(false);
    expect(readYaml('a: 1\n---\nb: 2\n').ok).toBe(false);
  });

  it('gives an error found at the end of the text on its last line', () => {
    expect(readYaml('status: [accepted\n')).toEqual({ ok: false, line: 1 });
    expect(readYaml('a: 1\nb: "open\n')).toEqual({ ok: false, line: 2 });
  });

  it('reads back what the writer writes, exactly as the yaml package reads it', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('', ' lead', 'a\nb', '\ttab', 'x: y', '- item', '#', '"q"', "it's", 'null', '1e3', 'yes'));
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 4 }), fc.integer(), (title, tags, n) => {
        const md = documentToMarkdown({
          id: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
          kind: 'adr',
          number: 1,
          title: 'T',
          status: 'proposed',
          body: '',
          fields: { title, tags, n, nested: { text: title } },
          createdAt: '2026-11-27T00:00:00.000Z',
          updatedAt: '2026-11-27T00:00:00.000Z',
          revision: 1,
          createdBy: { name: 'A', email: 'a@example.test' },
        });
        const fm = /^---\n([\s\S]*?)\n---\n/.exec(md)![1]!;
        const read = readYaml(fm);
        expect(read).toEqual({ ok: true, value: yamlParse(fm, { schema: 'core' }) });
      }),
      { numRuns: 300 },
    );
  });
});
