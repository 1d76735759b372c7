import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/main/app';
import type { Dispatch } from '../../../src/main/api/dispatch';
import { bindIpc, FORBIDDEN_SENDER, isTrustedSender, type SenderFrame } from '../../../src/main/electron/ipcBinding';
import { CHANNELS } from '../../../src/shared/contract';

const top = (url: string): SenderFrame => ({ url, parent: null });
const child = (url: string): SenderFrame => ({ url, parent: top('app://designdesk/index.html') });

describe('isTrustedSender', () => {
  it('accepts only the top-level app document', () => {
    expect(isTrustedSender(top('app://designdesk/index.html'))).toBe(true);
    expect(isTrustedSender(top('app://designdesk/index.html#/docs/01J'))).toBe(true);
  });

  it('refuses missing frames, sub-frames and foreign origins', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender(child('app://designdesk/index.html'))).toBe(false);
    for (const url of ['https://evil.example/', 'file:///home/u/index.html', 'app://evil/index.html', 'app://designdesk.evil/', 'about:blank', 'data:text/html,x', '']) {
      expect(isTrustedSender(top(url)), url).toBe(false);
    }
    expect(isTrustedSender({ url: 'app://designdesk/', parent: undefined })).toBe(false);
  });
});

type Handler = (event: { senderFrame: SenderFrame | null }, input: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, h: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, h);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  };
}

describe('bindIpc', () => {
  it('registers exactly one handler per contract channel and removes them again', () => {
    const ipc = fakeIpcMain();
    const unbind = bindIpc(ipc as never, async () => ({ ok: true, value: null }));
    expect([...ipc.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    unbind();
    expect(ipc.handlers.size).toBe(0);
  });

  it('refuses untrusted senders without reaching dispatch', async () => {
    const calls: string[] = [];
    const dispatch: Dispatch = async (channel) => (calls.push(channel), { ok: true, value: 'ran' });
    const ipc = fakeIpcMain();
    bindIpc(ipc as never, dispatch);
    const h = ipc.handlers.get('docs:list')!;
    expect(await h({ senderFrame: null }, {})).toEqual(FORBIDDEN_SENDER);
    expect(await h({ senderFrame: child('app://designdesk/index.html') }, {})).toEqual(FORBIDDEN_SENDER);
    expect(await h({ senderFrame: top('https://evil.example/') }, {})).toEqual(FORBIDDEN_SENDER);
    const disposed = {
      get senderFrame(): SenderFrame {
        throw new Error('Render frame was disposed');
      },
    };
    expect(await h(disposed, {})).toEqual(FORBIDDEN_SENDER);
    expect(calls).toEqual([]);
    expect(await h({ senderFrame: top('app://designdesk/index.html') }, {})).toEqual({ ok: true, value: 'ran' });
    expect(calls).toEqual(['docs:list']);
  });
});

describe('bindIpc over the real app (SQLite in a temp workspace)', () => {
  let dir: string;
  let app: App;
  const ipc = fakeIpcMain();
  const trusted = { senderFrame: top('app://designdesk/index.html') };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-ipc-'));
    app = createApp({ workspaceDir: dir, bridge: 'electron', version: '9.9.9', fallbackIdentity: () => ({ name: 'Ada', email: 'ada@example.com' }) });
    bindIpc(ipc as never, app.dispatch);
  });

  afterAll(() => {
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers a trusted call with the contract value', async () => {
    const res = (await ipc.handlers.get('app:info')!(trusted, {})) as { ok: boolean; value: { bridge: string; version: string; workspace: string } };
    expect(res.ok).toBe(true);
    expect(res.value).toMatchObject({ bridge: 'electron', version: '9.9.9', workspace: dir });
  });

  it('returns validation errors as data', async () => {
    const res = (await ipc.handlers.get('docs:create')!(trusted, { kind: 'nonsense', extra: 1 })) as { ok: boolean; error: { code: string } };
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses a foreign sender before any service runs', async () => {
    const before = ((await app.dispatch('docs:list', {})) as { value: unknown[] }).value.length;
    const res = await ipc.handlers.get('docs:create')!({ senderFrame: child('app://designdesk/index.html') }, { kind: 'rfc', title: 'Injected' });
    expect(res).toEqual(FORBIDDEN_SENDER);
    expect(((await app.dispatch('docs:list', {})) as { value: unknown[] }).value.length).toBe(before);
  });
});
