import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { remoteFiles, useSyncFixture } from '../support/syncWorkspace';

const PASSWORD = 'S3cret-Pa55word-4f9c1e';
const TOKEN = 'ghp_T0kenThatMustNeverLeak_8a7b6c';
const f = useSyncFixture({ auth: { username: 'ada', password: PASSWORD } });

/** Every file of the workspace except the secret store itself, as text. */
function workspaceBytes(dir: string, skip: string): string {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (p === skip) continue;
      if (e.isDirectory()) walk(p);
      else out.push(fs.readFileSync(p).toString('latin1'));
    }
  };
  walk(dir);
  return out.join('\n');
}

describe('authentication and secrets', () => {
  it('refuses wrong or missing credentials with a clear 401 message, and syncs with the right ones', async () => {
    const ada = await f.laptop('Ada');
    const base = { url: f.url, branch: 'main', authorName: 'Ada', authorEmail: 'ada@example.com' };
    const none = await ada.refusal('sync:testRemote', { ...base, auth: { kind: 'none' } });
    expect(none).toMatchObject({ code: 'AUTH_FAILED', message: expect.stringMatching(/refused the credentials \(401\)/) });
    const wrong = await ada.refusal('sync:testRemote', { ...base, auth: { kind: 'basic', username: 'ada', password: 'nope' } });
    expect(wrong.code).toBe('AUTH_FAILED');
    expect(JSON.stringify(wrong)).not.toContain('nope');
    expect((await ada.refusal('sync:testRemote', { ...base, auth: { kind: 'basic', username: 'ada' } })).message).toBe('Enter the password.');

    // The laptop fixture connected without credentials: a sync is refused and says why.
    await ada.call('docs:create', { kind: 'rfc', title: 'Behind auth' });
    const refused = await ada.refusal('sync:run', {});
    expect(refused.code).toBe('AUTH_FAILED');
    expect((await ada.call('sync:status', {})).lastError).toMatchObject({ code: 'AUTH_FAILED', message: expect.stringMatching(/401/) });

    expect(await ada.call('sync:testRemote', { ...base, auth: { kind: 'basic', username: 'ada', password: PASSWORD } })).toMatchObject({ empty: true });
    await ada.call('sync:setRemote', { ...base, auth: { kind: 'basic', username: 'ada', password: PASSWORD } });
    // A test of the saved settings needs no password again: the stored one is used.
    expect(await ada.call('sync:testRemote', { ...base, auth: { kind: 'basic', username: 'ada' } })).toMatchObject({ empty: true });
    expect(await ada.call('sync:run', {})).toMatchObject({ out: 1 });
    expect(remoteFiles(f.repo)).toContain('rfcs/0001-behind-auth.md');
  });

  it('never lets a secret reach SQLite, an API output or a log', async () => {
    const ada = await f.laptop('Ada');
    const base = { url: f.url, branch: 'main', authorName: 'Ada', authorEmail: 'ada@example.com' };
    const outputs: unknown[] = [];
    const saved = await ada.call('sync:setRemote', { ...base, auth: { kind: 'token', token: TOKEN } });
    outputs.push(saved, await ada.call('sync:getRemote', {}));
    expect(saved).toMatchObject({ auth: { kind: 'token' }, hasSecret: true });
    outputs.push(await ada.refusal('sync:run', {})); // the server wants ada's password, not a token
    outputs.push(await ada.call('sync:setRemote', { ...base, auth: { kind: 'basic', username: 'ada', password: PASSWORD } }));
    await ada.call('docs:create', { kind: 'adr', title: 'Secrets stay in main' });
    outputs.push(await ada.call('sync:run', {}), await ada.call('sync:status', {}), await ada.call('sync:getRemote', {}));
    outputs.push(await ada.call('sync:testRemote', { ...base, auth: { kind: 'basic', username: 'ada' } }));
    expect(await ada.call('sync:getRemote', {})).toEqual({ ...base, auth: { kind: 'basic', username: 'ada' }, hasSecret: true, secretWarning: null, autoSyncMinutes: 0 });

    ada.app.db.pragma('wal_checkpoint(TRUNCATE)');
    const onDisk = workspaceBytes(ada.dir, path.join(ada.dir, 'secrets.json'));
    for (const secret of [PASSWORD, TOKEN]) {
      expect(onDisk).not.toContain(secret);
      expect(JSON.stringify(outputs)).not.toContain(secret);
      expect(ada.logged.join('\n')).not.toContain(secret);
    }
    // The secret is only in the secret store (memory here), and a token switch forgot it.
    expect(await ada.secrets.get('sync.remote.password')).toBe(PASSWORD);
    expect(await ada.secrets.get('sync.remote.token')).toBeNull();

    expect(await ada.call('sync:disconnect', {})).toEqual({ disconnected: true });
    expect(await ada.call('sync:getRemote', {})).toBeNull();
    expect(await ada.secrets.get('sync.remote.password')).toBeNull();
    expect((await ada.refusal('sync:run', {})).message).toMatch(/No team repository is connected/);
  });
});
