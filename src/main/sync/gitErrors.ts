import { AppError, isAppError } from '../../shared/errors';
import { GitFormatError } from './gitLimits';

/** Why a transfer with the server failed, beyond what HTTP and the network say. */
export type TransportFailure =
  /** The server sent an `ERR` line or a fatal side-band message: `detail` is its own text. */
  | 'server-error'
  /** The answer stopped before its end (a cut connection, a missing flush, a pkt-line cut short). */
  | 'truncated'
  /** Bytes that break the protocol's shape (a bad pkt-line length, an unknown side-band channel). */
  | 'malformed'
  /** Fewer bytes moved than the stall deadline asks for, in one window. */
  | 'stalled'
  /** No connection (TCP, proxy, TLS) within the connect deadline. */
  | 'connect-timeout'
  /** The answer is larger than its limit. */
  | 'too-large'
  /** The server answered HTTP 413 to our request body. */
  | 'request-too-large'
  /** The server speaks only git protocol version 2. */
  | 'protocol-v2'
  /** Too many redirects, or one DesignDesk cannot follow. */
  | 'redirect'
  /** The proxy refused or broke the tunnel. */
  | 'proxy';

/**
 * A failure of the transfer itself, raised by DesignDesk's own smart-HTTP
 * code (gitHttp.ts and its readers). `detail` is plain, sanitised text;
 * describeGitError turns it into a message naming the host.
 */
export class GitTransportError extends Error {
  readonly code = 'GitTransportError';
  constructor(
    readonly reason: TransportFailure,
    readonly detail: string,
    readonly data: Record<string, unknown> = {},
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'GitTransportError';
  }
}

/** An AppError for a sync the user (or the app) stopped. */
export function cancelled(): AppError {
  return new AppError('CANCELLED', 'The sync was cancelled. Your documents are as they were; the next sync picks up from here.', { reason: 'cancelled' });
}

const TLS_TRUST = new Set(['SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT', 'CERT_UNTRUSTED']);
const TLS_OTHER = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH']);

function describeTransport(e: GitTransportError, host: string): AppError {
  const data = { reason: e.reason, ...e.data };
  switch (e.reason) {
    case 'server-error':
      return new AppError('NETWORK', `${host} answered: ${e.detail}`, data);
    case 'truncated':
      return new AppError('NETWORK', `The server ended the transfer early (${host}: ${e.detail}). Nothing was changed; sync again.`, data);
    case 'malformed':
      return new AppError('NETWORK', `${host} sent an answer that breaks the git protocol (${e.detail}). Nothing was changed.`, data);
    case 'stalled':
      return new AppError('NETWORK', `${host} stopped sending: ${e.detail}. The sync gave up; your changes stay here, sync again later.`, data);
    case 'connect-timeout':
      return new AppError('NETWORK', `Cannot reach ${host}: ${e.detail}. Your changes stay here; sync again later.`, data);
    case 'too-large':
      return new AppError('TOO_LARGE', `${host} sent more than DesignDesk accepts: ${e.detail}. Nothing was changed.`, data);
    case 'request-too-large':
      return new AppError('TOO_LARGE', `${host} refused the push with HTTP 413: the server's request size limit (e.g. nginx client_max_body_size) is too small for this push (${e.detail}). Ask its administrator to raise it.`, data);
    case 'protocol-v2':
      return new AppError('UNSUPPORTED', `${host} requires git protocol version 2, which DesignDesk does not speak. Ask its administrator to allow protocol version 0/1 (the default of git, GitHub, GitLab and Gitea).`, data);
    case 'redirect':
      return new AppError('NETWORK', `${host} redirected the sync in a way DesignDesk does not follow: ${e.detail}.`, data);
    case 'proxy':
      return new AppError('NETWORK', `The proxy did not open a connection to ${host}: ${e.detail}. Check HTTPS_PROXY / HTTP_PROXY / NO_PROXY (or the system proxy settings).`, data);
  }
}

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
  if (e instanceof GitTransportError) return describeTransport(e, host);
  if (TLS_TRUST.has(code)) {
    return new AppError(
      'NETWORK',
      `${host}'s certificate is not signed by an authority DesignDesk trusts (${code}), so nothing was sent. If the server uses your company's own or a self-signed certificate, save that certificate (PEM) and start DesignDesk, the app or the command line, with NODE_EXTRA_CA_CERTS=/path/to/ca.pem; DesignDesk trusts the authorities bundled with it, not yet the system's certificate store.`,
      { reason: 'tls-untrusted', code },
    );
  }
  if (TLS_OTHER.has(code)) return new AppError('NETWORK', `${host}'s certificate is not valid for this address or date (${code}), so DesignDesk did not send anything. Check the URL and the computer's clock.`, { reason: 'tls-invalid', code });
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
  if (code === 'ParseError') {
    // What the server sent broke on the way (a bad pack checksum, a wrong object size): a transfer failure, not a wrong URL.
    return new AppError('NETWORK', `The transfer from ${host} arrived damaged (${(err?.message ?? '').slice(0, 200)}). Nothing was changed; sync again.`, { reason: 'damaged' });
  }
  if (code === 'SmartHttpError' || code === 'UnknownTransportError') {
    return new AppError('VALIDATION', `The URL does not answer like a git server. Use the repository's clone URL (usually ending in .git).`, { reason: code });
  }
  if (code === 'NotFoundError' && /Could not find/.test(err?.message ?? '')) {
    return new AppError('NOT_FOUND', `The branch "${branch}" does not exist in this repository. Check the branch name (or create it on the git host).`, { reason: 'branch' });
  }
  if (code === 'GitPushError' && /unpack|quota|too large|exceeds/i.test(err?.message ?? '')) {
    return new AppError('FORBIDDEN', `${host} refused the push because the repository is full or over its size limit. Ask its owner for more space; your documents stay here.`, { reason: 'remote-full' });
  }
  if (code === 'GitPushError' && !isPushRejected(e)) {
    return new AppError('FORBIDDEN', `${host} refused the push: ${(err?.message ?? '').replace(/^One or more branches were not updated:\s*/, '').slice(0, 2000)}`, { reason: 'push-refused' });
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
