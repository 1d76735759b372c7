import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch, type Handlers } from '../../src/main/api/dispatch';
import { createApp, type App } from '../../src/main/app';
import { CHANNELS, contract, type Channel, type Input } from '../../src/shared/contract';
import { MAX_BODY_CHARS } from '../../src/shared/document';
import type { ErrorCode, Result } from '../../src/shared/errors';

// Every contract entry, through the real composition root on a temp
// workspace: malformed input is refused with VALIDATION before any service
// runs (the database and the workspace folder are byte-for-byte unchanged,
// and a spy table of handlers is never called), and random payloads only
// ever produce ok or a domain error, never INTERNAL and never a throw.

interface Ids {
  rfc: string;
  adr: string;
  adr2: string;
  matrix: string;
  postmortem: string;
}

const ULID = '01J0000000000000000000000Z';
const REMOTE = { url: 'http://127.0.0.1:9/team/designs.git', branch: 'main', authorName: 'Ada', authorEmail: 'ada@example.test', auth: { kind: 'none' } } as const;
const ANCHOR = { section: 'Summary', quote: '', prefix: '', suffix: '' };

/** A valid input per channel: the base the malformed variants are made from. Typed, so a new channel without a row fails tsc. */
const VALID: { [C in Channel]: (ids: Ids) => Input<C> } = {
  'app:info': () => ({}),
  'app:printToPdf': () => ({ title: 'RFC-1' }),
  'identity:set': () => ({ name: 'Ada', email: 'ada@example.test' }),
  'identity:recent': () => ({}),
  'docs:create': () => ({ kind: 'rfc', title: 'Fuzzed' }),
  'docs:get': (d) => ({ id: d.rfc }),
  'docs:list': () => ({ kind: 'rfc', sort: 'updated', dir: 'desc' }) as Input<'docs:list'>,
  'docs:update': (d) => ({ id: d.rfc, baseRevision: 0, title: 'T', body: 'B', fields: {} }),
  'docs:move': (d) => ({ id: d.rfc, to: 'In Review' }),
  'docs:history': (d) => ({ id: d.rfc }),
  'docs:templates': () => ({}),
  'versions:list': (d) => ({ docId: d.rfc }),
  'versions:get': (d) => ({ docId: d.rfc, versionId: 1 }),
  'versions:restore': (d) => ({ docId: d.rfc, versionId: 1, baseRevision: 0 }),
  'links:backlinks': (d) => ({ id: d.rfc }),
  'links:resolve': () => ({ refs: ['RFC-1', 'ADR-9'] }),
  'search:query': () => ({ q: 'sqlite', kind: 'rfc', limit: 10 }),
  'docs:delete': (d) => ({ id: d.rfc }),
  'docs:restore': (d) => ({ id: d.rfc }),
  'trash:list': () => ({}),
  'trash:empty': () => ({}),
  'sync:getRemote': () => ({}),
  'sync:setRemote': () => ({ ...REMOTE }),
  'sync:testRemote': () => ({ ...REMOTE }),
  'sync:disconnect': () => ({}),
  'sync:setAutoSync': () => ({ minutes: 0 }),
  'sync:run': () => ({}),
  'sync:status': () => ({}),
  'sync:cancel': () => ({}),
  'sync:conflicts': () => ({}),
  'sync:resolve': (d) => ({ id: d.rfc, take: 'mine' }),
  'actions:list': () => ({ owner: 'Ada', status: 'open', overdueOnly: true, today: '2026-01-02' }) as Input<'actions:list'>,
  'adrs:supersede': (d) => ({ id: d.adr, byId: d.adr2 }),
  'reviews:get': (d) => ({ docId: d.rfc }),
  'reviews:setReviewers': (d) => ({ docId: d.rfc, reviewers: [{ name: 'Grace', email: 'grace@example.test', required: true }] }),
  'reviews:request': (d) => ({ docId: d.rfc, note: 'please' }),
  'reviews:verdict': (d) => ({ docId: d.rfc, verdict: 'comment', note: 'ok' }),
  'reviews:comment': (d) => ({ docId: d.rfc, text: 'Why?', anchor: ANCHOR }),
  'reviews:reply': (d) => ({ docId: d.rfc, commentId: ULID, text: 'Because.' }),
  'reviews:resolve': (d) => ({ docId: d.rfc, commentId: ULID }),
  'reviews:reopen': (d) => ({ docId: d.rfc, commentId: ULID }),
  'reviews:checklist': (d) => ({ docId: d.rfc, item: 'security', checked: true, concern: 'tokens' }),
  'reviews:reviewedText': (d) => ({ docId: d.rfc }),
  'reviews:raiseConcern': (d) => ({ docId: d.rfc, title: 'Backups', text: 'No backup story', anchor: ANCHOR }),
  'reviews:resolveConcern': (d) => ({ docId: d.rfc, concernId: '01JAAAAAAAAAAAAAAAAAAA0001', resolved: true }),
  'reviews:delegateConcern': (d) => ({ docId: d.rfc, concernId: '01JAAAAAAAAAAAAAAAAAAA0001', to: { name: 'Grace', email: 'grace@example.test' } }),
  'reviews:hold': (d) => ({ docId: d.rfc, on: true, reason: 'Waiting for the security review' }),
  'dashboard:get': () => ({ today: '2026-01-02' }),
  'dashboard:setStaleAfterDays': () => ({ days: 7 }),
  'settings:getReviewPolicy': () => ({}),
  'settings:setReviewPolicy': () => ({ minApprovals: { rfc: 1 } }),
  'reviews:suggestions': (d) => ({ docId: d.rfc }),
  'reviews:suggest': (d) => ({ docId: d.rfc, anchor: { section: 'Summary', quote: 'x', prefix: '', suffix: '' }, replacement: 'y' }),
  'reviews:decideSuggestion': (d) => ({ docId: d.rfc, suggestionId: ULID, accept: true }),
  'onboarding:state': () => ({}),
  'onboarding:finish': () => ({}),
  'onboarding:rememberSamples': (d) => ({ ids: [d.rfc] }),
  'onboarding:removeSamples': () => ({}),
  'desktop:setTheme': () => ({ theme: 'dark' }),
  'desktop:chooseWorkspace': () => ({}),
  'site:publish': () => ({ dir: path.join(dir, 'published-site'), title: 'Fuzzed' }),
  'site:status': () => ({}),
  'postmortems:severities': () => ({}),
  'postmortems:overview': () => ({ today: '2026-11-20', quarters: 4 }),
  'health:check': () => ({}),
  'health:fix': () => ({ key: 'one-sided-supersede:nothing' }),
  'health:seen': () => ({}),
  'backups:list': () => ({}),
  'backups:create': () => ({}),
  'backups:restore': () => ({ id: 'designdesk-20261127T100000000Z.sqlite' }),
};

