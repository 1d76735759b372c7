import { describe, expect, it } from 'vitest';
import { parseAdrTools } from '../../../../src/main/importExport/formats/adrTools';
import { detectFormat } from '../../../../src/main/importExport/detect';
import { fixtureFile } from './fixtureFile';

const file = (name: string) => fixtureFile('adr-tools', `doc/adr/${name}`);

describe('adr-tools parser', () => {
  it('reads "# N. Title", the Date line and the status, and leaves the sections as the body', () => {
    const doc = parseAdrTools(file('0001-record-architecture-decisions.md'));
    expect(doc).toMatchObject({ format: 'adr-tools', kind: 'adr', sourceNumber: 1, title: 'Record architecture decisions', status: 'accepted', createdAt: '2024-01-08' });
    expect(doc.fields.date).toBe('2024-01-08');
    expect(doc.body.startsWith('## Context\n\nWe need to record')).toBe(true);
    expect(doc.body).not.toMatch(/Date:|## Status|Accepted/);
    expect(doc.notes).toEqual([]);
  });

  it('turns "Superceded by [..](..)" (adr-tools\' spelling) into status superseded with a link to the file', () => {
    const doc = parseAdrTools(file('0002-store-orders-in-postgresql.md'));
    expect(doc.status).toBe('superseded');
    expect(doc.links).toEqual([{ relation: 'supersededBy', path: 'doc/adr/0003-store-orders-in-cockroachdb.md', number: 3, text: '[3. Store orders in CockroachDB](0003-store-orders-in-cockroachdb.md)' }]);
  });

  it('keeps "Supersedes" as a link and other link lines (Amended by) verbatim', () => {
    const doc = parseAdrTools(file('0003-store-orders-in-cockroachdb.md'));
    expect(doc.status).toBe('accepted');
    expect(doc.links).toEqual([expect.objectContaining({ relation: 'supersedes', path: 'doc/adr/0002-store-orders-in-postgresql.md', number: 2 })]);
    expect(doc.fields.relatedLinks).toEqual(['Amended by [4. Pin CockroachDB to one region](0004-pin-cockroachdb-to-one-region.md)']);
  });

  it('is detected from "# N. Title" with a Status section', () => {
    expect(detectFormat(file('0004-pin-cockroachdb-to-one-region.md'))).toBe('adr-tools');
  });

  it('reads back the metadata comment its own export writes, and survives a file with no Date or status', () => {
    const text = '# 5. Cache sessions\n\n<!-- designdesk\ndecision-makers:\n  - Ada\ntags: [cache]\nnav_order: 5\n-->\n\n## Status\n\n## Context\n\nSessions hit the DB.\n';
    const doc = parseAdrTools({ path: '0005-cache-sessions.md', text });
    expect(doc.fields).toMatchObject({ decisionMakers: ['Ada'], tags: ['cache'], nav_order: 5 });
    expect(doc.status).toBe('proposed');
    expect(doc.notes).toContain('no status in the file: starts as proposed');
    expect(doc.createdAt).toBeNull();
    expect(doc.body).toBe('## Context\n\nSessions hit the DB.\n');
  });
});
