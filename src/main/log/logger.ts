import fs from 'node:fs';
import path from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';

export interface LoggerOptions {
  /** Folder of the log files; created when missing. */
  dir: string;
  /** File stem: `<name>.log`, rotated to `<name>.1.log` … */
  name?: string;
  /** The current file is rotated before a line would take it past this size. */
  maxBytes?: number;
  /** How many files are kept, the current one included. */
  maxFiles?: number;
  now?: () => Date;
  /** Also print each line (to stderr for warnings and errors). */
  echo?: boolean;
}

export interface Logger {
  readonly dir: string;
  readonly file: string;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

/** One line per entry; an Error detail keeps its stack, indented under the line. */
export function formatLine(time: Date, level: LogLevel, message: string, detail?: unknown): string {
  let text = `${time.toISOString()} ${level.toUpperCase().padEnd(5)} ${message}`;
  if (detail instanceof Error) text += `: ${detail.stack ?? detail.message}`;
  else if (detail !== undefined) text += `: ${typeof detail === 'string' ? detail : safeJson(detail)}`;
  return `${text.replace(/\r?\n/g, '\n    ')}\n`;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Shifts `<name>.log` -> `<name>.1.log` -> … and drops the oldest beyond maxFiles. */
export function rotate(dir: string, name: string, maxFiles: number): void {
  const file = (i: number): string => path.join(dir, i === 0 ? `${name}.log` : `${name}.${i}.log`);
  fs.rmSync(file(maxFiles - 1), { force: true });
  for (let i = maxFiles - 2; i >= 0; i--) {
    if (fs.existsSync(file(i))) fs.renameSync(file(i), file(i + 1));
  }
}

/**
 * A tiny synchronous file logger with size-based rotation, for the desktop
 * shell and the web host (errors that reach no user). Logging never throws:
 * a full disk must not take the app down with it.
 */
export function createLogger(options: LoggerOptions): Logger {
  const { dir, name = 'designdesk', maxBytes = 1024 * 1024, maxFiles = 3, now = () => new Date(), echo = false } = options;
  const file = path.join(dir, `${name}.log`);
  const write = (level: LogLevel, message: string, detail?: unknown): void => {
    const line = formatLine(now(), level, message, detail);
    if (echo) (level === 'info' ? process.stdout : process.stderr).write(line);
    try {
      fs.mkdirSync(dir, { recursive: true });
      const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate(dir, name, Math.max(1, maxFiles));
      fs.appendFileSync(file, line);
    } catch {
      // nowhere left to report it
    }
  };
  return {
    dir,
    file,
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}
