import { describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL, buildBridgeApi } from '../../../src/main/electron/bridgeApi';
import { CHANNELS, type Channel } from '../../../src/shared/contract';

describe('buildBridgeApi', () => {
  const calls: [string, unknown][] = [];
  const api = buildBridgeApi(CHANNELS, async (channel, input) => {
    calls.push([channel, input]);
    return { ok: true, value: channel };
  });

  it('exposes exactly one method per contract channel, nothing generic', () => {
    expect(BRIDGE_GLOBAL).toBe('designdesk');
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
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

  it('builds only the channels it is given', () => {
    const only = buildBridgeApi(['app:info'] as Channel[], async () => null);
    expect(Object.keys(only)).toEqual(['app:info']);
  });
});
