import path from 'node:path';
import os from 'node:os';
import { createApp } from '../app';
import { createLogger } from '../log/logger';
import { appDataDir, resolveWorkspace } from '../workspace';
import { startWebHost } from './webHost';

declare const __APP_VERSION__: string;

function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** `npm run web`: the same app and contract, served on 127.0.0.1 for a browser. */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const workspaceDir = resolveWorkspace({ argv, env: process.env, platform: process.platform, home: os.homedir() });
  // Errors go to a rotating file beside the desktop app's (<app data>/logs), and to the terminal.
  const log = createLogger({ dir: process.env.DESIGNDESK_LOG_DIR ?? path.join(appDataDir({ env: process.env, platform: process.platform, home: os.homedir() }), 'logs'), name: 'designdesk-web', echo: true });
  const app = createApp({
    workspaceDir,
    bridge: 'web',
    version: __APP_VERSION__,
    offerFirstRun: true,
    lock: 'web',
    syncWorker: { script: path.join(__dirname, 'sync-worker.cjs') },
    publishWorker: { script: path.join(__dirname, 'publish-worker.cjs') },
    restoreWorker: { script: path.join(__dirname, 'restore-worker.cjs') },
    healthWorker: { script: path.join(__dirname, 'health-worker.cjs') },
    backups: { onError: (e) => log.error('automatic backup failed', e) },
    dispatch: { onInternalError: (channel, e) => log.error(`${channel} failed`, e) },
  });
  const port = Number(argValue(argv, '--port') ?? process.env.DESIGNDESK_PORT ?? 0);
  const host = await startWebHost({ dispatch: app.dispatch, staticDir: path.join(__dirname, '..', 'renderer'), port });
  console.log(`DesignDesk is running.\n  workspace: ${workspaceDir}\n  logs:      ${log.dir}\n  open:      ${host.openUrl}\nPress Ctrl+C to stop.`);
  const stop = (): void => {
    void host.close().then(() => {
      app.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`DesignDesk could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
