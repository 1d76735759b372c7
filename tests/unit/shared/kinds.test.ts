import { describe, expect, it } from 'vitest';
import { DOC_KINDS, KINDS, displayRef, parseDisplayRef } from '../../../src/shared/kinds/kinds';
import { RFC_SECTIONS } from '../../../src/shared/kinds/rfc';
import { TEMPLATE_SECTIONS, sectionHint, templateBody } from '../../../src/shared/kinds/templates';
import { splitSections } from '../../../src/shared/markdown/sections';

describe('displayRef', () => {
  it.each([
    ['rfc', 12, 'RFC-12'],
    ['adr', 3, 'ADR-3'],
    ['matrix', 1, 'DM-1'],
    ['postmortem', 4, 'PM-4'],
  ] as const)('%s %i -> %s', (kind, n, ref) => {
    expect(displayRef(kind, n)).toBe(ref);
  });

  it('uses a distinct prefix and folder per kind', () => {
    expect(new Set(DOC_KINDS.map((k) => KINDS[k].prefix)).size).toBe(DOC_KINDS.length);
    expect(DOC_KINDS.map((k) => KINDS[k].folder)).toEqual(['rfcs', 'adrs', 'decisions', 'postmortems']);
  });
});

describe('parseDisplayRef', () => {
  it('inverts displayRef for every kind', () => {
    for (const kind of DOC_KINDS) {
      for (const n of [1, 9, 10, 4711, 999_999]) expect(parseDisplayRef(displayRef(kind, n))).toEqual({ kind, number: n });
    }
  });

  it('accepts any case, surrounding whitespace and leading zeros', () => {
    expect(parseDisplayRef('rfc-12')).toEqual({ kind: 'rfc', number: 12 });
    expect(parseDisplayRef('  Adr-3\n')).toEqual({ kind: 'adr', number: 3 });
    expect(parseDisplayRef('dm-0007')).toEqual({ kind: 'matrix', number: 7 });
    expect(parseDisplayRef('Pm-4')).toEqual({ kind: 'postmortem', number: 4 });
  });

  it.each(['', 'RFC', 'RFC-', 'RFC 12', 'RFC_12', 'RFC-12a', 'RFC--12', 'RFC-1234567', 'XYZ-1', 'PMX-1', '12', 'RFC-1.5', 'RFC-١٢', 'xRFC-1'])(
    'rejects %j',
    (ref) => {
      expect(parseDisplayRef(ref)).toBeNull();
    },
  );
});

describe('templates', () => {
  it('the RFC template has every section of the playbook, in order, each with a hint', () => {
    const sections = splitSections(templateBody('rfc')).filter((s) => s.depth > 0);
    expect(TEMPLATE_SECTIONS.rfc).toBe(RFC_SECTIONS);
    expect(sections.map((s) => [s.heading, s.depth])).toEqual(RFC_SECTIONS.map((s) => [s.heading, s.depth]));
    for (const s of RFC_SECTIONS) {
      expect(sectionHint('rfc', s.heading)).toBe(s.hint);
      expect(s.hint.length).toBeGreaterThan(10);
    }
    expect(sectionHint('rfc', 'summary')).toBe(RFC_SECTIONS[0]!.hint);
    expect(sectionHint('rfc', 'Nope')).toBeUndefined();
  });

  it('nests the four design subsections under Detailed Design', () => {
    const depth3 = RFC_SECTIONS.filter((s) => s.depth === 3).map((s) => s.heading);
    expect(depth3).toEqual(['Architecture Overview', 'API Design', 'Data Model', 'Key Algorithms']);
    const i = RFC_SECTIONS.findIndex((s) => s.heading === 'Detailed Design');
    expect(RFC_SECTIONS.slice(i + 1, i + 5).map((s) => s.heading)).toEqual(depth3);
  });
});