const long = (n: number): string => 'x'.repeat(n);
/** An object nested `depth` levels deep, built without recursion. */
function nested(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}
const HOSTILE_IDS = ['', 'x', '../../etc/passwd', `${ULID}\0`, ULID.toLowerCase(), `${ULID}A`, '01J000000000000000000000I0', "1' OR '1'='1", 42, null, ['01J0000000000000000000000Z']];

/** Inputs a hostile or broken renderer might send, beyond the generic variants: each must be VALIDATION. */
const HOSTILE: { [C in Channel]?: (ids: Ids) => unknown[] } = {
  'app:printToPdf': () => [{ title: long(201) }, { title: null }],
  'identity:set': () => [{ name: '', email: 'a@b' }, { name: '   ', email: '' }, { name: long(201), email: '' }, { name: 'A', email: long(321) }, { name: 'A' }],
  'docs:create': () => [{ kind: 'nonsense' }, { kind: 'RFC' }, { kind: '__proto__' }, { kind: 'rfc', title: '' }, { kind: 'rfc', title: '   ' }, { kind: 'rfc', title: long(201) }, { kind: 'rfc', title: 7 }, { kind: 'rfc', id: ULID }, { kind: 'rfc', number: 1 }, { kind: 'rfc', template: '../rfc' }, { kind: 'rfc', template: 'A B' }, { kind: 'rfc', template: long(61) }, { kind: 'rfc', template: 3 }],
  'docs:get': () => HOSTILE_IDS.map((id) => ({ id })),
  'docs:list': () => [{ kind: 'x' }, { status: '' }, { status: long(41) }, { sort: 'title; DROP TABLE documents' }, { dir: 'up' }, { author: long(201) }],
  'docs:update': (d) => [
    { id: d.rfc, baseRevision: -1 },
    { id: d.rfc, baseRevision: 0.5 },
    { id: d.rfc, baseRevision: '0' },
    { id: d.rfc, baseRevision: Number.MAX_SAFE_INTEGER + 2 },
    { id: d.rfc },
    { id: d.rfc, baseRevision: 0, body: long(MAX_BODY_CHARS + 1) },
    { id: d.rfc, baseRevision: 0, title: '' },
    { id: d.rfc, baseRevision: 0, fields: [] },
    { id: d.rfc, baseRevision: 0, fields: 'x' },
    { id: d.rfc, baseRevision: 0, fields: { author: 'A', extra: nested(2_000) } },
    { id: d.rfc, baseRevision: 0, fields: { extra: nested(13) } },
    { id: d.rfc, baseRevision: 0, fields: { author: 'A', n: Number.POSITIVE_INFINITY } },
    { id: d.rfc, baseRevision: 0, fields: { many: Array.from({ length: 60_000 }, () => 1) } },
    { id: d.rfc, baseRevision: 0, status: 'Approved' },
    { id: d.rfc, baseRevision: 0, revision: 9 },
    ...HOSTILE_IDS.map((id) => ({ id, baseRevision: 0 })),
  ],
  'docs:move': (d) => [{ id: d.rfc, to: '' }, { id: d.rfc, to: long(41) }, { id: d.rfc }, { to: 'Approved' }],
  'versions:get': (d) => [{ docId: d.rfc, versionId: 0 }, { docId: d.rfc, versionId: -1 }, { docId: d.rfc, versionId: 1.5 }, { docId: d.rfc, versionId: '1' }],
  'versions:restore': (d) => [{ docId: d.rfc, versionId: 0 }, { docId: d.rfc, versionId: 1, baseRevision: -1 }],
  'links:resolve': () => [{ refs: 'RFC-1' }, { refs: [long(41)] }, { refs: Array.from({ length: 501 }, () => 'RFC-1') }, { refs: [1] }],
  'search:query': () => [{ q: long(501) }, { q: 'x', limit: 0 }, { q: 'x', limit: 201 }, { q: 'x', limit: 1.5 }, { q: 'x', kind: 'all' }, { q: null }],
  'sync:setRemote': () => remoteHostile(),
  'sync:testRemote': () => remoteHostile(),
  'sync:setAutoSync': () => [{ minutes: -1 }, { minutes: 24 * 60 + 1 }, { minutes: 1.5 }, { minutes: '5' }],
  'sync:resolve': (d) => [{ id: d.rfc, take: 'merged' }, { id: d.rfc, take: 'both' }, { id: d.rfc, take: 'merged', text: long(2_000_001) }],
  'actions:list': () => [{ today: '2026-1-2' }, { today: 'tomorrow' }, { status: 'closed-ish' }, { owner: long(201) }, { overdueOnly: 'yes' }],
  'adrs:supersede': (d) => [{ id: d.adr }, { id: d.adr, byId: 'x' }],
  'reviews:setReviewers': (d) => [
    { docId: d.rfc, reviewers: [{ name: '', required: true }] },
    { docId: d.rfc, reviewers: [{ name: 'A', required: 'yes' }] },
    { docId: d.rfc, reviewers: [{ name: 'A', required: true, admin: true }] },
    { docId: d.rfc, reviewers: Array.from({ length: 51 }, (_, i) => ({ name: `R${i}`, required: false })) },
  ],
  'reviews:request': (d) => [{ docId: d.rfc, note: long(2001) }],
  'reviews:verdict': (d) => [{ docId: d.rfc, verdict: 'approved' }, { docId: d.rfc, verdict: 'approve', note: long(20_001) }],
  'reviews:comment': (d) => [
    { docId: d.rfc, text: '', anchor: ANCHOR },
    { docId: d.rfc, text: '   ', anchor: ANCHOR },
    { docId: d.rfc, text: long(20_001), anchor: ANCHOR },
    { docId: d.rfc, text: 'x', anchor: { ...ANCHOR, quote: long(5001) } },
    { docId: d.rfc, text: 'x', anchor: { ...ANCHOR, extra: 1 } },
    { docId: d.rfc, text: 'x', anchor: { section: 'Summary' } },
  ],
  'reviews:reply': (d) => [{ docId: d.rfc, commentId: 'x', text: 'y' }, { docId: d.rfc, commentId: ULID, text: '' }],
  'reviews:checklist': (d) => [{ docId: d.rfc, item: 'vibes', checked: true }, { docId: d.rfc, item: 'security', checked: true, concern: long(5001) }],
  'dashboard:get': () => [{ today: '02/01/2026' }],
  'dashboard:setStaleAfterDays': () => [{ days: 0 }, { days: 366 }, { days: 1.5 }],
  'reviews:suggest': (d) => [{ docId: d.rfc, anchor: ANCHOR, replacement: long(20_001) }, { docId: d.rfc, anchor: { section: 'Summary' }, replacement: 'y' }],
  'reviews:decideSuggestion': (d) => [{ docId: d.rfc, suggestionId: 'S1', accept: true }, { docId: d.rfc, suggestionId: ULID, accept: 'yes' }],
  'settings:setReviewPolicy': () => [{ minApprovals: { rfc: -1 } }, { minApprovals: { rfc: 51 } }, { minApprovals: { memo: 1 } }, { minApprovals: { rfc: 1.5 } }, {}],
  'onboarding:rememberSamples': (d) => [{ ids: Array.from({ length: 21 }, () => d.rfc) }, { ids: ['x'] }, { ids: d.rfc }],
  'desktop:setTheme': () => [{ theme: 'solarized' }, { theme: '' }],
  'site:publish': () => [{ dir: '' }, { dir: long(4097) }, { dir: '/tmp/x', title: long(201) }],
  'postmortems:overview': () => [{ today: '2026-1-2' }, { quarters: 0 }, { quarters: 13 }, { quarters: 1.5 }, { quarters: '4' }],
  'backups:restore': () => [{ id: '../designdesk.sqlite' }, { id: '/etc/passwd' }, { id: 'designdesk.sqlite' }, { id: 'backups/designdesk-20261127T100000000Z.sqlite' }, { id: 'designdesk-20261127T100000000Z.sqlite.partial' }, { path: '/tmp/x.sqlite' }],
};

