import { documentToMarkdown } from '../../../shared/format/documentMarkdown';
import { writeYaml } from '../../../shared/format/yamlText';
import { displayRef, KINDS } from '../../../shared/kinds/kinds';
import { statusLabel } from '../../../shared/kinds/lifecycle';
import type { Command } from '../context';
import { resolveRef } from '../resolveRef';

/** `designdesk show REF`: one document, as text, as its repo file (--markdown) or as JSON. */
export const showCommand: Command = {
  name: 'show',
  summary: 'print one document (metadata and body)',
  usage: ['show REF [--markdown | --json] [--history]'],
  details: `REF is a display reference (RFC-12, ADR-3, ...) or a document id.

Options:
  --markdown   print it as its file in a team repo (front matter + Markdown)
  --json       print the document as JSON
  --history    also print its history (who moved or changed it, when)

Example:
  designdesk show ADR-3 --markdown > adr-3.md`,
  options: { markdown: { type: 'boolean' }, json: { type: 'boolean' }, history: { type: 'boolean' } },
  args: { min: 1, max: 1 },
  workspace: true,
  async run(ctx) {
    const doc = await resolveRef(ctx, ctx.args[0]!);
    const history = ctx.values.history ? await ctx.call('docs:history', { id: doc.id }) : null;
    if (ctx.values.json) {
      ctx.json(history ? { ...doc, history } : doc);
      return 0;
    }
    if (ctx.values.markdown) ctx.io.stdout(documentToMarkdown(doc));
    else {
      ctx.out(`${displayRef(doc.kind, doc.number)}  ${doc.title}`);
      ctx.out(`${KINDS[doc.kind].label} · ${statusLabel(doc.kind, doc.status)} · id ${doc.id}`);
      ctx.out(`created ${doc.createdAt} · updated ${doc.updatedAt}`);
      const fields = Object.fromEntries(Object.entries(doc.fields).filter(([, v]) => !(Array.isArray(v) && v.length === 0) && v !== '' && v !== null));
      if (Object.keys(fields).length) ctx.out(`\n${writeYaml(fields).trimEnd()}`);
      ctx.out(`\n${doc.body.trimEnd()}`);
    }
    if (history) {
      ctx.out('\nHistory:');
      for (const h of history) ctx.out(`  ${h.at}  ${h.actor.name}  ${h.event}${h.from || h.to ? `  ${h.from ?? ''} -> ${h.to ?? ''}` : ''}`);
    }
    return 0;
  },
};
