import type { RemoteAuthInput, RemoteView } from '../../shared/contract/sync';
import { UsageError, type CliIo } from './context';

/**
 * The credentials the environment gives: DESIGNDESK_TOKEN, or
 * DESIGNDESK_USERNAME + DESIGNDESK_PASSWORD; null when it gives none.
 * Secrets are never taken from the command line (they would end up in the
 * shell history and in `ps`).
 */
export function authFromEnv(io: CliIo): RemoteAuthInput | null {
  const token = io.env.DESIGNDESK_TOKEN;
  const username = io.env.DESIGNDESK_USERNAME;
  const password = io.env.DESIGNDESK_PASSWORD;
  if (token) {
    if (username || password) throw new UsageError('set either DESIGNDESK_TOKEN, or DESIGNDESK_USERNAME and DESIGNDESK_PASSWORD, not both.');
    return { kind: 'token', token };
  }
  if (username || password) {
    if (!username || !password) throw new UsageError('set both DESIGNDESK_USERNAME and DESIGNDESK_PASSWORD (or DESIGNDESK_TOKEN).');
    return { kind: 'basic', username, password };
  }
  return null;
}

/** The stored auth, as an input that keeps the stored secret (a secret left out is kept). */
export function keptAuth(view: RemoteView | null): RemoteAuthInput {
  if (!view) return { kind: 'none' };
  return view.auth.kind === 'basic' ? { kind: 'basic', username: view.auth.username } : { kind: view.auth.kind };
}

/** How the remote authenticates, in words for the terminal. */
export function describeAuth(view: RemoteView): string {
  if (view.auth.kind === 'none') return 'no credentials';
  const secret = view.hasSecret ? 'stored' : 'missing';
  return view.auth.kind === 'token' ? `token (${secret})` : `user ${view.auth.username}, password (${secret})`;
}
