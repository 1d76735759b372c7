// The web host under load, in its own process so that the clients' event
// loop does not share a thread with SQLite. Started by loadRunner.ts:
//   node --import tsx tests/support/loadHost.ts <workspace dir> <documents per client> <clients>
// Prints one JSON line { port, token, docs: [{ id, revision }] } when ready; stops on SIGTERM.
import { createApp } from '../../src/main/app';
import { startWebHost } from '../../src/main/web/webHost';
import { requireRenderer } from './renderer';

const WORDS = ['sqlite', 'wal', 'backup', 'sync', 'merge', 'review', 'latency', 'postmortem', 'cache', 'queue', 'shard', 'index', 'token', 'rollout', 'budget'];

function paragraph(seed: number): string {
  return Array.from({ length: 60 }, (_, i) => WORDS[(seed * 7 + i * 3) % WORDS.length]).join(' ');
}

async function main(): Promise<void> {
  const [dir, extraArg, clientsArg] = process.argv.slice(2);
  const extra = Number(extraArg ?? 200);
  const clients = Number(clientsArg ?? 50);
  const app = createApp({ workspaceDir: dir!, bridge: 'web', version: 'load', fallbackIdentity: () => ({ name: 'Load', email: 'load@example.test' }) });
  const kinds = ['rfc', 'adr', 'matrix', 'postmortem'] as const;
  const docs: { id: string; revision: number }[] = [];
  for (let i = 0; i < clients + extra; i++) {
    const doc = app.documents.create(kinds[i % kinds.length]!, `Load document ${i} about ${WORDS[i % WORDS.length]}`);
    const saved = app.documents.update({ id: doc.id, baseRevision: doc.revision, body: `${doc.body}\n\n${paragraph(i)}\n` });
    if (i < clients) docs.push({ id: saved.id, revision: saved.revision });
  }
  const host = await startWebHost({ dispatch: app.dispatch, staticDir: requireRenderer() });
  process.stdout.write(`${JSON.stringify({ port: host.port, token: host.token, docs })}\n`);
  process.on('SIGTERM', () => {
    void host.close().then(() => {
      app.close();
      process.exit(0);
    });
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
