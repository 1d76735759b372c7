import { AppError } from '../../../shared/errors';
import { UsageError, str, type Command } from '../context';
import { authFromEnv, describeAuth, keptAuth } from '../remoteAuth';

/** `designdesk remote set URL [--branch B]`: the team repo the workspace syncs with. */
export const remoteCommand: Command = {
  name: 'remote',
  summary: 'set or show the team repo to sync with (remote set URL [--branch B])',
  usage: ['remote set URL [--branch BRANCH] [--json]', 'remote [show] [--json]', 'remote disconnect'],
  details: `"remote set" connects the workspace to a team repository over http(s); "remote"
or "remote show" prints the current one. Credentials come from the environment,
never from the command line:
  DESIGNDESK_TOKEN                              an access token, or
  DESIGNDESK_USERNAME and DESIGNDESK_PASSWORD   a user name and password
They are kept in the workspace's secrets file (readable by you only), as the app
does; without them the credentials stored before are kept. Commits are made as
the workspace's identity (designdesk init --name --email).

"remote disconnect" forgets the repository and its credentials; documents and
merge bases stay. Connecting again (remote set) takes the branch as it is then:
the way on when "designdesk sync" refuses a branch that is gone or whose
history was rewritten, and the team means it (docs/cli.md).

Options:
  --branch BRANCH   the branch to sync (default: the one set before, else main)
  --json            print the remote as JSON (never the secret)

Example:
  DESIGNDESK_TOKEN=... designdesk remote set https://git.example.com/team/designs.git --branch main`,
  options: { branch: { type: 'string' }, json: { type: 'boolean' } },
  args: { min: 0, max: 2 },
  workspace: true,
  async run(ctx) {
    const [sub = 'show', url] = ctx.args;
    if (sub === 'show') {
      if (url !== undefined) throw new UsageError(`unexpected argument "${url}".`);
      const view = await ctx.call('sync:getRemote', {});
      if (ctx.values.json) ctx.json(view);
      else if (!view) ctx.out('No team repository is connected. Connect one with: designdesk remote set URL [--branch BRANCH]');
      else ctx.out(`${view.url} (branch ${view.branch}, ${describeAuth(view)}, commits as ${view.authorName}${view.authorEmail ? ` <${view.authorEmail}>` : ''})`);
      return 0;
    }
    if (sub === 'disconnect') {
      if (url !== undefined) throw new UsageError(`unexpected argument "${url}".`);
      const { disconnected } = await ctx.call('sync:disconnect', {});
      ctx.out(disconnected ? 'Disconnected from the team repository; documents and merge bases stay. Connect again with: designdesk remote set URL' : 'No team repository was connected.');
      return 0;
    }
    if (sub !== 'set') throw new UsageError(`"${sub}" is not a remote command: use "remote set URL", "remote show" or "remote disconnect".`);
    if (url === undefined) throw new UsageError('give the repository URL: designdesk remote set URL');
    const previous = await ctx.call('sync:getRemote', {});
    const sameRepo = previous?.url === url;
    const envAuth = authFromEnv(ctx.io);
    if (!envAuth && sameRepo && previous.auth.kind !== 'none' && !previous.hasSecret) {
      throw new AppError('AUTH_FAILED', 'The stored credentials of this repository are missing: set DESIGNDESK_TOKEN (or DESIGNDESK_USERNAME and DESIGNDESK_PASSWORD) and run the command again.');
    }
    const identity = (await ctx.call('app:info', {})).identity;
    const view = await ctx.call('sync:setRemote', {
      url,
      branch: str(ctx.values, 'branch') ?? previous?.branch ?? 'main',
      authorName: identity.name,
      authorEmail: identity.email,
      auth: envAuth ?? (sameRepo ? keptAuth(previous) : { kind: 'none' }),
    });
    if (ctx.values.json) ctx.json(view);
    else ctx.out(`Team repository set: ${view.url} (branch ${view.branch}, ${describeAuth(view)}). Run "designdesk sync" to sync.`);
    return 0;
  },
};
