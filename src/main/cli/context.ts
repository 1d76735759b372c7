import fs from 'node:fs';
import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { createApp, type App } from '../app';
import type { Channel, Input, Output } from '../../shared/contract';
import type { Person } from '../../shared/document';
import { AppError } from '../../shared/errors';
import { defaultIdentity } from '../services/identity';
import type { SyncWorkerOptions } from '../sync/syncWorkerHost';
import { DB_FILE } from '../store/openDatabase';
import { resolveWorkspace } from '../workspace';
import { printableText, terminalJson } from '../../shared/format/printable';

/** What the CLI talks to: the process in production, buffers in tests. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  platform: NodeJS.Platform;
  home: string;
  /** The identity used when the workspace has none set (default: git config). */
  identity?: () => Person;
  now?: () => Date;
  version?: string;
  /** Standard input, for commands that read a text given as "-" (absent: none can be read). */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** The bundled sync worker (the installed CLI gives dist/main/sync-worker.cjs); syncs run in this thread when absent. */
  syncWorker?: SyncWorkerOptions;
  /** Calls `handler` on Ctrl+C (SIGINT) until the returned function is called (a second Ctrl+C ends the process). */
  onInterrupt?: (handler: () => void) => () => void;
}

/** Wrong arguments: exit code 2, with the command's usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** One `designdesk` command: its help, its options, and what it does. */
export interface Command {
  name: string;
  summary: string;
  /** One line per form, without "designdesk ". */
  usage: string[];
  /** Further help: options, examples. */
  details: string;
  options: OptionSpec;
  /** How many positional arguments it takes. */
  args: { min: number; max: number };
  /** Whether it works on the workspace (and so takes --workspace). */
  workspace: boolean;
  run(ctx: CommandContext): Promise<number> | number;
}

export interface CommandContext {
  io: CliIo;
  args: string[];
  values: Record<string, string | boolean | string[] | undefined>;
  /** The workspace's app, opened on first use and closed by the CLI when the command ends. */
  app(): App;
  /** A path the user typed, resolved against the working directory. */
  resolvePath(p: string): string;
  /** Calls the same contract the app uses; an error comes back as an AppError. */
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
  /** Prints a value as JSON (for --json). */
  json(value: unknown): void;
  out(line?: string): void;
  err(line: string): void;
}

/** The workspace a command uses: --workspace, then DESIGNDESK_WORKSPACE, then the app's default. */
export function workspaceOf(io: CliIo, option: string | undefined): string {
  const argv = option ? ['--workspace', path.resolve(io.cwd, option)] : [];
  const env = { ...io.env };
  if (env.DESIGNDESK_WORKSPACE) env.DESIGNDESK_WORKSPACE = path.resolve(io.cwd, env.DESIGNDESK_WORKSPACE);
  return resolveWorkspace({ argv, env, platform: io.platform, home: io.home });
}

/** Commands that only read the workspace, so they need not wait for the desktop app or the web host to close. */
export const READ_ONLY_COMMANDS: ReadonlySet<string> = new Set(['list', 'show', 'search', 'export', 'lint', 'conflicts']);

/** Builds the context of one run; `close` releases the database if it was opened. */
export function createContext(io: CliIo, command: Command, args: string[], values: CommandContext['values']): CommandContext & { close(): void } {
  let app: App | null = null;
  const open = (): App => {
    if (app) return app;
    const dir = workspaceOf(io, typeof values.workspace === 'string' ? values.workspace : undefined);
    if (command.name !== 'init' && !fs.existsSync(path.join(dir, DB_FILE))) {
      throw new AppError('NOT_FOUND', `No DesignDesk workspace at ${dir}. Run "designdesk init" to create it, or pass --workspace DIR (or set DESIGNDESK_WORKSPACE).`, { workspace: dir });
    }
    app = createApp({
      workspaceDir: dir,
      bridge: 'web',
      version: io.version ?? 'dev',
      // Readers run beside an open app (WAL snapshots); writers take the one-writer lock (docs/adr/0007).
      ...(READ_ONLY_COMMANDS.has(command.name) ? {} : { lock: 'cli' as const }),
      fallbackIdentity: io.identity ?? defaultIdentity,
      ...(io.now ? { now: io.now } : {}),
      ...(io.syncWorker ? { syncWorker: io.syncWorker } : {}),
    });
    return app;
  };
  return {
    io,
    args,
    values,
    app: open,
    resolvePath: (p) => path.resolve(io.cwd, p),
    call: async (channel, input) => {
      const r = await open().dispatch(channel, input);
      if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.data);
      return r.value as Output<typeof channel>;
    },
    // Text from teammates, servers and imported files reaches the terminal: never a raw control character (see output.ts).
    json: (value) => io.stdout(`${terminalJson(value)}\n`),
    out: (line = '') => io.stdout(`${printableText(line)}\n`),
    err: (line) => io.stderr(`${printableText(line)}\n`),
    close: () => app?.close(),
  };
}

/** The string value of an option, or undefined. */
export function str(values: CommandContext['values'], name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}
