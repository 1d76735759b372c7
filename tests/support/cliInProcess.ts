import path from 'node:path';
import { main } from '../../src/main/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The `designdesk` command line run in this process on the workspace `<dir>/ws`, as Cy; output captured. */
export function cliInProcess(dir: string): (...args: string[]) => Promise<CliRun> {
  return async (...args) => {
    let stdout = '';
    let stderr = '';
    const code = await main(args, {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      env: { DESIGNDESK_WORKSPACE: path.join(dir, 'ws') },
      cwd: dir,
      platform: process.platform,
      home: dir,
      identity: () => ({ name: 'Cy', email: 'cy@example.com' }),
    });
    return { code, stdout, stderr };
  };
}
