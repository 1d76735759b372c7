import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app';
import type { Channel, Input, Output } from '../../src/shared/contract';

const ADA = { name: 'Ada', email: 'ada@example.com' };
const opened: { app: App; dir: string }[] = [];

function open(options: { offerFirstRun?: boolean; dir?: string } = {}) {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-onboarding-'));
  const app = createApp({ workspaceDir: dir, bridge: 'web', version: 'test', fallbackIdentity: () => ADA, offerFirstRun: options.offerFirstRun, dispatch: { checkOutput: true } });
  opened.push({ app, dir });
  const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
    const r = await app.dispatch(channel, input);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    return r.value as Output<C>;
  };
  return { app, dir, call };
}

afterEach(() => {
  for (const { app, dir } of opened.splice(0)) {
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('first run', () => {
  it('is offered only by hosts that ask for it (tests and the CLI start in the library)', async () => {
    const { call } = open();
    expect(await call('onboarding:state', {})).toEqual({ firstRun: false, onboarded: false, identitySet: false, sampleIds: [] });
  });

  it('shows on a new workspace with no identity and no document, until finished', async () => {
    const { call, dir, app } = open({ offerFirstRun: true });
    expect((await call('onboarding:state', {})).firstRun).toBe(true);
    expect(await call('onboarding:finish', {})).toMatchObject({ firstRun: false, onboarded: true });
    app.close();
    opened.pop();
    // Remembered in the workspace: a restart does not show it again.
    const again = open({ offerFirstRun: true, dir });
    expect((await again.call('onboarding:state', {})).firstRun).toBe(false);
  });

  it('does not show once someone set an identity, or when the workspace has documents (even only in the trash)', async () => {
    const a = open({ offerFirstRun: true });
    await a.call('identity:set', ADA);
    expect(await a.call('onboarding:state', {})).toMatchObject({ firstRun: false, identitySet: true, onboarded: false });

    const b = open({ offerFirstRun: true });
    const doc = await b.call('docs:create', { kind: 'rfc' });
    expect((await b.call('onboarding:state', {})).firstRun).toBe(false);
    await b.call('docs:delete', { id: doc.id });
    expect((await b.call('onboarding:state', {})).firstRun).toBe(false);
  });
});

describe('sample documents', () => {
  it('are remembered by id and removed to the trash in one call, restorable', async () => {
    const { call, app } = open({ offerFirstRun: true });
    const samples = [];
    for (const kind of ['rfc', 'adr', 'matrix', 'postmortem'] as const) samples.push(await call('docs:create', { kind, title: `Sample ${kind}` }));
    const mine = await call('docs:create', { kind: 'rfc', title: 'My own RFC' });
    const ids = samples.map((d) => d.id);
    expect((await call('onboarding:rememberSamples', { ids: [...ids, '01J0000000000000000000000Z'] })).sampleIds).toEqual(ids);
    expect((await call('onboarding:rememberSamples', { ids: [ids[0]!] })).sampleIds).toEqual(ids);

    const { removed } = await call('onboarding:removeSamples', {});
    expect(removed.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(removed.find((r) => r.kind === 'matrix')).toMatchObject({ number: 1, title: 'Sample matrix' });
    expect((await call('docs:list', {})).map((s) => s.id)).toEqual([mine.id]);
    expect((await call('trash:list', {})).map((t) => t.id).sort()).toEqual([...ids].sort());
    expect((await call('onboarding:state', {})).sampleIds).toEqual([]);
    expect((await call('onboarding:removeSamples', {})).removed).toEqual([]);

    // Undo: restored documents are samples again.
    await call('docs:restore', { id: ids[1]! });
    expect((await call('onboarding:state', {})).sampleIds).toEqual([ids[1]]);
    expect(app.documents.get(mine.id).title).toBe('My own RFC');
  });
});

describe('desktop-only calls on the web host', () => {
  it('choosing a workspace is UNSUPPORTED and says where the workspace is; a theme has no chrome to apply to', async () => {
    const { call, dir } = open();
    await expect(call('desktop:chooseWorkspace', {})).rejects.toMatchObject({ code: 'UNSUPPORTED', message: expect.stringContaining(dir) });
    expect(await call('desktop:setTheme', { theme: 'dark' })).toEqual({ applied: false });
  });
});
