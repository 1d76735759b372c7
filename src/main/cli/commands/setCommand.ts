import { displayRef } from '../../../shared/kinds/kinds';
import { readBodyFile } from '../bodyFile';
import { UsageError, str, type Command } from '../context';
import { parseAssignment } from '../fieldValue';
import { resolveRef } from '../resolveRef';

/** `designdesk set REF key=value ...`: changes metadata fields (and the title, or the body from a file). */
export const setCommand: Command = {
  name: 'set',
  summary: 'change metadata fields of a document (key=value ...)',
  usage: ['set REF key=value... [--body-file FILE] [--json]'],
  details: `REF is a display reference (RFC-12, ADR-3, DM-1, PM-4) or a document id.
Each key=value sets one field of the document's kind; title=... sets the title.
Lists take "a, b" or "[a, b]"; numbers take digits or a reference (ADR-3);
an empty value clears the field. ADR keys may be written the MADR way
(decision-makers=...). The status is changed with "designdesk move".

Options:
  --body-file FILE   replace the body with the Markdown of FILE
  --json             print the updated document as JSON

Examples:
  designdesk set RFC-12 reviewers="Ada, Grace" author="Linus"
  designdesk set ADR-3 decision-makers="[Ada, Grace]" tags=storage,postgres
  designdesk set PM-4 severity=SEV-2 title="Checkout outage on 20 Nov"`,
  options: { 'body-file': { type: 'string' }, json: { type: 'boolean' } },
  args: { min: 1, max: 200 },
  workspace: true,
  async run(ctx) {
    const [ref, ...pairs] = ctx.args;
    const bodyFile = str(ctx.values, 'body-file');
    if (pairs.length === 0 && bodyFile === undefined) throw new UsageError('nothing to set: give key=value pairs or --body-file FILE.');
    const doc = await resolveRef(ctx, ref!);
    const fields = { ...doc.fields };
    let title: string | undefined;
    const changed: string[] = [];
    for (const p of pairs) {
      const a = parseAssignment(doc.kind, fields, p);
      if (a.key === 'title') title = String(a.value);
      else fields[a.key] = a.value;
      changed.push(a.key);
    }
    const body = bodyFile === undefined ? undefined : readBodyFile(ctx.resolvePath(bodyFile));
    if (body !== undefined) changed.push('body');
    const next = await ctx.call('docs:update', {
      id: doc.id,
      baseRevision: doc.revision,
      ...(title !== undefined ? { title } : {}),
      ...(body !== undefined ? { body } : {}),
      ...(pairs.some((p) => !p.startsWith('title=')) ? { fields } : {}),
    });
    if (ctx.values.json) ctx.json(next);
    else ctx.out(`Updated ${displayRef(next.kind, next.number)}: ${changed.join(', ')}.`);
    return 0;
  },
};
