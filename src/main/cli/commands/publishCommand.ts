import path from 'node:path';
import { publishSite, type PublishReport } from '../../publish/publishSite';
import { isTeamRepo, readRepoSite, readWorkspaceSite } from '../../publish/siteSources';
import { UsageError, str, workspaceOf, type Command } from '../context';
import { plural } from '../output';

/** `designdesk publish DIR`: the static site of a workspace or of a checkout of the team repository. */
export const publishCommand: Command = {
  name: 'publish',
  summary: 'build a static site of the documents (search, filters, timeline, Atom feed)',
  usage: ['publish DIR [--from-repo PATH] [--title TEXT] [--base-url URL] [--json]'],
  details: `Builds a self-contained static site in DIR, creating it if needed: index.html
(every document with search, filters by kind, status, author and tag, and a
timeline), one page per document (rendered Markdown, diagrams, matrices,
postmortem timelines and action items, review state, supersede links and
backlinks), feed.xml (an Atom feed of new and changed documents) and assets/.
The site asks nothing of any other host and opens from file:// as well as from
any static host (GitHub Pages, GitLab Pages, a bucket).

Where the documents come from:
  --from-repo PATH  a checkout of the team repository (no workspace needed: run it in CI)
  (default)         the current folder when it holds designdesk.yml, else the workspace

Republishing into the same DIR rewrites only what changed (DIR/.designdesk-site.json
keeps the hashes); files the site did not write are never touched.

Options:
  --title TEXT      the site's title (default "Design documents")
  --base-url URL    the address the site is served from, for absolute links in the feed
  --json            print the report as JSON

Examples:
  designdesk publish site
  designdesk publish public --from-repo . --title "Team decisions" --base-url https://team.example/decisions/`,
  options: { 'from-repo': { type: 'string' }, title: { type: 'string' }, 'base-url': { type: 'string' }, json: { type: 'boolean' } },
  args: { min: 1, max: 1 },
  workspace: true,
  run(ctx) {
    const dir = ctx.resolvePath(ctx.args[0]!);
    const fromRepo = str(ctx.values, 'from-repo');
    const workspace = str(ctx.values, 'workspace');
    if (fromRepo !== undefined && workspace !== undefined) throw new UsageError('give --from-repo or --workspace, not both.');
    const baseUrl = str(ctx.values, 'base-url') ?? '';
    if (baseUrl && !/^https?:\/\/[^\s"<>]+$/i.test(baseUrl)) throw new UsageError('--base-url is an http(s) address, e.g. https://team.example/decisions/.');
    const repo = fromRepo !== undefined ? ctx.resolvePath(fromRepo) : workspace === undefined && isTeamRepo(ctx.io.cwd) ? ctx.io.cwd : null;
    const source = repo !== null ? readRepoSite(repo) : readWorkspaceSite(workspaceOf(ctx.io, workspace));
    const title = str(ctx.values, 'title');
    const report = publishSite(source, dir, { ...(title !== undefined ? { title } : {}), baseUrl });
    if (ctx.values.json) ctx.json({ source: source.origin, ...report });
    else printReport(ctx.out, source.origin, report);
    for (const s of report.skipped) ctx.err(`designdesk publish: left out ${s.path}: ${s.reason}`);
    return 0;
  },
};

function printReport(out: (line: string) => void, origin: string, r: PublishReport): void {
  out(`Published ${plural(r.documents, 'document')} from ${origin} to ${r.dir}`);
  out(`${r.written.length} file(s) written, ${r.unchanged.length} unchanged, ${r.removed.length} removed; ${r.rendered} page(s) rendered.`);
  out(`Open ${path.join(r.dir, 'index.html')}`);
}
