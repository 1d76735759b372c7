import type { Db } from './openDatabase';

/** Key/value settings of the workspace, stored as JSON. */
export class SettingsStore {
  private readonly getStmt;
  private readonly setStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
    this.setStmt = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  }

  get<T>(key: string): T | undefined {
    const r = this.getStmt.get(key);
    return r ? (JSON.parse(r.value) as T) : undefined;
  }

  set(key: string, value: unknown): void {
    this.setStmt.run(key, JSON.stringify(value));
  }
}
