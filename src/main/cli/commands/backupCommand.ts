import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { BACKUP_DIR, backupDatabase, listBackups, restoreBackup } from '../../store/backup';
import { DB_FILE } from '../../store/openDatabase';
import { acquireWorkspaceLock } from '../../workspaceLock';
import { str, UsageError, workspaceOf, type Command, type CommandContext } from '../context';

const workspaceDir = (ctx: CommandContext): string => workspaceOf(ctx.io, str(ctx.values, 'workspace'));

const mb = (bytes: number): string => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** `designdesk backup [--list]`: a backup of the workspace now, or the list of its backups. */
export const backupCommand: Command = {
  name: 'backup',
  summary: 'back the workspace up now, or list its backups',
  usage: ['backup [--json]', 'backup --list [--json]'],
  details: `Writes a consistent copy of the workspace database into its backups
folder (<workspace>/backups/designdesk-<UTC time>.sqlite), as the app does on
start and every hour; the newest 10 are kept. Safe while the app is open.

Options:
  --list   list the backups, newest first: name, time, size
  --json   print the backup (or the list) as JSON

Restore one with "designdesk restore NAME" (docs/reliability.md, "Restore").`,
  options: { list: { type: 'boolean' }, json: { type: 'boolean' } },
  args: { min: 0, max: 0 },
  workspace: true,
  async run(ctx) {
    const dir = path.join(workspaceDir(ctx), BACKUP_DIR);
    if (ctx.values.list) {
      const backups = listBackups(dir);
      if (ctx.values.json) ctx.json({ dir, backups: backups.map((b) => ({ name: path.basename(b.file), ...b })) });
      else if (backups.length === 0) ctx.err(`No backups in ${dir} yet.`);
      else for (const b of backups) ctx.out(`${path.basename(b.file)}  ${b.at}  ${mb(b.bytes)}`);
      return 0;
    }
    const file = await backupDatabase(ctx.app().db, dir, ctx.io.now ? { now: ctx.io.now } : {});
    const bytes = fs.statSync(file).size;
    if (ctx.values.json) ctx.json({ file, bytes });
    else ctx.out(`Backed up to ${file} (${mb(bytes)}).`);
    return 0;
  },
};

/** The backup a user named: "latest", a name in the backups folder, or a path. */
function chooseBackup(ctx: CommandContext, workspace: string, which: string): string {
  const dir = path.join(workspace, BACKUP_DIR);
  if (which === 'latest') {
    const newest = listBackups(dir)[0];
    if (!newest) throw new AppError('NOT_FOUND', `No backups in ${dir} to restore.`, { dir });
    return newest.file;
  }
  const inFolder = path.join(dir, which);
  if (!which.includes('/') && !which.includes(path.sep) && fs.existsSync(inFolder)) return inFolder;
  const given = ctx.resolvePath(which);
  if (fs.existsSync(given) && fs.statSync(given).isFile()) return given;
  throw new AppError('NOT_FOUND', `No backup "${which}": give "latest", a name from "designdesk backup --list", or the path of a backup file.`, { which });
}

/** `designdesk restore BACKUP`: puts a backup in place of the workspace database, keeping the current one aside. */
export const restoreCommand: Command = {
  name: 'restore',
  summary: 'put a backup in place of the workspace database (the current one is kept aside)',
  usage: ['restore latest|NAME|FILE [--json]'],
  details: `Replaces the workspace database by a backup: "latest", a name from
"designdesk backup --list", or the path of a backup file. The backup is
checked first (SQLite integrity_check; a damaged one is refused and nothing
changes). The current database is kept as designdesk.sqlite.before-restore-
<time> beside it (the newest three such copies are kept). DesignDesk must be
closed: restore refuses while the app,
the web host or another command has the workspace open.

After a restore, documents changed since the backup come back from the team
repository on the next sync; unsynced edits made after the backup are only
in the database kept aside.`,
  options: { json: { type: 'boolean' } },
  args: { min: 1, max: 1 },
  workspace: true,
  async run(ctx) {
    const workspace = workspaceDir(ctx);
    const dbFile = path.join(workspace, DB_FILE);
    if (!fs.existsSync(workspace)) throw new UsageError(`no workspace folder at ${workspace}.`);
    const backup = chooseBackup(ctx, workspace, ctx.args[0]!);
    // The one-writer lock (docs/adr/0007): held for the restore, refused while an app has the workspace.
    const lock = acquireWorkspaceLock(workspace, 'cli');
    try {
      let result: { keptAs: string | null };
      try {
        result = await restoreBackup(backup, dbFile, ctx.io.now ? { now: ctx.io.now } : {});
      } catch (e) {
        throw new AppError('VALIDATION', e instanceof Error ? e.message.replace(/^SqliteError: /, '') : String(e), { backup });
      }
      if (ctx.values.json) ctx.json({ restored: backup, keptAs: result.keptAs });
      else {
        ctx.out(`Restored ${backup}.`);
        if (result.keptAs) ctx.out(`The database it replaced is kept as ${result.keptAs}.`);
      }
      return 0;
    } finally {
      lock.release();
    }
  },
};
