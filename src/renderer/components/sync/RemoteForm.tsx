import { useState, type FormEvent } from 'react';
import type { RemoteInput, RemoteView } from '../../../shared/contract/sync';
import { call, errorMessage } from '../../api/client';

type AuthKind = 'none' | 'token' | 'basic';

interface Draft {
  url: string;
  branch: string;
  authorName: string;
  authorEmail: string;
  authKind: AuthKind;
  username: string;
  /** The token or password typed now; blank keeps the stored one. */
  secret: string;
}

function draftOf(remote: RemoteView | null, identity: { name: string; email: string } | null): Draft {
  return {
    url: remote?.url ?? '',
    branch: remote?.branch ?? 'main',
    authorName: remote?.authorName ?? identity?.name ?? '',
    authorEmail: remote?.authorEmail ?? identity?.email ?? '',
    authKind: remote?.auth.kind ?? 'token',
    username: remote?.auth.kind === 'basic' ? remote.auth.username : '',
    secret: '',
  };
}

function inputOf(d: Draft): RemoteInput {
  const auth: RemoteInput['auth'] =
    d.authKind === 'none'
      ? { kind: 'none' }
      : d.authKind === 'token'
        ? { kind: 'token', ...(d.secret ? { token: d.secret } : {}) }
        : { kind: 'basic', username: d.username.trim(), ...(d.secret ? { password: d.secret } : {}) };
  return { url: d.url.trim(), branch: d.branch.trim(), authorName: d.authorName.trim(), authorEmail: d.authorEmail.trim(), auth };
}

type Message = { kind: 'ok' | 'error'; text: string } | null;

export interface RemoteFormProps {
  remote: RemoteView | null;
  identity: { name: string; email: string } | null;
  onSaved: (remote: RemoteView) => void;
  onDisconnected: () => void;
}

/**
 * The team repository's connection: URL, branch, who commits, and how to
 * authenticate. The token or password is sent once and never shown again;
 * leaving it blank keeps the stored one.
 */
export function RemoteForm({ remote, identity, onSaved, onDisconnected }: RemoteFormProps) {
  const [d, setD] = useState<Draft>(() => draftOf(remote, identity));
  const [busy, setBusy] = useState<'test' | 'save' | 'disconnect' | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]): void => {
    setD((x) => ({ ...x, [key]: value }));
    setMessage(null);
  };
  const storedSecret = remote?.hasSecret && remote.auth.kind === d.authKind;

  const run = async (what: 'test' | 'save' | 'disconnect'): Promise<void> => {
    setBusy(what);
    setMessage(null);
    try {
      if (what === 'test') {
        const r = await call('sync:testRemote', inputOf(d));
        setMessage({ kind: 'ok', text: r.message });
      } else if (what === 'save') {
        const saved = await call('sync:setRemote', inputOf(d));
        setD((x) => ({ ...x, secret: '' }));
        setMessage({ kind: 'ok', text: 'Saved. Sync now to exchange documents with the team repository.' });
        onSaved(saved);
      } else {
        await call('sync:disconnect', {});
        setD(draftOf(null, identity));
        setMessage({ kind: 'ok', text: 'Disconnected. Your documents stay on this device.' });
        onDisconnected();
      }
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void run('save');
  };
  const secretLabel = d.authKind === 'token' ? 'Access token' : 'Password';
  return (
    <form className="sync-form" onSubmit={submit} aria-label="Team repository connection">
      <label className="sync-field sync-field-wide">
        <span>Repository URL</span>
        <input type="url" value={d.url} onChange={(e) => set('url', e.target.value)} placeholder="https://git.example.com/team/designs.git" required spellCheck={false} autoComplete="off" />
      </label>
      <label className="sync-field">
        <span>Branch</span>
        <input value={d.branch} onChange={(e) => set('branch', e.target.value)} required spellCheck={false} />
      </label>
      <label className="sync-field">
        <span>Commit as (name)</span>
        <input value={d.authorName} onChange={(e) => set('authorName', e.target.value)} required autoComplete="name" />
      </label>
      <label className="sync-field">
        <span>Commit as (email)</span>
        <input type="email" value={d.authorEmail} onChange={(e) => set('authorEmail', e.target.value)} autoComplete="email" />
      </label>
      <label className="sync-field">
        <span>Authentication</span>
        <select value={d.authKind} onChange={(e) => set('authKind', e.target.value as AuthKind)}>
          <option value="token">Access token</option>
          <option value="basic">User name and password</option>
          <option value="none">None (public or local server)</option>
        </select>
      </label>
      {d.authKind === 'basic' && (
        <label className="sync-field">
          <span>User name</span>
          <input value={d.username} onChange={(e) => set('username', e.target.value)} required autoComplete="username" spellCheck={false} />
        </label>
      )}
      {d.authKind !== 'none' && (
        <label className="sync-field">
          <span>{secretLabel}</span>
          <input
            type="password"
            value={d.secret}
            onChange={(e) => set('secret', e.target.value)}
            placeholder={storedSecret ? 'Saved — leave blank to keep it' : ''}
            autoComplete={d.authKind === 'token' ? 'off' : 'current-password'}
          />
        </label>
      )}
      <p className="sync-hint sync-field-wide">
        {d.authKind === 'token'
          ? 'A personal access token with read and write access to the repository. It is kept by this device’s main process (the desktop keychain), never shown again.'
          : d.authKind === 'basic'
            ? 'The password is kept by this device’s main process (the desktop keychain), never shown again. Hosts that need a user name with a token: enter the token as the password.'
            : 'No credentials are sent.'}
      </p>
      {d.authKind !== 'none' && remote?.secretWarning && (
        <p className="sync-warning sync-field-wide" role="note">
          <strong>Heads up:</strong> {remote.secretWarning}
        </p>
      )}
      {message && (
        <p className={message.kind === 'ok' ? 'sync-message-ok sync-field-wide' : 'inline-error sync-field-wide'} role={message.kind === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <div className="sync-form-actions sync-field-wide">
        <button type="button" className="button" disabled={busy !== null} onClick={() => void run('test')}>
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" className="button button-primary" disabled={busy !== null}>
          {busy === 'save' ? 'Saving…' : 'Save'}
        </button>
        {remote && (
          <button type="button" className="button button-quiet sync-disconnect" disabled={busy !== null} onClick={() => void run('disconnect')}>
            Disconnect
          </button>
        )}
      </div>
    </form>
  );
}
