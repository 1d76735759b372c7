import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App, type AppOptions } from '../../src/main/app';
import type { HealthReport } from '../../src/shared/contract/health';
import { sourceHealthWorker } from '../support/sourceWorkers';

// The health checks run in their worker thread (healthWorker.ts) when the host
// gives one, on a read-only connection of their own: the same findings as in
// this thread, including what this thread has just written.

let dir: string;
let app: App | undefined;
const open = (extra: Partial<AppOptions>): App => createApp({ workspaceDir: dir, bridge: 'web', version: 'test', fallbackIdentity: () => ({ name: 'Ada', email: 'ada@example.test' }), dispatch: { checkOutput: true }, ...extra });

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-health-worker-'));
});
afterEach(() => {
  app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function findingsOf(a: App): Promise<string[]> {
  const r = await a.dispatch('health:check', {});
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as HealthReport).findings.map((f) => `${f.check} ${f.label}: ${f.reason}`);
}

describe('the health worker', () => {
  it('finds what this thread just wrote, the same as the in-thread checks, and runs each check in the worker', async () => {
    const marker = path.join(dir, 'health-jobs.txt');
    const script = path.join(dir, 'recording-health-worker.cjs');
    fs.writeFileSync(script, `require('node:fs').appendFileSync(${JSON.stringify(marker)}, 'check\\n');\nrequire(${JSON.stringify(sourceHealthWorker().script)});\n`);
    app = open({ healthWorker: { script } });
    const rfc = app.documents.create('rfc', 'Queue retries');
    app.documents.update({ id: rfc.id, baseRevision: rfc.revision, body: 'See RFC-41 for the backoff.' });
    const inWorker = await findingsOf(app);
    expect(inWorker).toEqual([expect.stringMatching(/^broken-reference RFC-1 Queue retries: .*RFC-41/)]);
    expect(fs.readFileSync(marker, 'utf8')).toBe('check\n');
    app.close();
    app = open({});
    expect(await findingsOf(app)).toEqual(inWorker);
  });

  it('says so when the worker cannot check, and the app goes on', async () => {
    const script = path.join(dir, 'broken-health-worker.cjs');
    fs.writeFileSync(script, `throw new Error('no such module');\n`);
    app = open({ healthWorker: { script } });
    const r = await app.dispatch('health:check', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('The health check stopped: no such module');
    expect(app.documents.create('adr', 'Still writing').title).toBe('Still writing');
  });
});