function remoteHostile(): unknown[] {
  return [
    { ...REMOTE, url: 'file:///etc/passwd' },
    { ...REMOTE, url: 'ssh://git@example.com/x.git' },
    { ...REMOTE, url: 'javascript:alert(1)' },
    { ...REMOTE, url: 'https://user:secret@example.com/x.git' },
    { ...REMOTE, url: 'https://token@example.com/x.git' },
    { ...REMOTE, url: '' },
    { ...REMOTE, url: `https://example.com/${long(2000)}` },
    { ...REMOTE, branch: '../../etc' },
    { ...REMOTE, branch: 'a..b' },
    { ...REMOTE, branch: 'main.lock' },
    { ...REMOTE, branch: 'main\nHEAD' },
    { ...REMOTE, branch: '/main' },
    { ...REMOTE, authorName: '' },
    { ...REMOTE, auth: { kind: 'ssh-key' } },
    { ...REMOTE, auth: { kind: 'token', token: '' } },
    { ...REMOTE, auth: { kind: 'token', token: long(4097) } },
    { ...REMOTE, auth: { kind: 'basic', password: 'p' } },
    { ...REMOTE, auth: { kind: 'none', token: 't' } },
  ];
}

const WRONG_TYPE = (v: unknown): unknown => (typeof v === 'string' ? 12345 : typeof v === 'number' ? '12' : typeof v === 'boolean' ? 'yes' : 'x');

