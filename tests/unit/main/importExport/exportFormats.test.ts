import { describe, expect, it } from 'vitest';
import type { Document } from '../../../../src/shared/document';
import { adrToolsMarkdown, madrMarkdown } from '../../../../src/main/importExport/exportFormats';
import { parseAdrTools } from '../../../../src/main/importExport/formats/adrTools';
import { parseMadr } from '../../../../src/main/importExport/formats/madr';

function adr(number: number, over: Partial<Document> = {}, fields: Record<string, unknown> = {}): Document {
  return {
    id: '01J00000000000000000000001',
    kind: 'adr',
    number,
    title: 'Use PostgreSQL',
    status: 'accepted',
    body: 'Intro paragraph first.\n\n## Decision Outcome\n\nPostgres.\n',
    fields: { author: '', date: '2024-05-01', decisionMakers: ['Ada'], consulted: [], informed: [], supersedes: [], supersededBy: null, tags: ['db'], nav_order: 3, importedFrom: { format: 'madr', path: 'x.md', hash: 'h' }, ...fields },
    createdAt: '2024-05-01T00:00:00.000Z',
    updatedAt: '2024-05-02T00:00:00.000Z',
    revision: 1,
    createdBy: { name: 'Ada', email: '' },
    ...over,
  };
}

describe('madrMarkdown', () => {
  it('writes MADR 4 front matter with extras and no source key, and reads back the same', () => {
    const doc = adr(3, { status: 'superseded' }, { supersededBy: 5, supersedes: [1] });
    const text = madrMarkdown(doc);
    expect(text).toContain('status: superseded by ADR-0005\n');
    expect(text).toContain('decision-makers:\n  - Ada\n');
    expect(text).toContain('supersedes:\n  - ADR-0001\n');
    expect(text).toContain('nav_order: 3\n');
    expect(text).not.toContain('importedFrom');
    const back = parseMadr({ path: '0003-use-postgresql.md', text });
    expect(back).toMatchObject({ title: 'Use PostgreSQL', status: 'superseded', sourceNumber: 3, body: doc.body });
    expect(back.fields).toEqual({ date: '2024-05-01', decisionMakers: ['Ada'], tags: ['db'], nav_order: 3 });
    expect(back.links.map((l) => [l.relation, l.number])).toEqual([['supersedes', 1], ['supersededBy', 5]]);
  });
});

describe('adrToolsMarkdown', () => {
  const targets = (n: number) => ({ number: n, title: `Title ${n}`, file: `000${n}-title-${n}.md` });

  it('writes "# N. Title", Date, the Status section with link lines, and a hidden block for the rest', () => {
    const text = adrToolsMarkdown(adr(3, {}, { supersedes: [1], relatedLinks: ['Amended by [4. X](0004-x.md)'] }), targets);
    expect(text.startsWith('# 3. Use PostgreSQL\n\nDate: 2024-05-01\n\n<!-- designdesk\n')).toBe(true);
    expect(text).toContain('## Status\n\nAccepted\n\nSupersedes [1. Title 1](0001-title-1.md)\n\nAmended by [4. X](0004-x.md)\n');
    const back = parseAdrTools({ path: '0003-use-postgresql.md', text });
    expect(back).toMatchObject({ title: 'Use PostgreSQL', status: 'accepted', sourceNumber: 3 });
    expect(back.body).toBe('Intro paragraph first.\n\n## Decision Outcome\n\nPostgres.\n');
    expect(back.fields).toEqual({ date: '2024-05-01', decisionMakers: ['Ada'], tags: ['db'], nav_order: 3, relatedLinks: ['Amended by [4. X](0004-x.md)'] });
  });

  it('replaces the status line by "Superseded by [..](..)" as adr-tools does, keeps unknown statuses as written', () => {
    expect(adrToolsMarkdown(adr(2, { status: 'superseded' }, { supersededBy: 3 }), targets)).toContain('## Status\n\nSuperseded by [3. Title 3](0003-title-3.md)\n');
    expect(adrToolsMarkdown(adr(2, { status: 'on hold' }), targets)).toContain('## Status\n\non hold\n');
  });
});
