import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../../../src/shared/document';
import { canonicalBody, documentToMarkdown } from '../../../../src/shared/format/documentMarkdown';
import { parseDocument } from '../../../../src/shared/format/parseDocument';
import { FIELD_SCHEMAS } from '../../../../src/shared/kinds/fields';
import { KINDS, type DocKind } from '../../../../src/shared/kinds/kinds';
import { LIFECYCLES } from '../../../../src/shared/kinds/lifecycle';

const ULID = fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/);
const text = fc.string({ unit: fc.constantFrom(...'abc XYZ 123 |*_`#-:"\'\n\t<>&é漢'.split('')), maxLength: 200 });
const line = fc.string({ unit: fc.constantFrom(...'abc XYZ 123 |*_`#-:"\'<>&é漢'.split('')), minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0);
const iso = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
const isoDay = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const names = fc.array(line.map((s) => s.trim()), { maxLength: 4 });
const rid = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);

const fieldsFor: Record<DocKind, fc.Arbitrary<Record<string, unknown>>> = {
  rfc: fc.record({ author: line, reviewers: names, extraKey: fc.option(line, { nil: undefined }) }),
  adr: fc.record({ author: line, date: isoDay, decisionMakers: names, consulted: names, informed: names, supersedes: fc.array(fc.integer({ min: 1, max: 999 }), { maxLength: 3 }), supersededBy: fc.option(fc.integer({ min: 1, max: 999 }), { nil: null }), tags: names }),
  matrix: fc
    .record({
      scale: fc.constantFrom('good-partial-poor', 'one-to-five'),
      criteria: fc.uniqueArray(fc.record({ id: rid, name: line, weight: fc.integer({ min: 0, max: 10 }) }), { selector: (c) => c.id, maxLength: 4 }),
      options: fc.uniqueArray(fc.record({ id: rid, name: line }), { selector: (o) => o.id, maxLength: 4 }),
      decision: text,
      rationale: text,
      revisitWhen: line,
      requirements: names,
    })
    .map((f) => ({ ...f, ratings: Object.fromEntries(f.criteria.map((c) => [c.id, Object.fromEntries(f.options.map((o, i) => [o.id, { rating: f.scale === 'one-to-five' ? (i % 5) + 1 : 'good', note: o.name.slice(0, 10) }]))])) })),
  postmortem: fc.record({
    author: line,
    incidentDate: isoDay,
    severity: fc.constantFrom('SEV-1', 'SEV-2', 'SEV-3', 'SEV-4'),
    attendees: names,
    timeline: fc.array(fc.record({ id: rid, time: fc.constantFrom('09:00', '10:15', '23:59'), event: line }), { maxLength: 4 }),
    actionItems: fc.array(fc.record({ id: rid, action: line, owner: line, due: isoDay, status: fc.constantFrom('open', 'in-progress', 'done') }), { maxLength: 3 }),
  }),
};

function docArb(kind: DocKind): fc.Arbitrary<Document> {
  return fc.record({
    id: ULID,
    number: fc.integer({ min: 1, max: 99999 }),
    title: line.map((s) => s.trim()),
    status: fc.constantFrom(...LIFECYCLES[kind].statuses),
    body: text.map(canonicalBody),
    fields: fieldsFor[kind].map((f) => FIELD_SCHEMAS[kind].parse(JSON.parse(JSON.stringify(f)))),
    createdAt: iso,
    updatedAt: iso,
  }).map((d) => ({ ...d, kind, revision: 0, createdBy: { name: 'x', email: '' } }));
}

describe.each(Object.keys(KINDS) as DocKind[])('repo file round trip: %s', (kind) => {
  it('parse(serialize(doc)) gives the document back', () => {
    fc.assert(
      fc.property(docArb(kind), (doc) => {
        const r = parseDocument(`${KINDS[kind].folder}/${String(doc.number).padStart(4, '0')}-x.md`, documentToMarkdown(doc));
        if (!r.ok) throw new Error(r.reason);
        expect(r.doc).toEqual({ id: doc.id, kind, number: doc.number, title: doc.title, status: doc.status, body: doc.body, fields: doc.fields, createdAt: doc.createdAt, updatedAt: doc.updatedAt });
      }),
      { numRuns: 150 },
    );
  });

  it('serialize is stable: same document, same bytes, and re-serializing the parsed document changes nothing', () => {
    fc.assert(
      fc.property(docArb(kind), (doc) => {
        const a = documentToMarkdown(doc);
        expect(documentToMarkdown(structuredClone(doc))).toBe(a);
        const r = parseDocument(`${KINDS[kind].folder}/0001-x.md`, a);
        if (!r.ok) throw new Error(r.reason);
        expect(documentToMarkdown({ ...doc, ...r.doc, id: doc.id, number: doc.number, createdAt: doc.createdAt, updatedAt: doc.updatedAt })).toBe(a);
      }),
      { numRuns: 100 },
    );
  });
});

describe('parseDocument on hand-edited files', () => {
  it('keeps unknown front-matter keys and reads CRLF files', () => {
    const r = parseDocument('rfcs/0007-cache.md', '---\r\nid: 01JDQ5C0000000000000000007\r\nref: RFC-7\r\nstatus: draft\r\nteam: payments\r\n---\r\n\r\n# Cache\r\n\r\n## Summary\r\n\r\nHi\r\n');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.doc.fields.team).toBe('payments');
      expect(r.doc.body).toBe('## Summary\n\nHi\n');
      expect(r.doc.number).toBe(7);
    }
  });

  it('gives a reason for files it cannot read', () => {
    expect(parseDocument('rfcs/0001-a.md', '# no front matter')).toMatchObject({ ok: false, reason: expect.stringContaining('front matter') });
    expect(parseDocument('rfcs/0001-a.md', '---\nid: [unclosed\n---\n# T\n')).toMatchObject({ ok: false, reason: expect.stringContaining('YAML') });
    expect(parseDocument('rfcs/0001-a.md', '---\nid: nope\n---\n# T\n')).toMatchObject({ ok: false, reason: expect.stringContaining('ULID') });
    expect(parseDocument('misc/0001-a.md', '---\nstatus: draft\n---\n# T\n')).toMatchObject({ ok: false, reason: expect.stringContaining('folder') });
    expect(parseDocument('postmortems/2026-01-01-a.md', `---\nseverity: ${'S'.repeat(41)}\n---\n# T\n`)).toMatchObject({ ok: false, reason: expect.stringContaining('severity') });
    // A severity outside the scale (another team's SEV-9) is kept, not refused: issue 15.
    expect(parseDocument('postmortems/2026-01-01-a.md', '---\nseverity: SEV-9\n---\n# T\n')).toMatchObject({ ok: true, doc: { fields: { severity: 'SEV-9' } } });
  });

  it('takes a hand-made file without id and number from its name', () => {
    const r = parseDocument('adrs/0004-use-postgres.md', '---\nstatus: accepted\ndecision-makers: [Ada]\n---\n\n# Use Postgres\n\n## Context and Problem Statement\n\nWe need a DB.\n');
    expect(r).toMatchObject({ ok: true, doc: { id: null, number: 4, title: 'Use Postgres', status: 'accepted', fields: { decisionMakers: ['Ada'] } } });
  });
});
