import { describe, expect, it, vi, type Mock } from 'vitest';
import { createDispatch, type DispatchOptions, type Handlers } from '../../../src/main/api/dispatch';
import { CHANNELS, type Channel } from '../../../src/shared/contract';
import { AppError } from '../../../src/shared/errors';

const ID = '01J9Z8Q6W3V4X5Y6Z7A8B9C0DE';
const DOC = {
  id: ID,
  kind: 'rfc',
  number: 1,
  title: 'Use SQLite',
  status: 'draft',
  body: '',
  fields: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  revision: 0,
  createdBy: { name: 'Ada', email: 'ada@example.test' },
};

type Spies = Record<Channel, Mock>;

/** A handler table whose every entry records its calls; each test says what one returns. */
function spies(): Spies {
  return Object.fromEntries(CHANNELS.map((c) => [c, vi.fn(() => ({}))])) as Spies;
}

const dispatchOf = (h: Spies, options?: DispatchOptions) => createDispatch(h as unknown as Handlers, options);

function calls(h: Spies): number {
  return Object.values(h).reduce((n, f) => n + f.mock.calls.length, 0);
}

describe('createDispatch', () => {
  it('answers an unknown channel with NOT_FOUND and runs nothing', async () => {
    const h = spies();
    const dispatch = dispatchOf(h);
    for (const name of ['docs:nope', '', 'DOCS:GET', '__proto__', 'constructor', 'toString', 'x'.repeat(10_000)]) {
      const r = await dispatch(name, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      if (!r.ok) expect(r.error.message.length).toBeLessThan(120);
    }
    expect(calls(h)).toBe(0);
  });

  it('refuses bad input with VALIDATION naming the field, before the handler runs', async () => {
    const h = spies();
    const dispatch = dispatchOf(h);
    for (const input of [null, 42, 'x', [], {}, { id: 'nope' }, { id: ID, extra: true }]) {
      const r = await dispatch('docs:get', input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('VALIDATION');
    }
    const r = await dispatch('docs:move', { id: ID, to: '' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('to') } });
    expect(calls(h)).toBe(0);
  });

  it('passes the parsed input (trimmed, defaults filled) to exactly the named handler', async () => {
    const h = spies();
    h['docs:create'].mockReturnValue(DOC);
    const r = await dispatchOf(h, { checkOutput: true })('docs:create', { kind: 'rfc', title: '  Use SQLite  ' });
    expect(r).toEqual({ ok: true, value: DOC });
    expect(h['docs:create']).toHaveBeenCalledTimes(1);
    expect(h['docs:create']).toHaveBeenCalledWith({ kind: 'rfc', title: 'Use SQLite' });
    expect(calls(h)).toBe(1);
  });

  it('awaits async handlers', async () => {
    const h = spies();
    h['docs:get'].mockImplementation(async () => {
      await new Promise((r) => setTimeout(r, 5));
      return DOC;
    });
    expect(await dispatchOf(h)('docs:get', { id: ID })).toEqual({ ok: true, value: DOC });
  });

  it('returns an AppError as data with its code, message and data', async () => {
    const h = spies();
    h['docs:move'].mockImplementation(() => {
      throw new AppError('ILLEGAL_TRANSITION', 'A RFC cannot move from Draft to Implemented.', { from: 'draft', to: 'implemented' });
    });
    const r = await dispatchOf(h)('docs:move', { id: ID, to: 'implemented' });
    expect(r).toEqual({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION', message: 'A RFC cannot move from Draft to Implemented.', data: { from: 'draft', to: 'implemented' } },
    });
  });

  it('turns any other throw into INTERNAL without leaking its message, and reports it', async () => {
    const onInternalError = vi.fn();
    const secret = new Error('SQLITE_CORRUPT at /home/ada/secret-project/designdesk.sqlite');
    const h = spies();
    h['docs:get'].mockImplementation(() => {
      throw secret;
    });
    h['docs:list'].mockRejectedValue('a bare string');
    const dispatch = dispatchOf(h, { onInternalError });
    for (const [channel, input] of [['docs:get', { id: ID }], ['docs:list', {}]] as const) {
      const r = await dispatch(channel, input);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('INTERNAL');
      expect(r.error).not.toHaveProperty('data');
      expect(JSON.stringify(r)).not.toMatch(/secret|SQLITE|bare string|stack/i);
    }
    expect(onInternalError).toHaveBeenCalledTimes(2);
    expect(onInternalError).toHaveBeenCalledWith('docs:get', secret);
    expect(onInternalError).toHaveBeenCalledWith('docs:list', 'a bare string');
  });

  it('with checkOutput, an output that breaks the contract becomes INTERNAL', async () => {
    const h = spies();
    h['docs:get'].mockReturnValue({ ...DOC, revision: -1 });
    const onInternalError = vi.fn();
    expect(await dispatchOf(h)('docs:get', { id: ID })).toMatchObject({ ok: true });
    const r = await dispatchOf(h, { checkOutput: true, onInternalError })('docs:get', { id: ID });
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(String(onInternalError.mock.calls[0]?.[1])).toContain('output of docs:get breaks the contract');
  });
});
