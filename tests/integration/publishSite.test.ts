import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSite } from '../../src/main/publish/publishSite';
import { readRepoSite, readWorkspaceSite } from '../../src/main/publish/siteSources';
import { MANIFEST_FILE } from '../../src/main/publish/siteWriter';
import { createApp } from '../../src/main/app';
import { cliInProcess } from '../support/cliInProcess';
import { checkAtomFeed } from '../support/atomCheck';
import { BODY_WORD, seedPublishWorkspace } from '../support/publishFixture';

let dir: string;
const ws = (): string => path.join(dir, 'ws');

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-publish-'));
  await seedPublishWorkspace(ws());
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const read = (site: string, rel: string): string => fs.readFileSync(path.join(site, rel), 'utf8');

describe('publish: the static site of a workspace', () => {
  it('writes an index, one page per document, a feed, the search index and the assets', () => {
    const site = path.join(dir, 'site-a');
    const report = publishSite(readWorkspaceSite(ws()), site, { title: 'Team decisions' });
    expect(report.documents).toBe(5);
    for (const f of ['index.html', 'rfc-1.html', 'adr-1.html', 'adr-2.html', 'dm-1.html', 'pm-1.html', 'feed.xml', 'assets/site.css', 'assets/site.js', 'assets/search-index.js', 'assets/minisearch.js', 'assets/mermaid.min.js', MANIFEST_FILE]) {
      expect(fs.existsSync(path.join(site, f)), f).toBe(true);
    }
    const index = read(site, 'index.html');
    expect(index).toContain('data-kind="rfc"');
    expect(index).toContain('<option value="storage">storage</option>');
    expect(index).toContain('Timeline');
    expect(read(site, 'assets/search-index.js')).toMatch(/^window\.DD_SEARCH = /);
    expect(read(site, 'assets/search-index.js')).toContain(BODY_WORD);
  });

  it('renders each page as the app does: sanitized, references as links, diagrams, review state', () => {
    const site = path.join(dir, 'site-a');
    const rfc = read(site, 'rfc-1.html');
    expect(rfc).not.toContain('<script>window.pwned');
    expect(rfc).toContain('<a href="adr-2.html" class="ref-link"');
    expect(rfc).toContain('<pre class="mermaid">graph TD');
    expect(rfc).toContain('<script src="assets/mermaid.min.js"></script>');
    expect(rfc).toMatch(/Grace Hopper<\/td><td>Approved revision \d+/);
    expect(rfc).toContain('Retry storms');
    expect(rfc).toContain("Content-Security-Policy");

    const adr1 = read(site, 'adr-1.html');
    expect(adr1).toContain('Superseded by <a href="adr-2.html">ADR-2</a>');
    expect(adr1).toContain('<svg class="supersede-graph"');
    expect(adr1).toContain('Referred to by');
    const adr2 = read(site, 'adr-2.html');
    expect(adr2).toContain('<h3>Supersedes</h3>');

    const dm = read(site, 'dm-1.html');
    expect(dm).toContain('Throughput');
    expect(dm).toContain('Weighted score');
    expect(dm).toContain('Rank');
    const pm = read(site, 'pm-1.html');
    expect(pm).toContain('Error rate alert fired');
    expect(pm).toContain('Add a canary stage');
  });

  it('writes an Atom feed that validates', () => {
    const problems = checkAtomFeed(read(path.join(dir, 'site-a'), 'feed.xml'));
    expect(problems).toEqual([]);
  });

  it('republishing with nothing changed writes nothing; after one change only that page, the index, the feed and the search index', async () => {
    const site = path.join(dir, 'site-b');
    const first = publishSite(readWorkspaceSite(ws()), site);
    expect(first.rendered).toBe(5);
    const again = publishSite(readWorkspaceSite(ws()), site);
    expect(again.written).toEqual([]);
    expect(again.rendered).toBe(0);

    const mtimes = new Map(first.written.map((f) => [f, fs.statSync(path.join(site, f)).mtimeMs]));
    // A minute later: the feed gives times to the second, and the whole test takes less than one.
    const app = createApp({ workspaceDir: ws(), bridge: 'web', version: 'test', now: () => new Date(Date.now() + 60_000), fallbackIdentity: () => ({ name: 'Ada Lovelace', email: 'ada@example.com' }) });
    try {
      const pm = app.documents.list().find((d) => d.kind === 'postmortem')!;
      const got = app.documents.get(pm.id);
      app.documents.update({ id: pm.id, baseRevision: got.revision, body: `${got.body}\n\nA lesson learned about caches.\n` });
    } finally {
      app.close();
    }
    const third = publishSite(readWorkspaceSite(ws()), site);
    expect(third.rendered).toBe(1);
    // The index is rewritten only when what it shows changed (here: nothing it lists).
    expect(third.written).toEqual(expect.arrayContaining(['pm-1.html', 'assets/search-index.js', 'feed.xml']));
    expect(third.written.filter((f) => !['pm-1.html', 'assets/search-index.js', 'feed.xml', 'index.html'].includes(f))).toEqual([]);
    for (const [f, t] of mtimes) if (!third.written.includes(f)) expect(fs.statSync(path.join(site, f)).mtimeMs, f).toBe(t);
  });

  it('builds the same site from a checkout of the team repository, as CI does (designdesk publish --from-repo)', async () => {
    const cli = cliInProcess(dir);
    const repo = path.join(dir, 'repo');
    expect((await cli('export', repo)).code).toBe(0);
    const fromRepo = readRepoSite(repo);
    expect(fromRepo.skipped).toEqual([]);
    expect(fromRepo.documents.map((d) => d.ref).sort()).toEqual(['ADR-1', 'ADR-2', 'DM-1', 'PM-1', 'RFC-1']);

    const site = path.join(dir, 'site-repo');
    const run = await cli('publish', site, '--from-repo', repo, '--title', 'From CI', '--json');
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { documents: number; source: string };
    expect(report.documents).toBe(5);
    expect(read(site, 'index.html')).toContain('<h1>From CI</h1>');
    expect(read(site, 'adr-1.html')).toContain('Superseded by');
    expect(checkAtomFeed(read(site, 'feed.xml'))).toEqual([]);
  });

  it('finds designdesk.yml in the working folder by itself, and says plainly what is wrong', async () => {
    const repo = path.join(dir, 'repo');
    const cli = cliInProcess(repo);
    const run = await cli('publish', path.join(dir, 'site-auto'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`from ${repo}`);
    const bad = await cliInProcess(dir)('publish', path.join(dir, 'x'), '--from-repo', path.join(dir, 'nowhere'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('No folder at');
  });
});
