import { describe, expect, it } from 'vitest';
import { lintRepo } from '../../src/main/importExport/lint';
import { parseDocument } from '../../src/shared/format/parseDocument';
import { cloneTeammate, remoteShow, useSyncFixture } from '../support/syncWorkspace';

// Repository health (issue 16 item 2): the lint checks on a workspace after a
// teammate pushed problems through a real git http-backend, and the fixes.

const f = useSyncFixture();

function adr(title: string, front: string, body = `${title} text.\n`): string {
  return `---\n${front}author: Tess\n---\n\n# ${title}\n\n${body}`;
}


describe('repository health after a sync', () => {
  it('lists what a teammate pushed and the review file a deletion left, counts them as new until seen, and fixes a one-sided supersede through the document services and the next sync', async () => {
    const ada = await f.laptop('Ada');
    const mysql = await ada.call('docs:create', { kind: 'adr', title: 'Use MySQL' });
    await ada.call('docs:move', { id: mysql.id, to: 'accepted' });
    // An RFC with a reviewer, synced, then deleted: its document file leaves the repository, its review file stays.
    const doomed = await ada.call('docs:create', { kind: 'rfc', title: 'Doomed' });
    await ada.call('reviews:setReviewers', { docId: doomed.id, reviewers: [{ name: 'Grace Hopper', email: 'grace@example.test', required: true }] });
    await ada.call('sync:run', {});
    expect(await ada.call('health:check', {})).toEqual({ findings: [], newCount: 0 });
    await ada.call('docs:delete', { id: doomed.id });
    await ada.call('sync:run', {});

    const tess = await cloneTeammate(f.url);
    tess.write('adrs/0002-use-postgres.md', adr('Use Postgres', 'ref: ADR-2\nstatus: accepted\nsupersedes: [1]\n', 'Replaces ADR-1. Measured in RFC-99.\n'));
    tess.write('adrs/0003-too-long.md', adr('T'.repeat(201), 'ref: ADR-3\nstatus: proposed\n'));
    await tess.pushAll('Tess: Postgres supersedes MySQL');
    await ada.call('sync:run', {});

    const report = await ada.call('health:check', {});
    const postgres = (await ada.call('docs:list', { kind: 'adr' })).find((d) => d.number === 2)!;
    const rows = report.findings.map((x) => ({ check: x.check, where: x.label ?? x.path, fix: x.fix, isNew: x.isNew }));
    expect(rows).toEqual(
      expect.arrayContaining([
        { check: 'broken-reference', where: 'ADR-2 Use Postgres', fix: null, isNew: true },
        { check: 'one-sided-supersede', where: 'ADR-2 Use Postgres', fix: 'Mark ADR-1 superseded by ADR-2', isNew: true },
        { check: 'unreadable-file', where: 'adrs/0003-too-long.md', fix: null, isNew: true },
      ]),
    );
    expect(report.findings.find((x) => x.check === 'orphan-review')?.path).toBe(`reviews/${doomed.id}.yml`);
    expect(report.findings.find((x) => x.check === 'broken-reference')!.reason).toBe('broken reference RFC-99: no such document in the repo');
    expect(report.findings.every((x) => x.docId === null || x.docId === postgres.id)).toBe(true);
    expect(report.newCount).toBe(report.findings.length);

    // Seen in the Health view: nothing is new any more, the findings stay.
    const seen = await ada.call('health:seen', {});
    expect(seen.newCount).toBe(0);
    expect(seen.findings).toHaveLength(report.findings.length);

    // A finding without an obvious fix is refused as such.
    const broken = report.findings.find((x) => x.check === 'broken-reference')!;
    expect((await ada.refusal('health:fix', { key: broken.key })).code).toBe('VALIDATION');

    const oneSided = report.findings.find((x) => x.check === 'one-sided-supersede')!;
    const after = await ada.call('health:fix', { key: oneSided.key });
    expect(after.findings.map((x) => x.check)).not.toContain('one-sided-supersede');
    expect(after.newCount).toBe(0);
    const fixed = await ada.call('docs:get', { id: mysql.id });
    expect(fixed.fields.supersededBy).toBe(2);
    expect(fixed.revision).toBeGreaterThan(mysql.revision);
    expect((await ada.refusal('health:fix', { key: oneSided.key })).code).toBe('NOT_FOUND');

    // The fix travels like any edit: the next sync pushes it, and lint of the team repo agrees.
    expect((await ada.call('sync:status', {})).localChanges).toBe(1);
    expect(await ada.call('sync:run', {})).toMatchObject({ out: 1, conflicts: 0 });
    const pushed = parseDocument('adrs/0001-use-mysql.md', remoteShow(f.repo, 'adrs/0001-use-mysql.md'));
    expect(pushed.ok && pushed.doc.fields.supersededBy).toBe(2);
    await tess.pull();
    const lint = lintRepo(tess.dir).map((x) => x.reason);
    expect(lint.filter((r) => r.startsWith('one-sided supersede'))).toEqual([]);
    expect(lint).toContain('broken reference RFC-99: no such document in the repo');
    expect(lint).toContain(`points at a missing document ${doomed.id} (no document file has this id)`);
  });

  it('a duplicate number pushed by a teammate is renumbered by the sync, so the workspace holds none and lint of the team repo agrees', async () => {
    const ada = await f.laptop('Ada');
    await ada.call('docs:create', { kind: 'adr', title: 'Use MySQL' });
    await ada.call('sync:run', {});
    const tess = await cloneTeammate(f.url);
    tess.write('adrs/0001-use-sqlite.md', adr('Use SQLite', 'ref: ADR-1\nstatus: proposed\n'));
    await tess.pushAll('Tess: another ADR-1');
    expect(lintRepo(tess.dir).map((x) => x.reason)).toEqual(expect.arrayContaining([expect.stringMatching(/^duplicate number ADR-1 /)]));

    await ada.call('sync:run', {});
    expect((await ada.call('docs:list', { kind: 'adr' })).map((d) => `${d.number} ${d.title}`).sort()).toEqual(['1 Use MySQL', '2 Use SQLite']);
    expect((await ada.call('health:check', {})).findings.filter((x) => x.check === 'duplicate-number')).toEqual([]);
    await tess.pull();
    expect(lintRepo(tess.dir).filter((x) => x.reason.startsWith('duplicate number'))).toEqual([]);
  });
});
