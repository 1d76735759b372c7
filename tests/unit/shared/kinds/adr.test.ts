import { describe, expect, it } from 'vitest';
import { ADR_SECTIONS, AdrFieldsSchema, isIsoDate } from '../../../../src/shared/kinds/adr';
import { FIELD_SCHEMAS, INITIAL_FIELDS, normalizeFields } from '../../../../src/shared/kinds/fields';
import { allowedMoves, checkTransition, initialStatus } from '../../../../src/shared/kinds/lifecycle';
import { sectionHint, templateBody, TEMPLATE_SECTIONS } from '../../../../src/shared/kinds/templates';
import { splitSections } from '../../../../src/shared/markdown/sections';

describe('ADR fields (MADR 4 front matter)', () => {
  it('parses {} into every default', () => {
    expect(AdrFieldsSchema.parse({})).toEqual({
      author: '',
      date: '',
      decisionMakers: [],
      consulted: [],
      informed: [],
      supersedes: [],
      supersededBy: null,
      tags: [],
    });
  });

  it('keeps unknown keys, so hand-written front matter survives a save', () => {
    const parsed = normalizeFields('adr', { date: '2026-03-01', 'x-jira': 'ARCH-12', nested: { a: 1 } });
    expect(parsed['x-jira']).toBe('ARCH-12');
    expect(parsed.nested).toEqual({ a: 1 });
  });

  it('is the schema registered for the adr kind', () => {
    expect(FIELD_SCHEMAS.adr).toBe(AdrFieldsSchema);
  });

  it('accepts a full MADR record and trims names', () => {
    const f = AdrFieldsSchema.parse({
      author: 'Ada',
      date: '2026-02-28',
      decisionMakers: [' Ada ', 'Grace'],
      consulted: ['Linus'],
      informed: ['Platform team'],
      supersedes: [3, 4],
      supersededBy: 7,
      tags: ['storage'],
    });
    expect(f.decisionMakers).toEqual(['Ada', 'Grace']);
    expect(f.supersedes).toEqual([3, 4]);
    expect(f.supersededBy).toBe(7);
  });

  it.each([
    ['date not ISO', { date: '01/03/2026' }, 'date'],
    ['date not a real day', { date: '2026-02-30' }, 'date'],
    ['empty decision-maker', { decisionMakers: [''] }, 'decisionMakers'],
    ['decision-makers not a list', { decisionMakers: 'Ada' }, 'decisionMakers'],
    ['supersedes with a non-number', { supersedes: ['ADR-3'] }, 'supersedes'],
    ['supersedes with zero', { supersedes: [0] }, 'supersedes'],
    ['supersededBy fractional', { supersededBy: 2.5 }, 'supersededBy'],
  ])('refuses %s with VALIDATION naming the field', (_name, fields, field) => {
    expect(() => normalizeFields('adr', fields)).toThrow(expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining(field) }));
  });

  it('accepts an empty date (the date box cleared)', () => {
    expect(AdrFieldsSchema.parse({ date: '' }).date).toBe('');
  });

  it('starts a new ADR dated today with me as decision-maker', () => {
    const fields = normalizeFields('adr', INITIAL_FIELDS.adr({ me: { name: 'Ada', email: 'ada@example.com' }, today: '2026-11-20' }));
    expect(fields).toMatchObject({ author: 'Ada', date: '2026-11-20', decisionMakers: ['Ada'], supersedes: [], supersededBy: null });
  });

  it('knows real calendar days', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });
});

describe('ADR template (MADR 4 sections)', () => {
  it('lists the MADR sections in order, Consequences and Confirmation under Decision Outcome', () => {
    expect(TEMPLATE_SECTIONS.adr).toBe(ADR_SECTIONS);
    expect(ADR_SECTIONS.map((s) => `${s.depth}:${s.heading}`)).toEqual([
      '2:Context and Problem Statement',
      '2:Decision Drivers',
      '2:Considered Options',
      '2:Decision Outcome',
      '3:Consequences',
      '3:Confirmation',
      '2:Pros and Cons of the Options',
      '2:More Information',
    ]);
  });

  it('gives every section a one-line hint', () => {
    for (const s of ADR_SECTIONS) {
      expect(s.hint.length).toBeGreaterThan(10);
      expect(s.hint).not.toContain('\n');
      expect(sectionHint('adr', s.heading.toUpperCase())).toBe(s.hint);
    }
  });

  it('builds a body that splits back into exactly those sections', () => {
    const body = templateBody('adr');
    expect(body.startsWith('## Context and Problem Statement\n')).toBe(true);
    expect(body).toContain('### Consequences\n');
    const sections = splitSections(body).filter((s) => s.depth > 0);
    expect(sections.map((s) => [s.depth, s.heading])).toEqual(ADR_SECTIONS.map((s) => [s.depth, s.heading]));
  });
});

describe('ADR lifecycle', () => {
  it('starts proposed', () => {
    expect(initialStatus('adr')).toBe('proposed');
  });

  it('moves proposed -> accepted / rejected and accepted -> deprecated / superseded', () => {
    expect(allowedMoves('adr', 'proposed')).toEqual(['accepted', 'rejected']);
    expect(allowedMoves('adr', 'accepted')).toEqual(['deprecated', 'superseded']);
    expect(() => checkTransition('adr', 'proposed', 'accepted')).not.toThrow();
    expect(() => checkTransition('adr', 'accepted', 'superseded')).not.toThrow();
  });

  it('refuses superseding a proposed ADR and leaving a final status', () => {
    expect(() => checkTransition('adr', 'proposed', 'superseded')).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
    for (const final of ['rejected', 'deprecated', 'superseded']) {
      expect(allowedMoves('adr', final)).toEqual([]);
      expect(() => checkTransition('adr', final, 'accepted')).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
    }
  });
});
