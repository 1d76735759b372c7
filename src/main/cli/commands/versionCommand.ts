import type { Command } from '../context';

/** `designdesk version` (also `designdesk --version`): the version of the installed package. */
export const versionCommand: Command = {
  name: 'version',
  summary: 'print the version of designdesk (also --version)',
  usage: ['version [--json]', '--version'],
  details: 'Prints the version of the installed package (package.json), one line; --json prints {"version": "..."}.',
  options: { json: { type: 'boolean' } },
  args: { min: 0, max: 0 },
  workspace: false,
  run(ctx) {
    const version = ctx.io.version ?? 'dev';
    if (ctx.values.json) ctx.json({ version });
    else ctx.out(version);
    return 0;
  },
};
