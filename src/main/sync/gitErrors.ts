import { AppError, isAppError } from '../../shared/errors';
import { GitFormatError } from './gitLimits';

/** The remote moved between our fetch and our push: fetch and merge again. */
export function isPushRejected(e: unknown): boolean {
  const err = e as { code?: string; data?: { reason?: string; prettyDetails?: string } } | null;
  if (err?.code === 'PushRejectedError' || err?.data?.reason === 'not-fast-forward') return true;
  // The server saw our ref's old value change under it (someone pushed after it advertised it).
  return err?.code === 'GitPushError' && /failed to (update|lock) ref|non-fast-forward|fetch first|stale info/i.test(err.data?.prettyDetails ?? '');
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'EAI_AGAIN']);

/**
 * Turns what isomorphic-git or the network throws into an AppError a person
 * can act on: offline, wrong address, refused credentials, missing branch.
 * Messages name the host, never a credential.
 */
export function describeGitError(e: unknown, url: string, branch: string): AppError {
  if (isAppError(e)) return e;
  const err = e as { code?: string; message?: string; data?: { statusCode?: number; reason?: string }; cause?: { code?: string } } | null;
  const code = err?.code ?? err?.cause?.code ?? '';
  const host = hostOf(url);
  if (code === 'ENOSPC' || code === 'EFBIG' || code === 'EDQUOT') {
    return new AppError('DISK_FULL', 'The disk holding your workspace is full, so the sync could not store what it fetched. Your documents are untouched; free some space and sync again.', { reason: 'disk-full', code });
  }
  if (code === 'ENOTFOUND') return new AppError('NETWORK', `Cannot reach ${host}: the host name does not resolve. Check the URL, or whether you are offline.`, { reason: 'dns' });
  if (code === 'EAI_AGAIN') return new AppError('NETWORK', `Cannot reach ${host}: no name resolution (you may be offline). Your changes stay here; sync again later.`, { reason: 'offline' });
  if (UNREACHABLE.has(code)) return new AppError('NETWORK', `Cannot reach ${host} (${code === 'ECONNREFUSED' ? 'connection refused' : 'the connection was cut'}). Your changes stay here; sync again when the server is back.`, { reason: 'unreachable' });
  if (code === 'UserCanceledError') return authRefused(host);
  if (code === 'HttpError') {
    const status = err?.data?.statusCode;
    if (status === 401) return authRefused(host);
    if (status === 403) return new AppError('AUTH_FAILED', `${host} refused access to this repository (403). Check that your account may push to it.`, { status });
    if (status === 404) return new AppError('NOT_FOUND', `There is no git repository at this URL on ${host} (404). Check the URL.`, { status });
    return new AppError('NETWORK', `${host} answered with HTTP ${status ?? 'error'}. Try again later.`, { status });
  }
  if (e instanceof GitFormatError) return describeFormatError(e, host);
  if (code === 'SmartHttpError' || code === 'ParseError' || code === 'UnknownTransportError') {
    return new AppError('VALIDATION', `The URL does not answer like a git server. Use the repository's clone URL (usually ending in .git).`, { reason: code });
  }
  if (code === 'NotFoundError' && /Could not find/.test(err?.message ?? '')) {
    return new AppError('NOT_FOUND', `The branch "${branch}" does not exist in this repository. Check the branch name (or create it on the git host).`, { reason: 'branch' });
  }
  if (code === 'GitPushError' && /unpack|quota|too large|exceeds/i.test(err?.message ?? '')) {
    return new AppError('FORBIDDEN', `${host} refused the push because the repository is full or over its size limit. Ask its owner for more space; your documents stay here.`, { reason: 'remote-full' });
  }
  if (code === 'GitPushError' && !isPushRejected(e)) {
    return new AppError('FORBIDDEN', `${host} refused the push: ${(err?.message ?? '').replace(/^One or more branches were not updated:\s*/, '').slice(0, 200)}`, { reason: 'push-refused' });
  }
  if (code === 'UrlParseError' || code === 'ERR_INVALID_URL') return new AppError('VALIDATION', 'This is not a valid repository URL.', { reason: code });
  if (isPushRejected(e)) return new AppError('CONFLICT', 'Someone pushed at the same moment several times in a row. Sync again.', { reason: 'push-rejected' });
  return new AppError('NETWORK', `The sync with ${host} failed: ${(err?.message ?? String(e)).slice(0, 200)}`, { reason: code || 'unknown' });
}

function authRefused(host: string): AppError {
  return new AppError('AUTH_FAILED', `${host} refused the credentials (401). Check the token, or the user name and password.`, { status: 401 });
}

/** A pack, delta, tree or commit the readers refused (gitLimits.ts): the cause in the message, nothing was stored. */
function describeFormatError(e: GitFormatError, host: string): AppError {
  const data = { reason: `git-${e.reason}`, ...(e.limit ? { limit: e.limit } : {}) };
  if (e.limit) return new AppError('TOO_LARGE', `${host} sent more than DesignDesk takes in from one sync: ${e.message}. Nothing was changed here.`, data);
  return new AppError('VALIDATION', `${host} sent git data DesignDesk refused: ${e.message}. Nothing was changed here.`, data);
}
