import { MAX_SEARCH_LIMIT } from '../../../shared/contract/search';
import { displayRef } from '../../../shared/kinds/kinds';
import { statusLabel } from '../../../shared/kinds/lifecycle';
import { UsageError, str, type Command } from '../context';
import { oneLine, plural } from '../output';
import { parseKind } from '../resolveRef';

/** `designdesk search QUERY`: the app's ranked full-text search. */
export const searchCommand: Command = {
  name: 'search',
  summary: 'full-text search (title, fields, body), best match first',
  usage: ['search QUERY... [--kind KIND] [--status STATUS] [--limit N] [--json]'],
  details: `Searches titles, structured fields and bodies of live documents; words match
as prefixes. A reference in the query ("RFC-12") puts that document first.

Options:
  --kind KIND       only this kind
  --status STATUS   only this status
  --limit N         at most N results (default 20, at most ${MAX_SEARCH_LIMIT})
  --json            print the results as JSON

Example:
  designdesk search rate limit --kind rfc`,
  options: { kind: { type: 'string' }, status: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
  args: { min: 1, max: 50 },
  workspace: true,
  async run(ctx) {
    const limitText = str(ctx.values, 'limit');
    const limit = limitText === undefined ? 20 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) throw new UsageError(`--limit is a whole number from 1 to ${MAX_SEARCH_LIMIT}.`);
    const kind = str(ctx.values, 'kind');
    const status = str(ctx.values, 'status');
    const hits = await ctx.call('search:query', {
      q: ctx.args.join(' '),
      limit,
      ...(kind !== undefined ? { kind: parseKind(kind) } : {}),
      ...(status !== undefined ? { status } : {}),
    });
    if (ctx.values.json) {
      ctx.json(hits);
      return 0;
    }
    if (hits.length === 0) {
      ctx.out('No documents match.');
      return 0;
    }
    for (const h of hits) {
      ctx.out(`${displayRef(h.kind, h.number).padEnd(8)} ${statusLabel(h.kind, h.status).padEnd(12)} ${oneLine(h.title, 80)}`);
      const snippet = oneLine(h.snippet.map((s) => (s.hit ? `[${s.text}]` : s.text)).join(''), 110);
      if (snippet) ctx.out(`         ${snippet}`);
    }
    ctx.out(`\n${plural(hits.length, 'result')}`);
    return 0;
  },
};
