import { describe, expect, it } from 'vitest';
import { newImportedDoc } from '../../../../src/main/importExport/formats/common';
import type { ImportedDoc, SourceLink } from '../../../../src/main/importExport/importedDoc';
import { planNumbers, resolveLinks } from '../../../../src/main/importExport/planImport';

function doc(path: string, sourceNumber: number | null, links: SourceLink[] = []): ImportedDoc {
  return { ...newImportedDoc('madr', path, 'adr'), sourceNumber, links, title: path, status: 'accepted' };
}

describe('planNumbers', () => {
  it('keeps free source numbers, renumbers 0 and taken ones after the highest, and keeps earlier imports\' numbers', () => {
    const docs = [doc('0000-a.md', 0), doc('0001-b.md', 1), doc('0002-c.md', 2), doc('0005-d.md', 5), doc('x.md', null)];
    const previous = new Map([['0005-d.md', { id: 'P', kind: 'adr' as const, number: 9 }]]);
    const plan = planNumbers(docs, previous, () => new Set([2, 9]));
    expect(Object.fromEntries(plan.map((p) => [p.doc.path, p.number]))).toEqual({ '0000-a.md': 10, '0001-b.md': 1, '0002-c.md': 11, '0005-d.md': 9, 'x.md': 12 });
    expect(plan.find((p) => p.doc.path === '0002-c.md')!.doc.notes).toEqual(['ADR-2 is taken: renumbered', 'now ADR-11']);
    expect(plan.find((p) => p.doc.path === '0005-d.md')!.previous?.id).toBe('P');
  });

  it('gives two files with the same source number different numbers', () => {
    const plan = planNumbers([doc('a/0001-x.md', 1), doc('b/0001-y.md', 1)], new Map(), () => new Set());
    expect(plan.map((p) => p.number)).toEqual([1, 2]);
  });
});

describe('resolveLinks', () => {
  it('links both ways from one side, by file or by source number', () => {
    const old = doc('0001-old.md', 1, [{ relation: 'supersededBy', path: '0003-new.md', text: 'x' }]);
    const mid = doc('0002-mid.md', 2);
    const next = doc('0003-new.md', 3, [{ relation: 'supersedes', number: 2, text: 'ADR-0002' }]);
    const plan = planNumbers([old, mid, next], new Map(), () => new Set());
    resolveLinks(plan, new Map());
    expect(old.fields).toMatchObject({ supersededBy: 3 });
    expect(mid.fields).toMatchObject({ supersededBy: 3 });
    expect(next.fields.supersedes).toEqual([1, 2]);
  });

  it('uses our numbers when the source ones were renumbered', () => {
    const a = doc('0000-a.md', 0, [{ relation: 'supersededBy', number: 1, text: 'ADR-0001' }]);
    const b = doc('0001-b.md', 1);
    const plan = planNumbers([a, b], new Map(), () => new Set([1]));
    resolveLinks(plan, new Map());
    const nb = plan.find((p) => p.doc === b)!.number;
    const na = plan.find((p) => p.doc === a)!.number;
    expect(a.fields.supersededBy).toBe(nb);
    expect(b.fields.supersedes).toEqual([na]);
  });

  it('keeps a link to nothing as text and flags the document', () => {
    const a = doc('0001-a.md', 1, [{ relation: 'supersededBy', number: 42, text: 'ADR-0042' }]);
    resolveLinks(planNumbers([a], new Map(), () => new Set()), new Map());
    expect(a.fields.unresolvedLinks).toEqual(['superseded by ADR-0042']);
    expect(a.fields.supersededBy).toBeUndefined();
    expect(a.flagged).toBe(true);
  });
});
