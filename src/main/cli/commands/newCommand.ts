import { displayRef } from '../../../shared/kinds/kinds';
import { statusLabel } from '../../../shared/kinds/lifecycle';
import { UsageError, str, type Command } from '../context';
import { parseKind } from '../resolveRef';
import { readBodyFile } from '../bodyFile';

/** `designdesk new KIND --title T [--template NAME] [--body-file F]`: creates a document from a template. */
export const newCommand: Command = {
  name: 'new',
  summary: 'create a document (rfc, adr, matrix, postmortem) and print its id and number',
  usage: ['new KIND --title TITLE [--template NAME] [--body-file FILE] [--json]'],
  details: `Creates a document of KIND (rfc, adr, matrix or dm, postmortem or pm) with the
next free number, from the kind's template: the team's (templates/rfc.md in the
team repository, taken in by a sync) or else the playbook's. --template names
another team template of the kind (templates/rfc-lightweight.md is
"rfc-lightweight"). With --body-file the file's text (Markdown) replaces the
template.

Options:
  --title TITLE      the title (required)
  --template NAME    a team template of the kind, by name
  --body-file FILE   Markdown for the body
  --json             print the new document as JSON

Example:
  designdesk new rfc --title "Rate limiting for the public API" --body-file draft.md
  designdesk new rfc --title "Retry budget" --template rfc-lightweight`,
  options: { title: { type: 'string' }, template: { type: 'string' }, 'body-file': { type: 'string' }, json: { type: 'boolean' } },
  args: { min: 1, max: 1 },
  workspace: true,
  async run(ctx) {
    const kind = parseKind(ctx.args[0]!);
    const title = str(ctx.values, 'title');
    if (title === undefined || !title.trim()) throw new UsageError('give the title with --title "..."');
    const bodyFile = str(ctx.values, 'body-file');
    const body = bodyFile === undefined ? undefined : readBodyFile(ctx.resolvePath(bodyFile));
    const template = str(ctx.values, 'template');
    let doc = await ctx.call('docs:create', { kind, title, ...(template === undefined ? {} : { template }) });
    if (body !== undefined) doc = await ctx.call('docs:update', { id: doc.id, baseRevision: doc.revision, body });
    const ref = displayRef(doc.kind, doc.number);
    if (ctx.values.json) ctx.json({ id: doc.id, number: doc.number, ref, kind: doc.kind, title: doc.title, status: doc.status });
    else {
      ctx.out(`Created ${ref}: ${doc.title}`);
      ctx.out(`  id:     ${doc.id}`);
      ctx.out(`  number: ${doc.number}`);
      if (template !== undefined) ctx.out(`  template: ${template}`);
      ctx.out(`  status: ${statusLabel(doc.kind, doc.status)}`);
    }
    return 0;
  },
};
