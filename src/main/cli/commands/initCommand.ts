import { UsageError, str, type Command } from '../context';
import { plural } from '../output';

/** `designdesk init`: creates (or opens) the workspace and optionally sets who you are. */
export const initCommand: Command = {
  name: 'init',
  summary: 'create the workspace (or check it) and set who you are',
  usage: ['init [--name NAME --email EMAIL] [--json]'],
  details: `Creates the workspace database if it does not exist yet; running it again is harmless.
Your name and email sign history entries, reviews and commits; without them
DesignDesk uses git config user.name / user.email.

Options:
  --name NAME      your name
  --email EMAIL    your email
  --json           print the workspace, identity and document count as JSON

Example:
  designdesk init --workspace ./team-ws --name "Ada Lovelace" --email ada@example.com`,
  options: { name: { type: 'string' }, email: { type: 'string' }, json: { type: 'boolean' } },
  args: { min: 0, max: 0 },
  workspace: true,
  async run(ctx) {
    const name = str(ctx.values, 'name');
    const email = str(ctx.values, 'email');
    if ((name === undefined) !== (email === undefined)) throw new UsageError('give both --name and --email, or neither.');
    if (name !== undefined && email !== undefined) await ctx.call('identity:set', { name, email });
    const info = await ctx.call('app:info', {});
    const count = (await ctx.call('docs:list', {})).length;
    if (ctx.values.json) ctx.json({ workspace: info.workspace, identity: info.identity, documents: count });
    else {
      ctx.out(`Workspace ready: ${info.workspace} (${plural(count, 'document')}).`);
      ctx.out(`You are ${info.identity.name}${info.identity.email ? ` <${info.identity.email}>` : ''}.`);
    }
    return 0;
  },
};
