import type { AuthCallback } from 'isomorphic-git';
import type { RemoteInput, RemoteView } from '../../shared/contract/sync';
import { AppError } from '../../shared/errors';
import type { SettingsStore } from '../store/settingsStore';
import type { RemoteTarget } from './gitRepo';
import type { SecretStore } from './secretStore';

/** The remote as stored in the settings table: everything but the secret. */
export interface StoredRemote {
  url: string;
  branch: string;
  authorName: string;
  authorEmail: string;
  auth: { kind: 'none' } | { kind: 'token' } | { kind: 'basic'; username: string };
  autoSyncMinutes: number;
}

const KEY = 'sync.remote';
const SECRET = { token: 'sync.remote.token', basic: 'sync.remote.password' } as const;

/** The user name sent with a token: hosts that take a token as the password accept any name. */
export const TOKEN_USERNAME = 'x-access-token';

/**
 * The team repository's connection settings. The URL, branch, author and
 * auth kind live in SQLite; the token or password only in the SecretStore,
 * and reach isomorphic-git only through an onAuth callback.
 */
export class RemoteSettings {
  constructor(
    private readonly settings: SettingsStore,
    private readonly secrets: SecretStore,
  ) {}

  get(): StoredRemote | null {
    return this.settings.get<StoredRemote>(KEY) ?? null;
  }

  private async secretFor(auth: StoredRemote['auth']): Promise<string | null> {
    return auth.kind === 'none' ? null : this.secrets.get(SECRET[auth.kind]);
  }

  /** The stored remote for the renderer: hasSecret, never the secret. */
  async view(): Promise<RemoteView | null> {
    const r = this.get();
    if (!r) return null;
    return { ...r, hasSecret: (await this.secretFor(r.auth)) !== null, secretWarning: r.auth.kind === 'none' ? null : this.secrets.warning };
  }

  /** The secret an input carries, or the stored one when the input leaves it out; refuses when there is neither. */
  private async secretOf(input: RemoteInput): Promise<string | null> {
    const auth = input.auth;
    if (auth.kind === 'none') return null;
    const given = auth.kind === 'token' ? auth.token : auth.password;
    if (given) return given;
    const stored = await this.secrets.get(SECRET[auth.kind]);
    if (stored === null) throw new AppError('VALIDATION', auth.kind === 'token' ? 'Enter the access token.' : 'Enter the password.', { field: auth.kind === 'token' ? 'token' : 'password' });
    return stored;
  }

  /** Saves the remote; the secret goes to the SecretStore (a secret of another kind is forgotten). */
  async save(input: RemoteInput): Promise<RemoteView> {
    const secret = await this.secretOf(input);
    const previous = this.get();
    const stored: StoredRemote = {
      url: input.url,
      branch: input.branch,
      authorName: input.authorName,
      authorEmail: input.authorEmail,
      auth: input.auth.kind === 'basic' ? { kind: 'basic', username: input.auth.username } : { kind: input.auth.kind },
      autoSyncMinutes: previous?.autoSyncMinutes ?? 0,
    };
    for (const kind of ['token', 'basic'] as const) {
      if (kind === input.auth.kind && secret !== null) await this.secrets.set(SECRET[kind], secret);
      else if (kind !== input.auth.kind) await this.secrets.delete(SECRET[kind]);
    }
    this.settings.set(KEY, stored);
    return { ...stored, hasSecret: secret !== null, secretWarning: stored.auth.kind === 'none' ? null : this.secrets.warning };
  }

  setAutoSync(minutes: number): number {
    const r = this.get();
    if (!r) throw new AppError('VALIDATION', 'Connect a team repository first (Sync settings).');
    this.settings.set(KEY, { ...r, autoSyncMinutes: minutes });
    return minutes;
  }

  /** Forgets the remote and its secret. */
  async clear(): Promise<boolean> {
    const had = this.get() !== null;
    this.settings.set(KEY, null);
    await this.secrets.delete(SECRET.token);
    await this.secrets.delete(SECRET.basic);
    return had;
  }

  /** Where to sync, with credentials bound into onAuth; refuses when no remote is set. */
  async target(): Promise<RemoteTarget & { remote: StoredRemote }> {
    const r = this.get();
    if (!r) throw new AppError('VALIDATION', 'No team repository is connected yet: open Sync settings and connect one.', { reason: 'not-configured' });
    const secret = await this.secretFor(r.auth);
    if (r.auth.kind !== 'none' && secret === null) throw new AppError('AUTH_FAILED', 'The stored credentials are missing: enter them again in Sync settings.');
    return { url: r.url, branch: r.branch, onAuth: authCallback(r.auth, secret), remote: r };
  }

  /** A target for a connection test of unsaved input (the stored secret fills a blank one). */
  async targetOf(input: RemoteInput): Promise<RemoteTarget> {
    const secret = await this.secretOf(input);
    const auth: StoredRemote['auth'] = input.auth.kind === 'basic' ? { kind: 'basic', username: input.auth.username } : { kind: input.auth.kind };
    return { url: input.url, branch: input.branch, onAuth: authCallback(auth, secret) };
  }
}

function authCallback(auth: StoredRemote['auth'], secret: string | null): AuthCallback | undefined {
  if (auth.kind === 'none' || secret === null) return undefined;
  const username = auth.kind === 'token' ? TOKEN_USERNAME : auth.username;
  return () => ({ username, password: secret });
}
