import { parseArgs } from 'node:util';
import { isAppError } from '../../shared/errors';
import { conflictsCommand } from './commands/conflictsCommand';
import { exportCommand } from './commands/exportCommand';
import { importCommand } from './commands/importCommand';
import { initCommand } from './commands/initCommand';
import { lintCommand } from './commands/lintCommand';
import { listCommand } from './commands/listCommand';
import { moveCommand } from './commands/moveCommand';
import { newCommand } from './commands/newCommand';
import { publishCommand } from './commands/publishCommand';
import { remoteCommand } from './commands/remoteCommand';
import { resolveCommand } from './commands/resolveCommand';
import { searchCommand } from './commands/searchCommand';
import { setCommand } from './commands/setCommand';
import { showCommand } from './commands/showCommand';
import { syncCommand } from './commands/syncCommand';
import { versionCommand } from './commands/versionCommand';
import { createContext, UsageError, type CliIo, type Command, type OptionSpec } from './context';
import { backupCommand, restoreCommand } from './commands/backupCommand';

/** Every command, in the order `designdesk --help` lists them. */
export const COMMANDS: readonly Command[] = [
  initCommand,
  newCommand,
  setCommand,
  moveCommand,
  listCommand,
  showCommand,
  searchCommand,
  importCommand,
  exportCommand,
  lintCommand,
  publishCommand,
  remoteCommand,
  syncCommand,
  conflictsCommand,
  resolveCommand,
  backupCommand,
  restoreCommand,
  versionCommand,
];

/** Exit codes: 0 ok, 1 findings or a failure, 2 bad usage. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

const COMMON: OptionSpec = { help: { type: 'boolean', short: 'h' } };
const WORKSPACE: OptionSpec = { workspace: { type: 'string' } };

function overview(version: string): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `designdesk ${version}: RFCs, ADRs, decision matrices and postmortems from the command line.`,
    '',
    'Usage: designdesk [--workspace DIR] [--json] COMMAND [ARGS] [--workspace DIR] [--json]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "designdesk COMMAND --help" for the options of a command. Kinds may be written',
    'in the singular or the plural (adr, adrs; matrix, matrices, decision, decisions, dm; postmortem, pm).',
    'Exit codes: 0 ok, 1 findings or a failure, 2 bad usage.',
  ].join('\n');
}

/** The help of one command: usage lines, then its details. */
export function commandHelp(c: Command): string {
  const ws = c.workspace ? '\n  --workspace DIR  the workspace (default: DESIGNDESK_WORKSPACE, else the app\'s own)' : '';
  return `${c.summary}\n\nUsage:\n${c.usage.map((u) => `  designdesk ${u}`).join('\n')}\n\n${c.details.trimEnd()}${ws}\n  -h, --help       this help\n`;
}

/**
 * Runs one `designdesk` command line and returns its exit code. Output goes
 * through `io` only, so tests run it in-process; errors go to stderr in words
 * that say what to do.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const version = io.version ?? 'dev';
  const lead = leadingGlobals(argv);
  if (typeof lead === 'string') {
    io.stderr(`designdesk: ${lead}\nRun "designdesk --help" for an overview.\n`);
    return EXIT.usage;
  }
  const [name, ...rest] = argv.slice(lead.length);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    const text = `${topic ? commandHelp(topic) : overview(version)}\n`;
    if (name === undefined) {
      io.stderr(text);
      return EXIT.usage;
    }
    io.stdout(text);
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${version}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`designdesk: "${name}" is not a command. Commands: ${COMMANDS.map((c) => c.name).join(', ')}.\nRun "designdesk --help" for an overview.\n`);
    return EXIT.usage;
  }

  let values: Record<string, string | boolean | string[] | undefined>;
  let positionals: string[];
  try {
    // Options given before the command go after its arguments, checked as its own; --workspace is
    // global like DESIGNDESK_WORKSPACE, so a command without a workspace ignores it there.
    const globals = command.workspace ? lead : withoutWorkspace(lead);
    const parsed = parseArgs({ args: [...rest, ...globals], options: { ...COMMON, ...(command.workspace ? WORKSPACE : {}), ...command.options }, allowPositionals: true, strict: true });
    values = parsed.values as typeof values;
    positionals = parsed.positionals;
  } catch (e) {
    return usage(io, command, e instanceof Error ? e.message.replace(/\. To specify a positional argument starting with a '-'.*$/s, '.') : String(e));
  }
  if (values.help) {
    io.stdout(`${commandHelp(command)}`);
    return EXIT.ok;
  }
  if (positionals.length < command.args.min) return usage(io, command, 'missing argument.');
  if (positionals.length > command.args.max) return usage(io, command, `unexpected argument "${positionals[command.args.max]}".`);

  const ctx = createContext(io, command, positionals, values);
  try {
    return await command.run(ctx);
  } catch (e) {
    if (e instanceof UsageError) return usage(io, command, e.message);
    if (isAppError(e)) {
      io.stderr(`designdesk ${command.name}: ${e.message}\n`);
      return EXIT.failure;
    }
    io.stderr(`designdesk ${command.name}: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.failure;
  } finally {
    ctx.close();
  }
}

/** Options that may come before the command as well as after it (git, npm and kubectl accept both). */
const GLOBAL_FLAGS = new Set(['--json']);
const GLOBAL_VALUES = new Set(['--workspace']);

/**
 * The global options that open a command line (`designdesk --workspace DIR
 * list`), or a message when one lacks its value. Stops at the first word that
 * is not one, so `--help` and `--version` keep their meaning.
 */
function leadingGlobals(argv: readonly string[]): string[] | string {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (GLOBAL_FLAGS.has(a) || [...GLOBAL_VALUES].some((o) => a.startsWith(`${o}=`))) out.push(a);
    else if (GLOBAL_VALUES.has(a)) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('-')) return `${a} needs a value (${a} DIR).`;
      out.push(a, value);
      i++;
    } else break;
  }
  return out;
}

function withoutWorkspace(lead: readonly string[]): string[] {
  return lead.filter((a, i) => !(a === '--workspace' || a.startsWith('--workspace=') || lead[i - 1] === '--workspace'));
}

function usage(io: CliIo, command: Command, message: string): number {
  io.stderr(`designdesk ${command.name}: ${message}\nUsage:\n${command.usage.map((u) => `  designdesk ${u}`).join('\n')}\nRun "designdesk ${command.name} --help" for details.\n`);
  return EXIT.usage;
}
