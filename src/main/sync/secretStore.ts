import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the remote's secret (token or password) lives: only in the main
 * process, never in SQLite, never sent to the renderer. Drivers: memory
 * (tests), a plain file (web host, CLI) and Electron's safeStorage (desktop,
 * src/main/electron/safeStorageSecretStore.ts).
 */
export interface SecretStore {
  /** A name for messages: "memory", "file", "safeStorage". */
  readonly driver: string;
  /** What the user should know about how well the secret is protected here, or null when the OS keychain guards it. */
  readonly warning: string | null;
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Secrets held in memory for the life of the process (tests). */
export class MemorySecretStore implements SecretStore {
  readonly driver = 'memory';
  readonly warning = null;
  private readonly values = new Map<string, string>();

  async get(key: string): Promise<string | null> {
    return this.values.get(key) ?? null;
  }

  async set(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
}

/**
 * Secrets in a JSON file readable by the owner only (0600), beside the
 * database but never inside it. For the web host and the CLI, which have no
 * OS keychain; the desktop app encrypts with safeStorage instead.
 */
export class FileSecretStore implements SecretStore {
  readonly driver: string = 'file';

  get warning(): string | null {
    return `The token or password is kept in ${path.basename(this.file)} in the workspace, readable only by your user account but not encrypted.`;
  }

  constructor(
    private readonly file: string,
    private readonly encode: (plain: string) => string = (s) => s,
    private readonly decode: (stored: string) => string = (s) => s,
  ) {}

  private read(): Record<string, string> {
    try {
      return JSON.parse(fs.readFileSync(this.file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  }

  private write(values: Record<string, string>): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(values), { mode: 0o600 });
    fs.renameSync(tmp, this.file);
  }

  async get(key: string): Promise<string | null> {
    const stored = this.read()[key];
    return stored === undefined ? null : this.decode(stored);
  }

  async set(key: string, value: string): Promise<void> {
    this.write({ ...this.read(), [key]: this.encode(value) });
  }

  async delete(key: string): Promise<void> {
    const values = this.read();
    if (!(key in values)) return;
    delete values[key];
    this.write(values);
  }
}
