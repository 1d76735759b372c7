import { LIBRARY_SORTS, type LibrarySort } from '../../../shared/search/librarySort';
import { UsageError, str, type Command } from '../context';
import { documentTable, plural } from '../output';
import { parseKind } from '../resolveRef';

/** `designdesk list`: the library, filtered and sorted as in the app. */
export const listCommand: Command = {
  name: 'list',
  summary: 'list documents (filter by kind, status, author)',
  usage: ['list [--kind KIND] [--status STATUS] [--author NAME] [--sort number|title|updated] [--json]'],
  details: `Lists the live documents of the workspace (not the trash), latest update first.

Options:
  --kind KIND       rfc, adr, matrix (dm) or postmortem (pm)
  --status STATUS   a status slug, e.g. in-review
  --author NAME     documents by this author
  --sort ORDER      number, title or updated (default)
  --json            print the list as JSON

Example:
  designdesk list --kind rfc --status in-review`,
  options: { kind: { type: 'string' }, status: { type: 'string' }, author: { type: 'string' }, sort: { type: 'string' }, json: { type: 'boolean' } },
  args: { min: 0, max: 0 },
  workspace: true,
  async run(ctx) {
    const kind = str(ctx.values, 'kind');
    const sort = str(ctx.values, 'sort');
    if (sort !== undefined && !(LIBRARY_SORTS as readonly string[]).includes(sort)) throw new UsageError(`--sort is one of ${LIBRARY_SORTS.join(', ')}.`);
    const status = str(ctx.values, 'status');
    const author = str(ctx.values, 'author');
    const docs = await ctx.call('docs:list', {
      ...(kind !== undefined ? { kind: parseKind(kind) } : {}),
      ...(status !== undefined ? { status } : {}),
      ...(author !== undefined ? { author } : {}),
      ...(sort !== undefined ? { sort: sort as LibrarySort } : {}),
    });
    if (ctx.values.json) ctx.json(docs);
    else if (docs.length === 0) ctx.out('No documents match.');
    else {
      ctx.out(documentTable(docs));
      ctx.out(`\n${plural(docs.length, 'document')}`);
    }
    return 0;
  },
};
