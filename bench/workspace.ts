// Opens a benchmark workspace and fills it with the corpus through the
// same services the app uses (create, then a first save: history, version
// record, links and search index all written as they would be).
import { createApp, type App } from '../src/main/app';
import { flushSearchIndex } from '../src/main/store/searchFlush';
import { MemorySecretStore } from '../src/main/sync/secretStore';
import type { SyncWorkerOptions } from '../src/main/sync/syncWorkerHost';
import type { Channel, Input, Output } from '../src/shared/contract';
import { corpusDoc } from './corpus';

export const BENCH_IDENTITY = { name: 'Bench Runner', email: 'bench@example.test' };

/** A clock the corpus builder sets (documents dated over two years); null means the real time. */
export interface BenchClock {
  fixed: Date | null;
}

/** Opens (or creates) a workspace as the bench uses it: web bridge, in-memory secrets, its own clock; syncs in the given worker (else in this thread). */
export function openBenchApp(dir: string, clock: BenchClock = { fixed: null }, syncWorker?: SyncWorkerOptions): App {
  return createApp({
    ...(syncWorker ? { syncWorker } : {}),
    workspaceDir: dir,
    bridge: 'web',
    version: 'bench',
    now: () => clock.fixed ?? new Date(),
    fallbackIdentity: () => BENCH_IDENTITY,
    secrets: new MemorySecretStore(),
  });
}

/** Calls the API as the renderer does; throws on a refusal. */
export async function call<C extends Channel>(app: App, channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.code}: ${r.error.message}`);
  return r.value as Output<C>;
}

/**
 * Writes documents 0..n-1 of the corpus into the workspace, in batches of
 * one transaction each. Returns the ids in corpus order.
 */
export function fillWorkspace(app: App, clock: BenchClock, n: number, seed: number): string[] {
  const ids: string[] = [];
  const start = Date.UTC(2024, 0, 1);
  const batch = 500;
  for (let from = 0; from < n; from += batch) {
    app.db.transaction(() => {
      for (let i = from; i < Math.min(n, from + batch); i++) {
        const c = corpusDoc(seed, i);
        clock.fixed = new Date(start + i * 6 * 60_000);
        const doc = app.documents.create(c.kind, c.title);
        app.documents.update({ id: doc.id, baseRevision: doc.revision, body: c.body, fields: c.fields });
        ids.push(doc.id);
      }
    })();
  }
  clock.fixed = null;
  // Bulk writes index in one batch after them, as import and sync do (migration 008): not later, on a timer, in the
  // middle of a timed figure.
  flushSearchIndex(app.db);
  return ids;
}