/** The generic malformed variants of a valid input: other types, unknown keys, a required key missing, a key of the wrong type. */
function malformedVariants(channel: Channel, valid: Record<string, unknown>): [string, unknown][] {
  const out: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a string', 'docs:list'],
    ['true', true],
    ['an array', [valid]],
    ['an unknown key', { ...valid, zzUnknown: 1 }],
    ['a prototype key', JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(valid).slice(1, -1) || '"constructor": 1'}}`)],
  ];
  const shape = (contract[channel].input as unknown as { shape?: Record<string, { safeParse(v: unknown): { success: boolean } }> }).shape ?? {};
  for (const [key, value] of Object.entries(valid)) {
    if (shape[key] && !shape[key]!.safeParse(undefined).success) {
      const { [key]: _dropped, ...rest } = valid;
      out.push([`without ${key}`, rest]);
    }
    out.push([`${key} of the wrong type`, { ...valid, [key]: WRONG_TYPE(value) }]);
  }
  return out;
}

/** Every row of every table plus the workspace's file names: proof that nothing was written. */
function fingerprint(app: App, dir: string): string {
  const hash = crypto.createHash('sha256');
  const tables = app.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
    const rows = app.db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).all();
    hash.update(name);
    hash.update(rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v))).sort().join('\n'));
  }
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => !/designdesk\.sqlite(-wal|-shm)?$/.test(f)).sort();
  hash.update(files.join('\n'));
  return hash.digest('hex');
}

/** Refusals a service may answer with; sync adds the network ones (its remote, 127.0.0.1:9, refuses connections). */
const DOMAIN_CODES: readonly ErrorCode[] = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'ILLEGAL_TRANSITION', 'POLICY', 'UNSUPPORTED', 'FORBIDDEN', 'NETWORK', 'AUTH_FAILED'];

let dir: string;
let app: App;
let ids: Ids;
const internals: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-fuzz-'));
  app = createApp({
    workspaceDir: dir,
    bridge: 'web',
    version: 'test',
    fallbackIdentity: () => ({ name: 'Ada', email: 'ada@example.test' }),
    dispatch: { checkOutput: true, onInternalError: (channel, e) => internals.push(`${channel}: ${e instanceof Error ? e.stack : String(e)}`) },
  });
  const create = async (kind: string): Promise<string> => {
    const r = (await app.dispatch('docs:create', { kind, title: `A ${kind}` })) as Result<{ id: string }>;
    if (!r.ok) throw new Error(r.error.message);
    return r.value.id;
  };
  ids = { rfc: await create('rfc'), adr: await create('adr'), adr2: await create('adr'), matrix: await create('matrix'), postmortem: await create('postmortem') };
});

afterAll(() => {
  app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('malformed input is refused before any service runs', () => {
  it('has a valid sample for every contract entry, and each sample passes its schema', () => {
    expect(Object.keys(VALID).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) {
      const parsed = contract[channel].input.safeParse(VALID[channel](ids));
      expect(parsed.success, `${channel}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
    }
  });

  it.each([...CHANNELS])('%s: every malformed variant is VALIDATION and changes nothing', async (channel) => {
    const valid = VALID[channel](ids) as Record<string, unknown>;
    const cases = [...malformedVariants(channel, valid), ...(HOSTILE[channel]?.(ids) ?? []).map((v, i) => [`hostile #${i}`, v] as [string, unknown])];
    const before = fingerprint(app, dir);
    for (const [what, input] of cases) {
      const r = await app.dispatch(channel, input);
      expect(r.ok, `${channel} accepted ${what}: ${JSON.stringify(input)?.slice(0, 200)}`).toBe(false);
      if (!r.ok) {
        expect(r.error.code, `${channel} ${what}`).toBe('VALIDATION');
        expect(r.error.message.length, `${channel} ${what}`).toBeGreaterThan(0);
      }
    }
    expect(fingerprint(app, dir), `${channel} wrote something while refusing`).toBe(before);
  });

  it('never reaches a handler with input its schema refuses (spy handlers for every channel)', async () => {
    const called: string[] = [];
    const spies = new Proxy({} as Handlers, { get: (_t, channel: string) => () => (called.push(channel), null) });
    const dispatch = createDispatch(spies);
    let refused = 0;
    for (const channel of CHANNELS) {
      const valid = VALID[channel](ids) as Record<string, unknown>;
      for (const [, input] of [...malformedVariants(channel, valid), ...(HOSTILE[channel]?.(ids) ?? []).map((v) => ['', v] as const)]) {
        const r = await dispatch(channel, input);
        expect(r.ok).toBe(false);
        refused++;
      }
    }
    expect(called).toEqual([]);
    expect(refused).toBeGreaterThan(CHANNELS.length * 8);
    console.log(`[contract-fuzz] ${refused} malformed inputs over ${CHANNELS.length} channels, ${Object.values(HOSTILE).reduce((n, f) => n + f!(ids).length, 0)} of them hand-written`);
    // The spies are live: a valid call does reach its handler.
    await dispatch('docs:get', { id: ids.rfc });
    expect(called).toEqual(['docs:get']);
  });

  it('refuses unknown and prototype channel names with NOT_FOUND', async () => {
    for (const channel of ['', 'docs:nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'docs:get ', 'DOCS:GET', long(10_000)]) {
      const r = await app.dispatch(channel, {});
      expect(r, channel.slice(0, 20)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });
});

/** Strings that have broken parsers, SQL and Markdown code elsewhere. */
const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\0', '\u202e', '\ud800', "'; DROP TABLE documents; --", '%s%n', '${x}', '__proto__', 'constructor', '../..', 'RFC-0', 'RFC-999999', '"', '\\', '*', 'NEAR(', 'a OR', '"unbalanced', '^', '-', 'AND', 'NOT x', 'x*', '{}', '🙂'.repeat(50)),
);
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, -1, 1, 2 ** 31, 2 ** 53, Number.MAX_VALUE, Number.MIN_VALUE, true, false, null),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(nastyString, { maxLength: 4 }),
);

