import type { DocKind } from '../../../../src/shared/kinds/kinds';
import { bodyHash } from '../../../../src/shared/reviews/bodyHash';
import type { ReviewRecord, Verdict } from '../../../../src/shared/reviews/schemas';

/** Builds review records for tests: sequential ids and times, so their order is the order they are made. */
export function recordMaker(startAt = Date.parse('2026-03-01T09:00:00Z')) {
  let n = 0;
  const next = (): { id: string; at: string } => {
    n++;
    return { id: `01JAAAAAAAAAAAAAAAAAAA${String(n).padStart(4, '0')}`, at: new Date(startAt + n * 60_000).toISOString() };
  };
  const person = (name: string) => ({ name, email: `${name.toLowerCase()}@example.test` });
  return {
    reviewer: (name: string, required: boolean, removed = false): ReviewRecord => ({
      ...next(),
      by: person('Ada'),
      type: 'reviewer',
      reviewer: { name, email: `${name.toLowerCase()}@example.test`, required },
      removed,
    }),
    request: (body = 'v1'): ReviewRecord => ({ ...next(), by: person('Ada'), type: 'request', revision: 1, bodyHash: bodyHash(body), note: '' }),
    verdict: (name: string, verdict: Verdict, body = 'v1'): ReviewRecord => ({
      ...next(),
      by: person(name),
      type: 'verdict',
      verdict,
      note: '',
      revision: 1,
      bodyHash: bodyHash(body),
    }),
    concern: (name: string, title: string): ReviewRecord => ({
      ...next(),
      by: person(name),
      type: 'concern',
      title,
      text: '',
      anchor: { section: '', quote: '', prefix: '', suffix: '' },
      revision: 1,
      bodyHash: bodyHash('v1'),
    }),
    resolution: (name: string, concernId: string, resolved = true): ReviewRecord => ({ ...next(), by: person(name), type: 'concern-resolution', concernId, resolved, note: '' }),
    delegation: (name: string, concernId: string, to: string): ReviewRecord => ({ ...next(), by: person(name), type: 'concern-delegation', concernId, to: person(to) }),
    hold: (name: string, on: boolean, reason = ''): ReviewRecord => ({ ...next(), by: person(name), type: 'hold', on, reason }),
  };
}

export const KIND: DocKind = 'rfc';
