import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/main/app';
import { cliInProcess, type CliRun } from '../support/cliInProcess';

// Issue 17 item 6: backups users can take and restore themselves, with
// `designdesk backup` and `designdesk restore`, not by hand.
let dir: string;
let ws: string;
let cli: (...args: string[]) => Promise<CliRun>;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-cli-backup-'));
  ws = path.join(dir, 'ws');
  cli = cliInProcess(dir);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const titles = async (): Promise<string[]> => (JSON.parse((await cli('list', '--json')).stdout) as Array<{ title: string }>).map((d) => d.title).sort();

describe('designdesk backup and restore', () => {
  it('backs up, lists, and restores the latest backup, keeping the replaced database aside', async () => {
    expect((await cli('init')).code).toBe(0);
    expect((await cli('new', 'adr', '--title', 'Use PostgreSQL')).code).toBe(0);
    const made = await cli('backup', '--json');
    expect(made.code).toBe(0);
    const { file } = JSON.parse(made.stdout) as { file: string };
    expect(path.dirname(file)).toBe(path.join(ws, 'backups'));

    const listed = await cli('backup', '--list');
    expect(listed.stdout).toMatch(new RegExp(`^${path.basename(file).replace(/\./g, '\\.')}  \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ  \\d+\\.\\d MB\\n$`));

    expect((await cli('new', 'rfc', '--title', 'Made after the backup')).code).toBe(0);
    expect(await titles()).toEqual(['Made after the backup', 'Use PostgreSQL']);

    const restored = await cli('restore', 'latest');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain(`Restored ${file}.`);
    const kept = /kept as (.+)\.\n$/.exec(restored.stdout)![1]!;
    expect(fs.existsSync(kept)).toBe(true);
    expect(await titles()).toEqual(['Use PostgreSQL']);
    // By a name from --list, too.
    expect((await cli('restore', path.basename(file))).code).toBe(0);
    expect(await titles()).toEqual(['Use PostgreSQL']);
  });

  it('refuses while the app has the workspace open, a damaged backup, and a backup that is not there', async () => {
    expect((await cli('init')).code).toBe(0);
    expect((await cli('new', 'adr', '--title', 'Keep me')).code).toBe(0);
    expect((await cli('backup')).code).toBe(0);

    const app = createApp({ workspaceDir: ws, bridge: 'web', version: 'test', lock: 'web', fallbackIdentity: () => ({ name: 'Ada', email: 'ada@example.com' }) });
    try {
      const busy = await cli('restore', 'latest');
      expect(busy.code).toBe(1);
      expect(busy.stderr).toMatch(/^designdesk restore: .*(open|in use|held)/i);
    } finally {
      app.close();
    }

    const damaged = path.join(dir, 'damaged.sqlite');
    fs.writeFileSync(damaged, 'SQLite format 3\0'.padEnd(4096, 'x'));
    const refused = await cli('restore', damaged);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^designdesk restore: /);
    expect(await titles()).toEqual(['Keep me']);
    expect(fs.readdirSync(ws).filter((f) => f.includes('before-restore'))).toEqual([]);

    const missing = await cli('restore', 'designdesk-19990101T000000Z.sqlite');
    expect([missing.code, missing.stderr]).toEqual([1, 'designdesk restore: No backup "designdesk-19990101T000000Z.sqlite": give "latest", a name from "designdesk backup --list", or the path of a backup file.\n']);
  });
});
