import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { CHANNELS, contract, isChannel, type Channel } from '../../../src/shared/contract';

const ID = '01J9Z8Q6W3V4X5Y6Z7A8B9C0DE';
const ID2 = '01J9Z8Q6W3V4X5Y6Z7A8B9C0DF';

/**
 * One row per channel: an input the contract must accept and inputs it must
 * refuse for that channel's own reasons. A channel added to the contract
 * without a row fails "has a row for every channel": add one.
 */
const TABLE: Record<Channel, { valid: object; bad: unknown[] }> = {
  'app:info': { valid: {}, bad: [{ version: '1' }] },
  'app:printToPdf': { valid: { title: 'RFC-1 Use SQLite' }, bad: [{ title: 'x'.repeat(201) }, { title: 1 }] },
  'identity:set': {
    valid: { name: 'Ada Lovelace', email: 'ada@example.test' },
    bad: [{ name: '', email: '' }, { name: '   ', email: 'a@b' }, { name: 'Ada' }, { name: 'x'.repeat(201), email: '' }, { name: 7, email: '' }],
  },
  'identity:recent': { valid: {}, bad: [{ limit: 3 }] },
  'docs:create': {
    valid: { kind: 'rfc', title: 'Use SQLite', template: 'rfc-lightweight' },
    bad: [{ kind: 'memo' }, { kind: 'RFC' }, { kind: 'rfc', title: '' }, { kind: 'rfc', title: '   ' }, { kind: 'rfc', title: 'x'.repeat(201) }, { kind: 'rfc', template: 'Light RFC' }, { kind: 'rfc', template: '../x' }, { kind: 'rfc', template: '' }],
  },
  'docs:templates': { valid: {}, bad: [{ kind: 'rfc' }] },
  'docs:get': { valid: { id: ID }, bad: [{ id: 'abc' }, { id: ID.toLowerCase() }, { id: `${ID}0` }, { id: 'I'.repeat(26) }, { id: 12 }] },
  'docs:list': { valid: { kind: 'adr', status: 'draft', author: 'Ada', dir: 'asc' }, bad: [{ kind: 'memo' }, { kind: null }, { status: '' }, { dir: 'up' }, { sort: 'random' }] },
  'docs:update': {
    valid: { id: ID, baseRevision: 0, title: 'T', body: '## Summary\n', fields: { author: 'Ada' } },
    bad: [
      { id: ID },
      { id: ID, baseRevision: -1 },
      { id: ID, baseRevision: 1.5 },
      { id: ID, baseRevision: '1' },
      { id: ID, baseRevision: 0, title: '' },
      { id: ID, baseRevision: 0, body: 'x'.repeat(1_000_001) },
      { id: ID, baseRevision: 0, fields: [] },
      { id: ID, baseRevision: 0, body: null },
    ],
  },
  'docs:move': { valid: { id: ID, to: 'in-review' }, bad: [{ id: ID }, { id: ID, to: '' }, { id: ID, to: 'x'.repeat(41) }, { to: 'approved' }] },
  'docs:history': { valid: { id: ID }, bad: [{ id: '' }, { docId: ID }] },
  'versions:list': { valid: { docId: ID }, bad: [{ id: ID }, { docId: 'x' }] },
  'versions:get': { valid: { docId: ID, versionId: 3 }, bad: [{ docId: ID }, { docId: ID, versionId: 0 }, { docId: ID, versionId: 1.5 }, { docId: ID, versionId: '3' }] },
  'versions:restore': { valid: { docId: ID, versionId: 3, baseRevision: 7 }, bad: [{ docId: ID, versionId: -3 }, { docId: ID, versionId: 3, baseRevision: -1 }] },
  'links:backlinks': { valid: { id: ID }, bad: [{ id: 'RFC-1' }] },
  'links:resolve': { valid: { refs: ['RFC-1', 'ADR-2'] }, bad: [{ refs: 'RFC-1' }, { refs: ['x'.repeat(41)] }, { refs: Array(501).fill('RFC-1') }, { refs: [1] }] },
  'search:query': { valid: { q: 'sqlite wal', kind: 'rfc', limit: 10 }, bad: [{ q: 'x'.repeat(501) }, { q: 'a', limit: 0 }, { q: 'a', limit: 201 }, { q: 'a', kind: 'memo' }, { q: 'a', status: '' }] },
  'docs:delete': { valid: { id: ID }, bad: [{ id: null }] },
  'docs:restore': { valid: { id: ID }, bad: [{ id: [ID] }] },
  'trash:list': { valid: {}, bad: [{ all: true }] },
  'trash:empty': { valid: {}, bad: [{ force: true }] },
  'sync:getRemote': { valid: {}, bad: [{ url: 'x' }] },
  'sync:setRemote': {
    valid: { url: 'https://git.example.test/team/designs.git', branch: 'main', authorName: 'Ada', authorEmail: 'ada@example.test', auth: { kind: 'token', token: 'secret' } },
    bad: [
      { url: 'git@example.test:team/designs.git', branch: 'main', authorName: 'Ada', authorEmail: '', auth: { kind: 'none' } },
      { url: 'https://ada:pw@git.example.test/x.git', branch: 'main', authorName: 'Ada', authorEmail: '', auth: { kind: 'none' } },
      { url: 'https://git.example.test/x.git', branch: 'a..b', authorName: 'Ada', authorEmail: '', auth: { kind: 'none' } },
      { url: 'https://git.example.test/x.git', branch: 'main', authorName: 'Ada', authorEmail: '', auth: { kind: 'basic', password: 'pw' } },
      { url: 'https://git.example.test/x.git', branch: 'main', authorName: 'Ada', authorEmail: '', auth: { kind: 'ssh' } },
    ],
  },
  'sync:testRemote': { valid: { url: 'http://127.0.0.1:9/x.git', branch: 'main', authorName: 'Ada', authorEmail: '', auth: { kind: 'basic', username: 'ada' } }, bad: [{ url: '', branch: 'main', authorName: 'Ada', authorEmail: '', auth: { kind: 'none' } }] },
  'sync:disconnect': { valid: {}, bad: [{ force: true }] },
  'sync:setAutoSync': { valid: { minutes: 15 }, bad: [{ minutes: -1 }, { minutes: 1.5 }, { minutes: 100000 }] },
  'sync:run': { valid: {}, bad: [{ force: true }] },
  'sync:status': { valid: {}, bad: [{ verbose: true }] },
  'sync:cancel': { valid: {}, bad: [{ force: true }] },
  'sync:conflicts': { valid: {}, bad: [{ id: ID }] },
  'sync:resolve': { valid: { id: ID, take: 'merged', text: '---\nid: x\n---\n' }, bad: [{ id: ID, take: 'merged' }, { id: ID, take: 'both' }, { id: 'RFC-1', take: 'mine' }] },
  'actions:list': { valid: { owner: 'Ada', overdueOnly: true, today: '2026-03-02' }, bad: [{ today: '2/3/2026' }, { overdueOnly: 'yes' }, { status: 'whatever' }, { owner: 'x'.repeat(201) }] },
  'adrs:supersede': { valid: { id: ID, byId: ID2 }, bad: [{ id: ID }, { id: ID, byId: 'ADR-2' }] },
  'reviews:get': { valid: { docId: ID }, bad: [{ id: ID }, { docId: 'RFC-1' }] },
  'reviews:setReviewers': {
    valid: { docId: ID, reviewers: [{ name: 'Grace', email: 'grace@example.test', required: true }, { name: 'Linus', required: false }] },
    bad: [{ docId: ID }, { docId: ID, reviewers: [{ name: '', required: true }] }, { docId: ID, reviewers: [{ name: 'Grace' }] }, { docId: ID, reviewers: [{ name: 'G', required: true, role: 'x' }] }],
  },
  'reviews:request': { valid: { docId: ID, note: 'Please look at the data model' }, bad: [{ note: 'x' }, { docId: ID, note: 'x'.repeat(2001) }] },
  'reviews:verdict': { valid: { docId: ID, verdict: 'request-changes', note: 'See comments' }, bad: [{ docId: ID }, { docId: ID, verdict: 'lgtm' }, { docId: ID, verdict: 'approve', note: 3 }] },
  'reviews:comment': {
    valid: { docId: ID, text: 'Why not Postgres?', anchor: { section: 'Summary', quote: 'SQLite', prefix: 'We use ', suffix: ' for' } },
    bad: [{ docId: ID, text: '', anchor: { section: 'Summary', quote: '', prefix: '', suffix: '' } }, { docId: ID, text: 'x' }, { docId: ID, text: 'x', anchor: { section: 'Summary' } }],
  },
  'reviews:reply': { valid: { docId: ID, commentId: ID2, text: 'Done' }, bad: [{ docId: ID, commentId: 'c1', text: 'x' }, { docId: ID, commentId: ID2, text: '   ' }] },
  'reviews:resolve': { valid: { docId: ID, commentId: ID2 }, bad: [{ docId: ID }, { commentId: ID2 }] },
  'reviews:reopen': { valid: { docId: ID, commentId: ID2 }, bad: [{ docId: ID, commentId: 7 }] },
  'reviews:checklist': { valid: { docId: ID, item: 'security', checked: true, concern: 'No threat model' }, bad: [{ docId: ID, item: 'speed', checked: true }, { docId: ID, item: 'cost' }, { docId: ID, item: 'cost', checked: 'yes' }] },
  'reviews:reviewedText': { valid: { docId: ID }, bad: [{}, { docId: ID, extra: 1 }] },
  'reviews:raiseConcern': { valid: { docId: ID, title: 'Backups', text: '', anchor: { section: '', quote: '', prefix: '', suffix: '' } }, bad: [{ docId: ID, title: ' ', text: '', anchor: { section: '', quote: '', prefix: '', suffix: '' } }] },
  'reviews:resolveConcern': { valid: { docId: ID, concernId: '01JAAAAAAAAAAAAAAAAAAA0001', resolved: true }, bad: [{ docId: ID, concernId: 'x', resolved: true }] },
  'reviews:delegateConcern': { valid: { docId: ID, concernId: '01JAAAAAAAAAAAAAAAAAAA0001', to: { name: 'Grace', email: '' } }, bad: [{ docId: ID, concernId: '01JAAAAAAAAAAAAAAAAAAA0001' }] },
  'reviews:hold': { valid: { docId: ID, on: true, reason: 'Security review first' }, bad: [{ docId: ID, on: 'yes' }] },
  'dashboard:get': { valid: { today: '2026-03-02' }, bad: [{ today: 'today' }] },
  'dashboard:setStaleAfterDays': { valid: { days: 5 }, bad: [{ days: 0 }, { days: 1.5 }, { days: 366 }] },
  'settings:getReviewPolicy': { valid: {}, bad: [{ rfc: 2 }] },
  'settings:setReviewPolicy': { valid: { minApprovals: { rfc: 2, adr: 1 } }, bad: [{ minApprovals: { memo: 1 } }, { minApprovals: { rfc: -1 } }, { minApprovals: { rfc: 1.5 } }, { rfc: 2 }] },
  'reviews:suggestions': { valid: { docId: ID }, bad: [{}, { docId: ID, all: true }] },
  'reviews:suggest': {
    valid: { docId: ID, anchor: { section: 'Summary', quote: 'SQLite', prefix: 'We use ', suffix: ' for' }, replacement: 'Postgres', note: 'A server we run already' },
    bad: [{ docId: ID, replacement: 'x' }, { docId: ID, anchor: { section: 'Summary', quote: 'a', prefix: '', suffix: '' }, replacement: 'x'.repeat(20_001) }],
  },
  'reviews:decideSuggestion': { valid: { docId: ID, suggestionId: ID2, accept: false }, bad: [{ docId: ID, suggestionId: ID2 }, { docId: ID, suggestionId: 'nope', accept: true }] },
  'onboarding:state': { valid: {}, bad: [{ force: true }] },
  'onboarding:finish': { valid: {}, bad: [{ onboarded: false }] },
  'onboarding:rememberSamples': { valid: { ids: [ID, ID2] }, bad: [{ ids: ['x'] }, { ids: ID }, { ids: Array.from({ length: 21 }, () => ID) }, {}] },
  'onboarding:removeSamples': { valid: {}, bad: [{ ids: [ID] }] },
  'desktop:setTheme': { valid: { theme: 'dark' }, bad: [{ theme: 'Dark' }, { theme: 'sepia' }, {}] },
  'desktop:chooseWorkspace': { valid: {}, bad: [{ path: '/tmp' }] },
  'site:publish': { valid: { dir: '/tmp/site', title: 'Team decisions' }, bad: [{}, { dir: '' }, { dir: 1 }, { dir: '/tmp/site', title: 'x'.repeat(201) }, { dir: '/tmp/site', extra: 1 }] },
  'site:status': { valid: {}, bad: [{ running: true }] },
  'postmortems:severities': { valid: {}, bad: [{ levels: [] }] },
  'postmortems:overview': { valid: { today: '2026-11-20', quarters: 4 }, bad: [{ today: '20/11/2026' }, { quarters: 0 }, { quarters: 13 }, { quarters: 2.5 }] },
  'health:check': { valid: {}, bad: [{ all: true }] },
  'health:fix': { valid: { key: 'one-sided-supersede:x' }, bad: [{}, { key: '' }, { key: 7 }] },
  'health:seen': { valid: {}, bad: [{ keys: [] }] },
  'backups:list': { valid: {}, bad: [{ dir: '/tmp' }] },
  'backups:create': { valid: {}, bad: [{ file: '/tmp/x.sqlite' }] },
  'backups:restore': {
    valid: { id: 'designdesk-20261127T100000000Z.sqlite' },
    bad: [
      { id: '' },
      { id: '/etc/passwd' },
      { id: '../designdesk.sqlite' },
      { id: 'designdesk.sqlite' },
      { id: 'backups/designdesk-20261127T100000000Z.sqlite' },
      { id: 'designdesk-20261127T100000000Z.sqlite/../../x' },
      { id: 'designdesk-20261127T100000000Z.sqlite\0' },
      { id: 'designdesk-20261127T100000000Z.sqlite.partial' },
      { file: '/work/x.sqlite' },
      { id: 7 },
    ],
  },
};

