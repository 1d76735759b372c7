import { z } from 'zod';

/**
 * The file name of a backup in the workspace's backups folder:
 * designdesk-<UTC time>.sqlite. It is also the backup's id across the
 * contract: the renderer names a backup the main side listed, never a path.
 */
export const BACKUP_NAME_RE = /^designdesk-(\d{8}T\d{6}(?:\d{3})?Z)\.sqlite$/;

export const BackupIdSchema = z
  .string()
  .max(64)
  .regex(BACKUP_NAME_RE, 'not the name of a backup: choose one from the list of backups');

export const BackupSchema = z.object({
  id: BackupIdSchema,
  /** When it was taken (UTC, from its name). */
  at: z.string(),
  bytes: z.number().int().nonnegative(),
  /** Documents in it (not counting the trash); null when the file cannot be read. */
  documents: z.number().int().nonnegative().nullable(),
});
export type BackupView = z.infer<typeof BackupSchema>;

export const RestoreResultSchema = z.object({
  restored: BackupSchema,
  /** The backup of the library as it was just before the restore: restoring it undoes the restore. */
  undo: BackupSchema,
});
export type RestoreResult = z.infer<typeof RestoreResultSchema>;

/** Backups of the workspace database (docs/reliability.md): the same files as `designdesk backup` / `restore`. */
export const backupsContract = {
  /** The backups, newest first. */
  'backups:list': {
    input: z.object({}).strict(),
    output: z.object({ dir: z.string(), backups: z.array(BackupSchema) }),
  },
  /** A backup now (SQLite's online backup; safe while saving). */
  'backups:create': {
    input: z.object({}).strict(),
    output: BackupSchema,
  },
  /**
   * Puts a listed backup in place of the library: backs the current library
   * up first (so the restore can be undone), checks the backup in a worker,
   * swaps the database file and reopens it. Calls made meanwhile wait.
   */
  'backups:restore': {
    input: z.object({ id: BackupIdSchema }).strict(),
    output: RestoreResultSchema,
  },
} as const;
