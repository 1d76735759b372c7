import { describe, expect, it } from 'vitest';
import { BRIDGE_EVENTS, BRIDGE_GLOBAL, bufferedSubscription, buildBridgeApi } from '../../../src/main/electron/bridgeApi';
import { CHANNELS, type Channel } from '../../../src/shared/contract';
import type { MenuCommand } from '../../../src/shared/menuCommands';

describe('buildBridgeApi', () => {
  const calls: [string, unknown][] = [];
  const listeners = new Set<(payload: unknown) => void>();
  const api = buildBridgeApi(
    CHANNELS,
    async (channel, input) => {
      calls.push([channel, input]);
      return { ok: true, value: channel };
    },
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  );

  it('exposes exactly one method per contract channel, nothing generic', () => {
    expect(BRIDGE_GLOBAL).toBe('designdesk');
    // The one exemption, by name: the main -> renderer menu subscription.
    expect(BRIDGE_EVENTS).toEqual(['onMenuCommand']);
    expect(CHANNELS).not.toContain('onMenuCommand');
    expect(Object.keys(api).filter((k) => !(BRIDGE_EVENTS as readonly string[]).includes(k)).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, ...BRIDGE_EVENTS].sort());
    for (const name of Object.keys(api)) expect(typeof (api as Record<string, unknown>)[name]).toBe('function');
    for (const forbidden of ['invoke', 'send', 'on', 'ipcRenderer', 'sendSync']) expect(forbidden in api).toBe(false);
  });

  it('binds each method to its own channel, whatever the caller passes', async () => {
    calls.length = 0;
    const input = { kind: 'rfc', title: 'Use SQLite' };
    await expect(api['docs:create'](input as never)).resolves.toEqual({ ok: true, value: 'docs:create' });
    await (api['docs:list'] as (...a: unknown[]) => Promise<unknown>)({}, 'app:info', 'extra');
    expect(calls).toEqual([
      ['docs:create', input],
      ['docs:list', {}],
    ]);
  });

  it('cannot be extended or rewired by page code', () => {
    expect(Object.isFrozen(api)).toBe(true);
    expect(() => {
      (api as unknown as Record<string, unknown>).invoke = () => null;
    }).toThrow(TypeError);
  });

  it('onMenuCommand hands the page only valid commands, never the IPC event, and unsubscribes', () => {
    const got: MenuCommand[] = [];
    const off = api.onMenuCommand!((c) => got.push(c));
    expect(listeners.size).toBe(1);
    for (const l of listeners) {
      l({ type: 'command', id: 'new-rfc' });
      l({ type: 'open', target: 'RFC-12' });
      l({ type: 'command', id: 'rm -rf' });
      l({ sender: { send: () => null } });
      l('new-rfc');
    }
    expect(got).toEqual([
      { type: 'command', id: 'new-rfc' },
      { type: 'open', target: 'RFC-12' },
    ]);
    off();
    expect(listeners.size).toBe(0);
    expect(() => (api.onMenuCommand as unknown as (x: unknown) => void)('not a function')).toThrow(TypeError);
  });

  it('builds only the channels it is given', () => {
    const only = buildBridgeApi(['app:info'] as Channel[], async () => null);
    expect(Object.keys(only)).toEqual(['app:info']);
    expect(Object.keys(buildBridgeApi(['app:info'] as Channel[], async () => null, () => () => undefined))).toEqual(['app:info', 'onMenuCommand']);
  });
});

describe('bufferedSubscription', () => {
  it('holds events sent before the page subscribed, then delivers live ones', () => {
    let emit: (p: unknown) => void = () => undefined;
    const subscribe = bufferedSubscription((h) => (emit = h), 2);
    emit('a');
    emit('b');
    emit('c'); // over the limit: dropped
    const got: unknown[] = [];
    const off = subscribe((p) => got.push(p));
    emit('d');
    expect(got).toEqual(['a', 'b', 'd']);
    off();
    emit('e');
    expect(got).toEqual(['a', 'b', 'd']);
  });
});