const MALFORMED: [string, unknown][] = [
  ['null', null],
  ['undefined', undefined],
  ['42', 42],
  ['a string', 'docs'],
  ['true', true],
  ['an array', []],
  ['an array holding a valid input', 'WRAP'],
];

/** The input schemas are objects; a field is required when it rejects `undefined`. */
function requiredKeys(schema: z.ZodType): string[] {
  expect(schema).toBeInstanceOf(z.ZodObject);
  const shape = (schema as z.ZodObject).shape as Record<string, z.ZodType>;
  return Object.keys(shape).filter((k) => !shape[k]!.safeParse(undefined).success);
}

describe('the contract', () => {
  it('has a test row for every channel, and nothing else', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...CHANNELS].sort());
  });

  it('knows its own channels and nothing inherited from Object', () => {
    for (const c of CHANNELS) expect(isChannel(c)).toBe(true);
    for (const c of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'docs:', 'DOCS:GET', '']) expect(isChannel(c)).toBe(false);
  });

  describe.each(CHANNELS)('%s input', (channel) => {
    const schema = contract[channel].input as z.ZodType;
    const row = (): { valid: object; bad: unknown[] } => TABLE[channel] ?? { valid: {}, bad: [] };

    it.each(MALFORMED)('rejects %s', (_name, value) => {
      expect(schema.safeParse(value === 'WRAP' ? [row().valid] : value).success).toBe(false);
    });

    it('rejects {} exactly when a field is required, naming each missing field', () => {
      const required = requiredKeys(schema);
      const r = schema.safeParse({});
      expect(r.success).toBe(required.length === 0);
      if (!r.success) expect(r.error.issues.map((i) => i.path[0]).sort()).toEqual(expect.arrayContaining(required.sort()));
    });

    it('rejects unknown extra keys, including own "__proto__" from JSON.parse', () => {
      const r = schema.safeParse({ zzExtra: 1 });
      expect(r.success).toBe(false);
      expect(r.error?.issues).toContainEqual(expect.objectContaining({ code: 'unrecognized_keys', keys: ['zzExtra'] }));
      const withProto = JSON.parse(`{"__proto__": {"isAdmin": true}, ${JSON.stringify(row().valid).slice(1)}`.replace(/, }$/, '}')) as unknown;
      expect(schema.safeParse(withProto).success).toBe(false);
      expect(schema.safeParse({ ...row().valid, extra: 1 }).success).toBe(false);
    });

    it('accepts the valid example of its row', () => {
      expect(TABLE[channel], `add a row for ${channel} to TABLE`).toBeDefined();
      const r = schema.safeParse(row().valid);
      expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
    });

    it('rejects each channel-specific bad input', () => {
      for (const bad of row().bad) expect(schema.safeParse(bad).success, JSON.stringify(bad).slice(0, 80)).toBe(false);
    });
  });
});
