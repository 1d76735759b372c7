import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app';
import { MemorySecretStore } from '../../src/main/sync/secretStore';
import type { SyncWorkerOptions } from '../../src/main/sync/syncWorkerHost';
import type { Channel, Input, Output } from '../../src/shared/contract';
import { cloneTeammate, remoteFiles, useSyncFixture } from '../support/syncWorkspace';
import { sourceSyncWorker } from '../support/sourceWorkers';

const f = useSyncFixture();

/** Ada's workspace folder, opened with the given worker limits (one app at a time: the lock is not taken here). */
function open(dir: string, worker: SyncWorkerOptions, logged: string[]): { app: App; call<C extends Channel>(c: C, i: Input<C>): Promise<Output<C>> } {
  const app = createApp({
    workspaceDir: dir,
    bridge: 'web',
    version: 'test',
    fallbackIdentity: () => ({ name: 'Ada', email: 'ada@example.com' }),
    secrets: new MemorySecretStore(),
    syncWorker: worker,
    dispatch: { checkOutput: true, onInternalError: (channel, e) => logged.push(`${channel}: ${String(e)}`) },
  });
  return {
    app,
    async call(channel, input) {
      const r = await app.dispatch(channel, input);
      if (!r.ok) throw Object.assign(new Error(`${channel} failed: ${r.error.code}: ${r.error.message}`), { apiError: r.error });
      return r.value as never;
    },
  };
}

describe('a sync worker that dies', () => {
  it('runs out of its memory ceiling on a large repository: the sync fails with a clear error, the app goes on, and a sync with room completes with nothing lost', async () => {
    // A teammate pushes 40 large documents (900,000 characters each, under the body limit).
    const tess = await cloneTeammate(f.url);
    const body = 'All work and no play makes a long design document. '.repeat(18_000);
    for (let i = 1; i <= 40; i++) tess.write(`rfcs/${String(i).padStart(4, '0')}-large-${i}.md`, `---\ntitle: Large ${i}\n---\n\n# Large ${i}\n\n${body}\n`);
    await tess.git('add', '-A');
    await tess.git('commit', '--quiet', '-m', 'Forty large documents');
    await tess.git('push', '--quiet', 'origin', 'HEAD:main');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-sync-oom-'));
    const logged: string[] = [];
    const small = open(dir, sourceSyncWorker({ maxHeapMb: 24 }), logged);
    try {
      await small.call('sync:setRemote', { url: f.url, branch: 'main', authorName: 'Ada', authorEmail: 'ada@example.com', auth: { kind: 'none' } });
      const mine = await small.call('docs:create', { kind: 'adr', title: 'Kept through a crash' });
      const failed = await small.app.dispatch('sync:run', {});
      expect(failed.ok ? null : failed.error).toMatchObject({ code: 'TOO_LARGE', message: expect.stringMatching(/more than 24 MB of memory/), data: { reason: 'worker-out-of-memory' } });
      // The app goes on: it answers, its documents are there, and the status says what happened.
      expect(await small.call('sync:status', {})).toMatchObject({ running: false, localChanges: 1, lastError: { code: 'TOO_LARGE' } });
      expect((await small.call('docs:get', { id: mine.id })).title).toBe('Kept through a crash');
      expect(await small.call('docs:list', {})).toHaveLength(1);
      small.app.close();

      const roomy = open(dir, sourceSyncWorker(), logged);
      try {
        expect(await roomy.call('sync:run', {})).toMatchObject({ in: 40, out: 1, conflicts: 0 });
        expect(await roomy.call('docs:list', {})).toHaveLength(41);
        expect(remoteFiles(f.repo)).toContain('adrs/0001-kept-through-a-crash.md');
      } finally {
        roomy.app.close();
      }
      expect(logged).toEqual([]);
    } finally {
      small.app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
