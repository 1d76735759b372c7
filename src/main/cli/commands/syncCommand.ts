import { AppError } from '../../../shared/errors';
import type { Command } from '../context';
import { authFromEnv } from '../remoteAuth';

/** `designdesk sync`: fetch, merge, commit and push with the team repo. */
export const syncCommand: Command = {
  name: 'sync',
  summary: 'sync with the team repo (fetch, merge, push)',
  usage: ['sync [--json]'],
  details: `Fetches the team repository set with "designdesk remote set", merges it with the
workspace document by document, commits and pushes. When both sides changed the
same field or lines, both versions are kept and the document is flagged as a
conflict (resolve it in the app). Credentials in the environment
(DESIGNDESK_TOKEN, or DESIGNDESK_USERNAME + DESIGNDESK_PASSWORD) replace the
stored ones first.

Prints what came in and went out. Exit code 1 when the sync failed, left
conflicts, or could not read some files of the repository.

Options:
  --json   print the sync result as JSON

Example (CI):
  DESIGNDESK_TOKEN=$TOKEN designdesk sync --workspace ./ws --json`,
  options: { json: { type: 'boolean' } },
  args: { min: 0, max: 0 },
  workspace: true,
  async run(ctx) {
    const remote = await ctx.call('sync:getRemote', {});
    if (!remote) throw new AppError('VALIDATION', 'No team repository is connected: run "designdesk remote set URL [--branch BRANCH]" first.');
    const auth = authFromEnv(ctx.io);
    if (auth) await ctx.call('sync:setRemote', { url: remote.url, branch: remote.branch, authorName: remote.authorName, authorEmail: remote.authorEmail, auth });
    const result = await ctx.call('sync:run', {});
    if (ctx.values.json) ctx.json(result);
    else {
      for (const c of result.changes) ctx.out(`${c.direction.padEnd(3)} ${c.action.padEnd(10)} ${c.ref.padEnd(8)} ${c.title}  (${c.path})`);
      for (const e of result.errors) ctx.out(`error ${e.path}: ${e.reason}`);
      ctx.out(`Synced with ${remote.url} (${remote.branch}): ${result.in} in, ${result.out} out, ${result.conflicts} conflict${result.conflicts === 1 ? '' : 's'}${result.commit ? `, commit ${result.commit.slice(0, 10)}` : ', nothing to push'}.`);
    }
    for (const w of result.warnings ?? []) ctx.err(`designdesk sync: warning: ${w}`);
    if (result.conflicts) ctx.err(`designdesk sync: ${result.conflicts} document(s) in conflict: both versions are kept; resolve them in DesignDesk.`);
    if (result.errors.length) ctx.err(`designdesk sync: ${result.errors.length} file(s) of the team repository could not be read (listed above).`);
    return result.conflicts || result.errors.length ? 1 : 0;
  },
};
