import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { DOC_KINDS, type DocKind } from '../../../src/shared/kinds/kinds';
import { LIFECYCLES, allowedMoves, checkTransition, initialStatus, statusLabel } from '../../../src/shared/kinds/lifecycle';

/**
 * The lifecycles as DESIGN.md states them, written out independently of
 * src/shared/kinds/lifecycle.ts so a wrong edit there is caught here.
 */
const SPEC: Record<DocKind, { first: string; moves: Record<string, string[]> }> = {
  rfc: {
    first: 'draft',
    moves: {
      draft: ['in-review'],
      'in-review': ['approved', 'draft', 'rejected'],
      approved: ['implemented'],
      implemented: ['deprecated'],
      deprecated: [],
      rejected: [],
    },
  },
  adr: {
    first: 'proposed',
    moves: { proposed: ['accepted', 'rejected'], accepted: ['deprecated', 'superseded'], rejected: [], deprecated: [], superseded: [] },
  },
  matrix: { first: 'draft', moves: { draft: ['decided'], decided: ['superseded'], superseded: [] } },
  postmortem: { first: 'draft', moves: { draft: ['in-review'], 'in-review': ['published'], published: [] } },
};

function caught(fn: () => void): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected an AppError, nothing was thrown');
}

const pairs = DOC_KINDS.flatMap((kind) => {
  const statuses = Object.keys(SPEC[kind].moves);
  return statuses.flatMap((from) => statuses.map((to) => ({ kind, from, to, legal: SPEC[kind].moves[from]!.includes(to) })));
});

describe('lifecycles match the product brief', () => {
  it.each(DOC_KINDS)('%s has exactly the statuses and moves of DESIGN.md', (kind) => {
    expect(initialStatus(kind)).toBe(SPEC[kind].first);
    expect([...LIFECYCLES[kind].statuses].sort()).toEqual(Object.keys(SPEC[kind].moves).sort());
    for (const [from, to] of Object.entries(SPEC[kind].moves)) {
      expect([...allowedMoves(kind, from)].sort(), `${kind} from ${from}`).toEqual([...to].sort());
    }
  });

  it.each(DOC_KINDS)('%s gives every status a human label', (kind) => {
    for (const s of LIFECYCLES[kind].statuses) expect(statusLabel(kind, s)).toMatch(/\S/);
    expect(statusLabel('rfc', 'in-review')).toBe('In Review');
  });

  // Issue 15 item 7: one capitalisation across kinds, side by side in the library.
  it.each(DOC_KINDS)('%s labels are Title Case words made from the slug the file keeps', (kind) => {
    for (const s of LIFECYCLES[kind].statuses) {
      const label = statusLabel(kind, s);
      expect(label, `${kind} ${s}`).toMatch(/^[A-Z][a-z]*( [A-Z][a-z]*)*$/);
      expect(label.toLowerCase().replace(/ /g, '-'), `${kind} ${s}`).toBe(s);
    }
  });

  it('labels the same slug the same way in every kind', () => {
    const bySlug = new Map<string, Set<string>>();
    for (const kind of DOC_KINDS) for (const s of LIFECYCLES[kind].statuses) bySlug.set(s, (bySlug.get(s) ?? new Set()).add(statusLabel(kind, s)));
    for (const [slug, labels] of bySlug) expect([...labels], slug).toHaveLength(1);
  });
});

describe('checkTransition', () => {
  it.each(pairs.filter((p) => p.legal))('accepts $kind $from -> $to', ({ kind, from, to }) => {
    expect(() => checkTransition(kind, from, to)).not.toThrow();
  });

  it.each(pairs.filter((p) => !p.legal))('refuses $kind $from -> $to with ILLEGAL_TRANSITION', ({ kind, from, to }) => {
    const err = caught(() => checkTransition(kind, from, to));
    expect(err.code).toBe('ILLEGAL_TRANSITION');
    expect(err.data).toMatchObject({ from, to });
    const allowed = SPEC[kind].moves[from]!;
    if (from === to) {
      expect(err.message).toContain(`already ${statusLabel(kind, to)}`);
      return;
    }
    expect(err.message).toContain(`cannot move from ${statusLabel(kind, from)} to ${statusLabel(kind, to)}`);
    if (allowed.length === 0) {
      expect(err.message).toContain(`${statusLabel(kind, from)} is a final status`);
    } else {
      for (const a of allowed) expect(err.message).toContain(statusLabel(kind, a));
    }
  });

  it('names the allowed moves in order a person can act on', () => {
    const err = caught(() => checkTransition('rfc', 'in-review', 'implemented'));
    expect(err.message).toMatch(/^An? RFC cannot move from In Review to Implemented\. From In Review it can move to: Approved, Draft, Rejected\.$/);
  });

  it.each(DOC_KINDS)('refuses an unknown target status of %s with VALIDATION', (kind) => {
    for (const bogus of ['', 'Draft ', 'DRAFT', 'published!', '__proto__', 'constructor']) {
      if (LIFECYCLES[kind].statuses.includes(bogus)) continue;
      const err = caught(() => checkTransition(kind, initialStatus(kind), bogus));
      expect(err.code).toBe('VALIDATION');
      expect(err.message).toContain(`"${bogus}" is not a status`);
    }
  });

  it('still refuses a move to a status outside the lifecycle', () => {
    const err = caught(() => checkTransition('rfc', 'limbo', 'nowhere'));
    expect(err.code).toBe('VALIDATION');
  });
});

describe('statuses from outside the lifecycle', () => {
  it('an imported status like "on hold" is not a dead end: it may move to any status of the kind', () => {
    expect(allowedMoves('adr', 'on hold')).toEqual(LIFECYCLES.adr.statuses);
    expect(() => checkTransition('adr', 'on hold', 'accepted')).not.toThrow();
  });

  it('messages use the right article', () => {
    expect(() => checkTransition('adr', 'proposed', 'deprecated')).toThrow(/^An ADR cannot move/);
    expect(() => checkTransition('matrix', 'draft', 'superseded')).toThrow(/^A Decision matrix cannot move/);
  });
});
