// One sync of an existing workspace, in its own process, for tests that
// limit what the process may write (a full disk: `ulimit -f`):
//   node --import tsx tests/support/syncOnce.ts <workspace dir>
// Prints the dispatch result as one JSON line and exits 0 (1 if it threw).
import { createApp } from '../../src/main/app';

const app = createApp({ workspaceDir: process.argv[2]!, bridge: 'web', version: 'sync-once', fallbackIdentity: () => ({ name: 'Ada', email: 'ada@example.com' }), dispatch: { onInternalError: (channel, e) => console.error(`INTERNAL ${channel}:`, e) } });
app
  .dispatch('sync:run', {})
  .then((r) => {
    process.stdout.write(`${JSON.stringify(r)}\n`);
    app.close();
  })
  .catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
