import { lintRepo } from '../../importExport/lint';
import type { Command } from '../context';
import { plural } from '../output';

/** `designdesk lint [REPO]`: checks a team repo; one line per finding, exit 1 when there is any. */
export const lintCommand: Command = {
  name: 'lint',
  summary: 'check a team repo: schema, numbers, references, supersede links, reviews',
  usage: ['lint [REPO] [--json]'],
  details: `Checks a team repository in the DesignDesk format (default: the current folder):
  - designdesk.yml is there and is YAML
  - every document file parses (front matter, title, fields of its kind)
  - statuses belong to the kind's lifecycle; numbers and ids are unique
  - references such as RFC-12 or ADR-3 in a body point at a document
  - supersede links are kept on both sides and point at documents
  - review files (reviews/<id>.yml) belong to a document
Prints one line per finding, "path: reason", and exits 1 when there is any
(0 when the repo is clean). Needs no workspace: run it in CI.

Options:
  --json   print the findings as JSON

Example:
  designdesk lint ../team-decisions`,
  options: { json: { type: 'boolean' } },
  args: { min: 0, max: 1 },
  workspace: false,
  run(ctx) {
    const repo = ctx.resolvePath(ctx.args[0] ?? '.');
    const findings = lintRepo(repo);
    if (ctx.values.json) ctx.json({ repo, findings });
    else {
      for (const f of findings) ctx.out(`${f.path}: ${f.reason}`);
      ctx.err(findings.length ? `${plural(findings.length, 'finding')} in ${repo}.` : `${repo}: no findings.`);
    }
    return findings.length ? 1 : 0;
  },
};
