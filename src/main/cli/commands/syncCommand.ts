import { SyncDeletionsDataSchema } from '../../../shared/contract/sync';
import { AppError, isAppError } from '../../../shared/errors';
import type { Command } from '../context';
import { authFromEnv } from '../remoteAuth';
import { oneLine, plural } from '../output';
import { printablePath } from '../../../shared/format/printable';

/** The shell's exit code for a command stopped by Ctrl+C (128 + SIGINT). */
const EXIT_INTERRUPTED = 130;

/** `designdesk sync`: fetch, merge, commit and push with the team repo. */
export const syncCommand: Command = {
  name: 'sync',
  summary: 'sync with the team repo (fetch, merge, push)',
  usage: ['sync [--allow-deletes] [--json]'],
  details: `Fetches the team repository set with "designdesk remote set", merges it with the
workspace document by document, commits and pushes. When both sides changed the
same field or lines, both versions are kept and the document is flagged as a
conflict ("designdesk conflicts" shows it, "designdesk resolve" resolves it).
Credentials in the environment (DESIGNDESK_TOKEN, or DESIGNDESK_USERNAME +
DESIGNDESK_PASSWORD) replace the stored ones first.

A sync that would delete 5 documents or more, when they are also at least
10% of the library (here, because they were deleted in the team repository,
or there, because they were deleted here), stops before changing anything,
lists them and exits 1. Check the list, then run it again with --allow-deletes.

Prints what came in and went out. Exit code 1 when the sync failed, left
conflicts, or could not read some files of the repository. Ctrl+C cancels
the sync at any point, leaving the workspace as it was (exit code 130); a
second Ctrl+C quits at once.

Options:
  --allow-deletes  go ahead although the sync deletes many documents
  --json           print the sync result as JSON

Example (CI):
  DESIGNDESK_TOKEN=$TOKEN designdesk sync --workspace ./ws --json`,
  options: { json: { type: 'boolean' }, 'allow-deletes': { type: 'boolean' } },
  args: { min: 0, max: 0 },
  workspace: true,
  async run(ctx) {
    const remote = await ctx.call('sync:getRemote', {});
    if (!remote) throw new AppError('VALIDATION', 'No team repository is connected: run "designdesk remote set URL [--branch BRANCH]" first.');
    const auth = authFromEnv(ctx.io);
    if (auth) await ctx.call('sync:setRemote', { url: remote.url, branch: remote.branch, authorName: remote.authorName, authorEmail: remote.authorEmail, auth });
    // Ctrl+C cancels the sync (at any point, nothing half-applied) instead of killing the process mid-write.
    const stopListening = ctx.io.onInterrupt?.(() => {
      ctx.err('designdesk sync: cancelling (press Ctrl+C again to quit at once)...');
      void ctx.call('sync:cancel', {});
    });
    let result;
    try {
      result = await ctx.call('sync:run', ctx.values['allow-deletes'] ? { allowDeletes: true } : {});
    } catch (e) {
      if (isAppError(e) && e.code === 'CANCELLED') {
        ctx.err(`designdesk sync: ${e.message}`);
        return EXIT_INTERRUPTED;
      }
      // The mass-deletion guard: show what it would delete, so the user can check before --allow-deletes.
      const guarded = isAppError(e) && e.code === 'CONFLICT' ? SyncDeletionsDataSchema.safeParse(e.data) : null;
      if (guarded?.success && ctx.values.json) ctx.json({ error: (e as AppError).toJSON() });
      else if (guarded?.success) for (const c of guarded.data.deletions) ctx.out(`would delete ${c.direction === 'in' ? 'here ' : 'there'} ${c.ref.padEnd(8)} ${oneLine(c.title, 200)}  (${printablePath(c.path)})`);
      throw e;
    } finally {
      stopListening?.();
    }
    if (ctx.values.json) ctx.json(result);
    else {
      for (const c of result.changes) ctx.out(`${c.direction.padEnd(3)} ${c.action.padEnd(10)} ${c.ref.padEnd(8)} ${oneLine(c.title, 200)}  (${printablePath(c.path)})`);
      for (const e of result.errors) ctx.out(`error ${printablePath(e.path)}: ${oneLine(e.reason, 500)}`);
      const skipped = result.skipped ?? [];
      if (skipped.length) ctx.out(`skipped ${plural(skipped.length, 'entry', 'entries')} of the team repository that DesignDesk does not read: ${skipped.map((e) => `${printablePath(e.path)} (${e.reason.replace(/^skipped: /, '')})`).join('; ')}`);
      ctx.out(`Synced with ${remote.url} (${remote.branch}): ${result.in} in, ${result.out} out, ${result.conflicts} conflict${result.conflicts === 1 ? '' : 's'}${result.commit ? `, commit ${result.commit.slice(0, 10)}` : ', nothing to push'}.`);
    }
    for (const w of result.warnings ?? []) ctx.err(`designdesk sync: warning: ${w}`);
    if (result.conflicts) ctx.err(`designdesk sync: ${result.conflicts} document(s) in conflict: both versions are kept; see them with "designdesk conflicts" and resolve each with "designdesk resolve REF --take mine|theirs|merged" (or in the app).`);
    if (result.errors.length) ctx.err(`designdesk sync: ${result.errors.length} file(s) of the team repository could not be read (listed above).`);
    return result.conflicts || result.errors.length ? 1 : 0;
  },
};
