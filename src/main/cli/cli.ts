import os from 'node:os';
import path from 'node:path';
import { main } from './main';

declare const __APP_VERSION__: string;

// A reader that stops early (`designdesk list | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw e;
  });
}

/** `designdesk` as installed with the package (bin/designdesk.cjs -> dist/main/cli.cjs). */
void main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  cwd: process.cwd(),
  platform: process.platform,
  home: os.homedir(),
  stdin: process.stdin,
  version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev',
  syncWorker: { script: path.join(__dirname, 'sync-worker.cjs') },
  onInterrupt: (handler) => {
    let pressed = false;
    const onSigint = (): void => {
      // The second Ctrl+C does not wait: ending the process ends the sync worker, which leaves nothing half-applied.
      if (pressed) process.exit(130);
      pressed = true;
      handler();
    };
    process.on('SIGINT', onSigint);
    return () => process.off('SIGINT', onSigint);
  },
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`designdesk: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
