import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../../../../src/shared/reviews/policy';
import type { ReviewPolicy, ReviewRecord } from '../../../../src/shared/reviews/schemas';
import { contentHash } from '../../../../src/shared/reviews/contentHash';
import { recordMaker } from './records';

/** A verdict as the app writes it now: with the content hash of the text it was given on. */
const withContent = (r: ReviewRecord, body: string): ReviewRecord => ({ ...r, contentHash: contentHash({ kind: 'rfc', body, fields: {} }) }) as ReviewRecord;

type Make = ReturnType<typeof recordMaker>;

interface Case {
  name: string;
  records: (m: Make) => ReviewRecord[];
  body?: string;
  kind?: 'rfc' | 'adr' | 'matrix' | 'postmortem';
  policy?: ReviewPolicy;
  ok: boolean;
  missing?: string[];
  changesRequestedBy?: string[];
  approvals?: number;
  staleApprovals?: string[];
  message?: RegExp;
}

const CASES: Case[] = [
  { name: 'no reviewers and no minimum: nothing blocks', records: () => [], ok: true, missing: [], approvals: 0, message: /No reviewers are required/ },
  {
    name: 'a required reviewer who has not answered blocks',
    records: (m) => [m.reviewer('Grace', true), m.request()],
    ok: false,
    missing: ['Grace'],
    message: /Waiting for approval from Grace\./,
  },
  {
    name: 'every required reviewer approved; an optional one silent',
    records: (m) => [m.reviewer('Grace', true), m.reviewer('Linus', false), m.request(), m.verdict('Grace', 'approve')],
    ok: true,
    missing: [],
    approvals: 1,
  },
  {
    name: 'only optional reviewers, none answered: the default policy holds',
    records: (m) => [m.reviewer('Linus', false), m.request()],
    ok: true,
    approvals: 0,
  },
  {
    name: 'an optional reviewer requesting changes blocks',
    records: (m) => [m.reviewer('Grace', true), m.reviewer('Linus', false), m.verdict('Grace', 'approve'), m.verdict('Linus', 'request-changes')],
    ok: false,
    missing: [],
    changesRequestedBy: ['Linus'],
    message: /Changes requested by Linus\./,
  },
  {
    name: 'changes requested, then approved: the approval stands',
    records: (m) => [m.reviewer('Grace', true), m.verdict('Grace', 'request-changes'), m.verdict('Grace', 'approve')],
    ok: true,
    changesRequestedBy: [],
    approvals: 1,
  },
  {
    name: 'approved, then changes requested: the request stands',
    records: (m) => [m.reviewer('Grace', true), m.verdict('Grace', 'approve'), m.verdict('Grace', 'request-changes')],
    ok: false,
    missing: ['Grace'],
    changesRequestedBy: ['Grace'],
  },
  {
    name: 'a plain comment after requesting changes does not withdraw the request',
    records: (m) => [m.reviewer('Grace', true), m.verdict('Grace', 'request-changes'), m.verdict('Grace', 'comment')],
    ok: false,
    changesRequestedBy: ['Grace'],
  },
  {
    name: 'someone not asked who requests changes still blocks',
    records: (m) => [m.reviewer('Grace', true), m.verdict('Grace', 'approve'), m.verdict('Margaret', 'request-changes')],
    ok: false,
    changesRequestedBy: ['Margaret'],
  },
  {
    name: 'a removed reviewer no longer counts, for or against',
    records: (m) => [m.reviewer('Grace', true), m.reviewer('Linus', true), m.verdict('Linus', 'request-changes'), m.reviewer('Linus', true, true), m.verdict('Grace', 'approve')],
    ok: true,
    approvals: 1,
  },
  {
    name: 'a reviewer changed from required to optional',
    records: (m) => [m.reviewer('Grace', true), m.reviewer('Linus', true), m.verdict('Grace', 'approve'), m.reviewer('Linus', false)],
    ok: true,
  },
  {
    name: 'two required reviewers, one approved',
    records: (m) => [m.reviewer('Grace', true), m.reviewer('Linus', true), m.verdict('Linus', 'approve')],
    ok: false,
    missing: ['Grace'],
    approvals: 1,
  },
  {
    name: 'minimum approvals not reached names the optional reviewers who could approve',
    policy: { minApprovals: { rfc: 2 } },
    records: (m) => [m.reviewer('Grace', true), m.reviewer('Linus', false), m.reviewer('Margaret', false), m.verdict('Grace', 'approve')],
    ok: false,
    missing: ['Linus', 'Margaret'],
    approvals: 1,
    message: /Needs at least 2 approvals \(has 1\); not yet approved by Linus and Margaret\./,
  },
  {
    name: 'minimum approvals reached with optional reviewers',
    policy: { minApprovals: { rfc: 2 } },
    records: (m) => [m.reviewer('Grace', true), m.reviewer('Linus', false), m.verdict('Grace', 'approve'), m.verdict('Linus', 'approve')],
    ok: true,
    approvals: 2,
  },
  {
    name: 'a minimum with nobody left to ask says to add reviewers',
    policy: { minApprovals: { rfc: 3 } },
    records: (m) => [m.reviewer('Grace', true), m.verdict('Grace', 'approve')],
    ok: false,
    missing: [],
    message: /Needs at least 3 approvals \(has 1\); add more reviewers\./,
  },
  {
    name: 'the minimum applies per kind',
    kind: 'adr',
    policy: { minApprovals: { rfc: 2 } },
    records: (m) => [m.reviewer('Grace', false)],
    ok: true,
  },
  {
    name: 'a minimum for ADRs with no reviewers blocks accepting',
    kind: 'adr',
    policy: { minApprovals: { adr: 1 } },
    records: () => [],
    ok: false,
    message: /Needs at least 1 approval \(has 0\)/,
  },
  {
    name: 'dismissStaleApprovals off: an approval on an earlier version still counts and is reported stale',
    body: 'v2',
    policy: { minApprovals: {}, dismissStaleApprovals: false },
    records: (m) => [m.reviewer('Grace', true), m.request('v1'), m.verdict('Grace', 'approve', 'v1')],
    ok: true,
    approvals: 1,
    staleApprovals: ['Grace'],
    message: /Grace approved an earlier version\./,
  },
  {
    name: 'by default an approval on an earlier text is dismissed: the required reviewer must approve again',
    body: 'v2',
    records: (m) => [m.reviewer('Grace', true), m.request('v1'), m.verdict('Grace', 'approve', 'v1')],
    ok: false,
    approvals: 0,
    missing: ['Grace'],
    staleApprovals: ['Grace'],
    message: /Waiting for approval from Grace\. The approval by Grace was given on an earlier text and is dismissed\./,
  },
  {
    name: 'a dismissed approval does not count toward the minimum either',
    body: 'v2',
    policy: { minApprovals: { rfc: 2 } },
    records: (m) => [m.reviewer('Grace', false), m.reviewer('Linus', false), m.verdict('Grace', 'approve', 'v1'), m.verdict('Linus', 'approve', 'v2')],
    ok: false,
    approvals: 1,
    missing: ['Grace'],
    staleApprovals: ['Grace'],
  },
  {
    name: 'a whitespace-only change (reflowed lines, blank lines) keeps approvals given by content hash',
    body: 'line one\n\nline   two\n\n\n',
    records: (m) => [m.reviewer('Grace', true), withContent(m.verdict('Grace', 'approve', 'x'), 'line one line two')],
    ok: true,
    staleApprovals: [],
  },
  {
    name: 'a word changed is a new text for an approval given by content hash',
    body: 'line one line three',
    records: (m) => [m.reviewer('Grace', true), withContent(m.verdict('Grace', 'approve', 'line one line three'), 'line one line two')],
    ok: false,
    staleApprovals: ['Grace'],
  },
  {
    name: 'approving again after the edit is no longer stale',
    body: 'v2',
    records: (m) => [m.reviewer('Grace', true), m.verdict('Grace', 'approve', 'v1'), m.verdict('Grace', 'approve', 'v2')],
    ok: true,
    staleApprovals: [],
  },
  {
    name: 'a line-ending-only change does not make an approval stale',
    body: 'line one\r\nline two\r\n',
    records: (m) => [m.reviewer('Grace', true), m.verdict('Grace', 'approve', 'line one\nline two')],
    ok: true,
    staleApprovals: [],
  },
  {
    name: 'the same person by email under another spelling of their name',
    records: (m) => [
      m.reviewer('Grace', true),
      { ...m.verdict('Grace', 'approve'), by: { name: 'Grace B. Hopper', email: 'GRACE@example.test' } } as ReviewRecord,
    ],
    ok: true,
    missing: [],
  },
];

describe('evaluatePolicy', () => {
  it.each(CASES)('$name', (c) => {
    const r = evaluatePolicy({ kind: c.kind ?? 'rfc', records: c.records(recordMaker()), body: c.body ?? 'v1', ...(c.policy ? { policy: c.policy } : {}) });
    expect(r.ok).toBe(c.ok);
    if (c.missing) expect(r.missing).toEqual(c.missing);
    if (c.changesRequestedBy) expect(r.changesRequestedBy).toEqual(c.changesRequestedBy);
    if (c.approvals !== undefined) expect(r.approvals).toBe(c.approvals);
    if (c.staleApprovals) expect(r.staleApprovals).toEqual(c.staleApprovals);
    if (c.message) expect(r.message).toMatch(c.message);
  });

  it('does not depend on the order records arrive in (a merged file may list them in any order)', () => {
    const m = recordMaker();
    const records = [m.reviewer('Grace', true), m.verdict('Grace', 'request-changes'), m.verdict('Grace', 'approve')];
    const shuffled = [records[2]!, records[0]!, records[1]!];
    expect(evaluatePolicy({ kind: 'rfc', records: shuffled, body: 'v1' })).toEqual(evaluatePolicy({ kind: 'rfc', records, body: 'v1' }));
  });
});
