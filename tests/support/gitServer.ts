import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** git's own smart-HTTP server, run as a CGI program. */
export const GIT_HTTP_BACKEND = process.env.DESIGNDESK_GIT_HTTP_BACKEND ?? '/usr/lib/git-core/git-http-backend';

/** What a request to the server is about, for hooks. */
export interface GitRequestInfo {
  method: string;
  /** Path below the server root, e.g. "/team.git/git-receive-pack". */
  path: string;
  /** git-upload-pack (fetch) or git-receive-pack (push), from the path or the ?service= query. */
  service: 'git-upload-pack' | 'git-receive-pack' | null;
}

export interface GitServerOptions {
  /** Basic auth the server demands on every request; none when absent. */
  auth?: { username: string; password: string };
  /**
   * Called before each request reaches git. Return 'drop' to cut the
   * connection without an answer (as a crashing server would).
   */
  onRequest?: (info: GitRequestInfo) => void | 'drop' | Promise<void | 'drop'>;
}

export interface GitServer {
  /** Folder holding the bare repositories. */
  root: string;
  port: number;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  /** Creates a bare repository (HEAD -> main, pushes allowed) and returns its clone URL. */
  createRepo(name: string): string;
  /** The folder of a bare repository, for the git CLI. */
  repoDir(name: string): string;
  /** The URL of a repository with credentials in it, for the git CLI. */
  urlWithAuth(name: string): string;
  /** Stops listening and cuts every open connection; the repositories stay. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  restart(): Promise<void>;
  /** Stops and removes the repositories. */
  close(): Promise<void>;
  /** Changes the hook at run time. */
  setOnRequest(hook: GitServerOptions['onRequest']): void;
  /** Requests served so far (method + path), for assertions. */
  requests: GitRequestInfo[];
}

function serviceOf(pathname: string, query: URLSearchParams): GitRequestInfo['service'] {
  const s = query.get('service') ?? (pathname.endsWith('/git-upload-pack') ? 'git-upload-pack' : pathname.endsWith('/git-receive-pack') ? 'git-receive-pack' : null);
  return s === 'git-upload-pack' || s === 'git-receive-pack' ? s : null;
}

function authorized(req: http.IncomingMessage, auth: GitServerOptions['auth']): boolean {
  if (!auth) return true;
  const header = req.headers.authorization ?? '';
  const m = /^Basic (.+)$/i.exec(header);
  if (!m) return false;
  const [user, ...rest] = Buffer.from(m[1]!, 'base64').toString('utf8').split(':');
  return user === auth.username && rest.join(':') === auth.password;
}

/** Runs one request through git http-backend and streams its CGI answer back. */
function runBackend(root: string, req: http.IncomingMessage, res: http.ServerResponse, url: URL, user: string | null): void {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GIT_PROJECT_ROOT: root,
    GIT_HTTP_EXPORT_ALL: '1',
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: root,
    REQUEST_METHOD: req.method ?? 'GET',
    PATH_INFO: decodeURIComponent(url.pathname),
    QUERY_STRING: url.search.replace(/^\?/, ''),
    CONTENT_TYPE: req.headers['content-type'] ?? '',
    REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
    ...(req.headers['content-length'] ? { CONTENT_LENGTH: req.headers['content-length'] } : {}),
    ...(req.headers['content-encoding'] ? { HTTP_CONTENT_ENCODING: String(req.headers['content-encoding']) } : {}),
    ...(req.headers['git-protocol'] ? { GIT_PROTOCOL: String(req.headers['git-protocol']) } : {}),
    ...(user ? { REMOTE_USER: user } : {}),
  };
  const child = spawn(GIT_HTTP_BACKEND, [], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  req.pipe(child.stdin);
  child.stdin.on('error', () => undefined);
  let head = Buffer.alloc(0);
  let headersDone = false;
  child.stdout.on('data', (chunk: Buffer) => {
    if (headersDone) {
      res.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const sep = head.indexOf('\r\n\r\n') >= 0 ? head.indexOf('\r\n\r\n') : head.indexOf('\n\n');
    if (sep < 0) return;
    const sepLen = head[sep] === 13 ? 4 : 2;
    const lines = head.subarray(0, sep).toString('latin1').split(/\r?\n/);
    for (const line of lines) {
      const i = line.indexOf(':');
      if (i < 0) continue;
      const name = line.slice(0, i).trim();
      const value = line.slice(i + 1).trim();
      if (name.toLowerCase() === 'status') res.statusCode = Number(value.split(' ')[0]);
      else res.setHeader(name, value);
    }
    headersDone = true;
    res.write(head.subarray(sep + sepLen));
  });
  child.stderr.on('data', () => undefined);
  child.on('close', () => res.end());
  res.on('close', () => {
    if (child.exitCode === null) child.kill();
  });
}

/**
 * A real git smart-HTTP server on 127.0.0.1 (random port): `git http-backend`
 * behind a small Node wrapper, with optional basic auth and a request hook
 * that can stop it mid-operation. Serves isomorphic-git and the git CLI alike.
 */
export async function startGitServer(options: GitServerOptions = {}): Promise<GitServer> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-git-'));
  const sockets = new Set<Socket>();
  let onRequest = options.onRequest;
  const requests: GitRequestInfo[] = [];

  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const info: GitRequestInfo = { method: req.method ?? 'GET', path: url.pathname, service: serviceOf(url.pathname, url.searchParams) };
    if (!authorized(req, options.auth)) {
      res.statusCode = 401;
      res.setHeader('WWW-Authenticate', 'Basic realm="designdesk-test"');
      res.end('Authentication required\n');
      return;
    }
    requests.push(info);
    void Promise.resolve(onRequest?.(info)).then((verdict) => {
      if (verdict === 'drop') {
        req.socket.destroy();
        return;
      }
      runBackend(root, req, res, url, options.auth?.username ?? null);
    });
  };

  let server = http.createServer(handler);
  const track = (s: http.Server): void => {
    s.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
  };
  track(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  let listening = true;

  const stop = async (): Promise<void> => {
    if (!listening) return;
    listening = false;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const s of sockets) s.destroy();
    await closed;
  };

  const authPart = options.auth ? `${encodeURIComponent(options.auth.username)}:${encodeURIComponent(options.auth.password)}@` : '';

  return {
    root,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    createRepo(name) {
      const dir = path.join(root, name);
      execFileSync('git', ['init', '--quiet', '--bare', '-b', 'main', dir]);
      execFileSync('git', ['config', 'http.receivepack', 'true'], { cwd: dir });
      return `http://127.0.0.1:${port}/${name}`;
    },
    repoDir: (name) => path.join(root, name),
    urlWithAuth: (name) => `http://${authPart}127.0.0.1:${port}/${name}`,
    stop,
    async restart() {
      if (listening) return;
      server = http.createServer(handler);
      track(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', resolve);
      });
      listening = true;
    },
    async close() {
      await stop();
      fs.rmSync(root, { recursive: true, force: true });
    },
    setOnRequest(hook) {
      onRequest = hook;
    },
  };
}