/** Valid-looking payloads: the sample with some keys replaced by nasty values, some extra keys, ids swapped between kinds. */
function nearValid(channel: Channel): fc.Arbitrary<unknown> {
  const base = VALID[channel](ids) as Record<string, unknown>;
  const keys = Object.keys(base);
  const swapId = fc.constantFrom(ids.rfc, ids.adr, ids.adr2, ids.matrix, ids.postmortem, ULID);
  return fc.record(Object.fromEntries(keys.map((k) => [k, /id$/i.test(k) ? fc.oneof(swapId, nastyValue) : k === 'url' ? fc.constant(base[k]) : fc.oneof(fc.constant(base[k]), nastyValue)])), { requiredKeys: [] });
}

describe('random payloads per channel give ok or a domain error, never INTERNAL', () => {
  it.each([...CHANNELS])('%s', async (channel) => {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything({ maxDepth: 2 }), fc.jsonValue({ maxDepth: 3 }), nearValid(channel), nearValid(channel)), async (input) => {
        const r = await app.dispatch(channel, input);
        const outcome = r.ok ? 'ok' : r.error.code;
        seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
        if (!r.ok) {
          expect(DOMAIN_CODES, `${channel} -> ${r.error.code}: ${r.error.message} for ${JSON.stringify(input)?.slice(0, 300)}\n${internals.at(-1) ?? ''}`).toContain(r.error.code);
          expect(typeof r.error.message).toBe('string');
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 60) },
    );
    if (process.env.FUZZ_STATS) console.log(channel, JSON.stringify([...seen]));
    expect(internals).toEqual([]);
    expect(seen.get('VALIDATION') ?? 0, `${channel} outcomes: ${JSON.stringify([...seen])}`).toBeGreaterThan(0);
  });

  it('docs:update with the current revision: random fields, titles and bodies for every kind save or are VALIDATION', async () => {
    const markdown = fc.array(fc.oneof(nastyString, fc.constantFrom('## Summary\n', '### Data Model\n', 'See RFC-1 and ADR-2.\n', '| a | b |\n|---|---|\n', '```\ncode\n```\n', '<script>x</script>', '[x](javascript:alert(1))')), { maxLength: 8 }).map((p) => p.join(''));
    const outcomes = new Map<string, number>();
    for (const kind of ['rfc', 'adr', 'matrix', 'postmortem'] as const) {
      const id = (await app.dispatch('docs:create', { kind })) as Result<{ id: string; fields: Record<string, unknown> }>;
      if (!id.ok) throw new Error(id.error.message);
      const keys = Object.keys(id.value.fields);
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.oneof(fc.constantFrom(...keys), nastyString), nastyValue, { maxKeys: 4 }), fc.option(nastyString), fc.option(markdown), async (patch, title, body) => {
          const cur = (await app.dispatch('docs:get', { id: id.value.id })) as Result<{ revision: number; fields: Record<string, unknown> }>;
          if (!cur.ok) throw new Error(cur.error.message);
          const input = { id: id.value.id, baseRevision: cur.value.revision, fields: { ...cur.value.fields, ...patch }, ...(title === null ? {} : { title }), ...(body === null ? {} : { body }) };
          const r = await app.dispatch('docs:update', input);
          const outcome = r.ok ? 'ok' : r.error.code;
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
          expect(['ok', 'VALIDATION'], `${kind}: ${r.ok ? '' : r.error.message} for ${JSON.stringify(input).slice(0, 400)}\n${internals.at(-1) ?? ''}`).toContain(outcome);
        }),
        { numRuns: Number(process.env.FUZZ_RUNS ?? 60) },
      );
    }
    expect(internals).toEqual([]);
    expect(outcomes.get('ok') ?? 0).toBeGreaterThan(0);
    expect(outcomes.get('VALIDATION') ?? 0).toBeGreaterThan(0);
  });

  it('the database is still sound after the fuzzing', () => {
    expect(app.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(app.db.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('fields are checked per kind (docs:update)', () => {
  // Documents of their own: the fuzz above may have deleted the shared ones.
  const mine = { rfc: '', adr: '', matrix: '', postmortem: '' };
  beforeAll(async () => {
    for (const kind of ['rfc', 'adr', 'matrix', 'postmortem'] as const) {
      const r = (await app.dispatch('docs:create', { kind, title: `Fields ${kind}` })) as Result<{ id: string }>;
      if (!r.ok) throw new Error(r.error.message);
      mine[kind] = r.value.id;
    }
  });
  const update = async (id: string, fields: unknown): Promise<Result<{ fields: Record<string, unknown> }>> => {
    const doc = (await app.dispatch('docs:get', { id })) as Result<{ revision: number }>;
    if (!doc.ok) throw new Error(doc.error.message);
    return (await app.dispatch('docs:update', { id, baseRevision: doc.value.revision, fields })) as Result<{ fields: Record<string, unknown> }>;
  };

  it('refuses a key the kind does not define with VALIDATION naming it, and changes nothing', async () => {
    const before = fingerprint(app, dir);
    for (const [kind, id] of Object.entries(mine)) {
      const r = await update(id, { author: 'Ada', 'publish-me': 'x' });
      expect(r, kind).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!r.ok) expect(r.error.message).toMatch(/"publish-me" is not a field of (an RFC|an ADR|a decision matrix|a postmortem)\./);
    }
    const two = await update(mine.rfc, { zz: 1, __proto__x: 2 });
    expect(two).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('"zz", "__proto__x" are not fields of an RFC') } });
    expect(fingerprint(app, dir)).toBe(before);
  });

  it('refuses nesting deeper than the limit with VALIDATION (never INTERNAL), at any depth up to 100,000', async () => {
    for (const depth of [13, 50, 1_000, 100_000]) {
      const r = await update(mine.rfc, { author: 'Ada', reviewers: nested(depth) });
      expect(r, `depth ${depth}`).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('nested deeper than 12 levels') } });
    }
    expect(internals).toEqual([]);
  });

  it('keeps an extra key the document already has (from a file or an import), and lets an edit drop it', async () => {
    const id = mine.postmortem;
    const row = app.db.prepare('SELECT fields FROM documents WHERE id = ?').get(id) as { fields: string };
    app.db.prepare('UPDATE documents SET fields = ? WHERE id = ?').run(JSON.stringify({ ...JSON.parse(row.fields), 'team-channel': '#ops' }), id);
    const doc = (await app.dispatch('docs:get', { id })) as Result<{ fields: Record<string, unknown> }>;
    if (!doc.ok) throw new Error(doc.error.message);
    const kept = await update(id, { ...doc.value.fields, severity: 'SEV-2' });
    expect(kept).toMatchObject({ ok: true, value: { fields: { severity: 'SEV-2', 'team-channel': '#ops' } } });
    const { 'team-channel': _dropped, ...rest } = doc.value.fields;
    const dropped = await update(id, rest);
    expect(dropped.ok && 'team-channel' in dropped.value.fields).toBe(false);
    expect((await update(id, { ...rest, 'team-channel': '#ops' })).ok).toBe(false);
  });

  it('random fields per kind give ok or VALIDATION, never INTERNAL', async () => {
    const key = fc.oneof(fc.constantFrom('author', 'reviewers', 'date', 'decisionMakers', 'supersedes', 'scale', 'criteria', 'ratings', 'severity', 'timeline', 'actionItems', 'impact', 'duration'), fc.string({ maxLength: 8 }));
    const deep = fc.integer({ min: 0, max: 40 }).map((d) => nested(d));
    const fields = fc.dictionary(key, fc.oneof(nastyValue, deep, fc.anything({ maxDepth: 4 })), { maxKeys: 6 });
    const kindId = fc.constantFrom(mine.rfc, mine.adr, mine.matrix, mine.postmortem);
    await fc.assert(
      fc.asyncProperty(kindId, fields, async (id, f) => {
        const r = await update(id, f);
        if (!r.ok) expect(r.error.code, `${r.error.message} for ${JSON.stringify(f)?.slice(0, 300)}`).toBe('VALIDATION');
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
    );
    expect(internals).toEqual([]);
  });
});
