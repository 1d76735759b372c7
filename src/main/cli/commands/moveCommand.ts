import { displayRef } from '../../../shared/kinds/kinds';
import { LIFECYCLES, statusLabel } from '../../../shared/kinds/lifecycle';
import { UsageError, str, type Command } from '../context';
import { resolveRef } from '../resolveRef';

/** `designdesk move REF STATUS`: a lifecycle move, refused with the app's own message when illegal. */
export const moveCommand: Command = {
  name: 'move',
  summary: 'move a document along its lifecycle (e.g. draft -> in-review)',
  usage: ['move REF STATUS [--by REF] [--json]'],
  details: `REF is a display reference (RFC-12, ADR-3, ...) or a document id. STATUS is a
status of the kind, written as a slug or a label ("in-review", "In Review").
An illegal move is refused with the same message as in the app.

Lifecycles:
${Object.entries(LIFECYCLES).map(([k, l]) => `  ${k.padEnd(10)} ${l.statuses.join(', ')}`).join('\n')}

Options:
  --by REF   for "move ADR-3 superseded": the ADR that supersedes it (both are linked)
  --json     print the moved document as JSON

Examples:
  designdesk move RFC-12 in-review
  designdesk move ADR-3 superseded --by ADR-7`,
  options: { by: { type: 'string' }, json: { type: 'boolean' } },
  args: { min: 2, max: 2 },
  workspace: true,
  async run(ctx) {
    const doc = await resolveRef(ctx, ctx.args[0]!);
    const typed = ctx.args[1]!.trim();
    const lc = LIFECYCLES[doc.kind];
    const to = lc.statuses.find((s) => s === typed.toLowerCase().replace(/[\s_]+/g, '-') || lc.labels[s]!.toLowerCase() === typed.toLowerCase()) ?? typed;
    const byRef = str(ctx.values, 'by');
    let moved;
    if (byRef !== undefined) {
      if (doc.kind !== 'adr' || to !== 'superseded') throw new UsageError('--by is only for "move ADR-N superseded --by ADR-M".');
      const by = await resolveRef(ctx, byRef);
      moved = (await ctx.call('adrs:supersede', { id: doc.id, byId: by.id })).old;
    } else {
      moved = await ctx.call('docs:move', { id: doc.id, to });
    }
    if (ctx.values.json) ctx.json(moved);
    else ctx.out(`${displayRef(moved.kind, moved.number)}: ${statusLabel(doc.kind, doc.status)} -> ${statusLabel(moved.kind, moved.status)}${byRef ? ` (by ${byRef.toUpperCase()})` : ''}`);
    return 0;
  },
};
