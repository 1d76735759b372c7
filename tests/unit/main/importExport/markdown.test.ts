import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../src/main/importExport/detect';
import { parseMarkdown } from '../../../../src/main/importExport/formats/markdown';
import { fixtureFile } from './fixtureFile';

describe('plain Markdown parser', () => {
  it('takes the title from the first heading and keeps the rest as the body', () => {
    const doc = parseMarkdown(fixtureFile('markdown', 'Decision about logging.md'));
    expect(doc).toMatchObject({ format: 'markdown', kind: 'adr', sourceNumber: null, title: 'We log in JSON', status: 'proposed' });
    expect(doc.body).toBe('All services write one JSON object per line to stdout.\n\n## Why\n\nLog shippers parse JSON without per-service rules.\n');
  });

  it('takes the title from the file name when there is no heading, keeping the whole text', () => {
    const doc = parseMarkdown(fixtureFile('markdown', 'no-heading-here.md'));
    expect(doc.title).toBe('No heading here');
    expect(doc.body.startsWith('This note has no heading')).toBe(true);
  });

  it('reads a setext heading and a number from an underscore file name', () => {
    const doc = parseMarkdown(fixtureFile('markdown', '0007_setext-title.md'));
    expect(doc).toMatchObject({ title: 'Cache invalidation by tags', sourceNumber: 7 });
    expect(doc.body).toBe('Each cached page carries the tags of the records it shows.\n');
  });

  it('is what detection falls back to; a heading inside a code fence is not a title', () => {
    expect(detectFormat(fixtureFile('markdown', 'Decision about logging.md'))).toBe('markdown');
    const doc = parseMarkdown({ path: 'x.md', text: '```\n# not a title\n```\n\n## Real title\n' });
    expect(doc.title).toBe('Real title');
  });

  it('imports as another kind when asked, starting at that kind\'s first status', () => {
    expect(parseMarkdown({ path: 'a.md', text: '# A\n' }, 'postmortem')).toMatchObject({ kind: 'postmortem', status: 'draft' });
  });

  it('shortens a title longer than 200 characters and keeps the full one in the body', () => {
    const long = 'x'.repeat(250);
    const doc = parseMarkdown({ path: 'a.md', text: `# ${long}\n\nBody.\n` });
    expect(doc.title.length).toBe(200);
    expect(doc.body.startsWith(long)).toBe(true);
  });
});
