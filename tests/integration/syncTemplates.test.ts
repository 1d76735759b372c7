import { describe, expect, it } from 'vitest';
import { templateOf } from '../../src/shared/kinds/teamTemplates';
import { sectionHint } from '../../src/shared/kinds/templates';
import { cloneTeammate, remoteShow, useSyncFixture } from '../support/syncWorkspace';

const f = useSyncFixture();

const LIGHTWEIGHT = `---
kind: rfc
title: Lightweight RFC
description: For a change one team ships in a sprint.
---

## Summary

What you propose, in one paragraph.

## Design

How it works, enough for a reviewer.

## Rollout

Flags and how to roll back.
`;

describe('the team’s own templates travel with the team repository', () => {
  it('a teammate commits templates/rfc-lightweight.md: the app syncs, offers it, creates an RFC with its sections, and the RFC keeps working when the template changes or goes', async () => {
    const ada = await f.laptop('Ada');
    await ada.call('sync:run', {});
    // A new repository names its templates folder in designdesk.yml.
    expect(remoteShow(f.repo, 'designdesk.yml')).toContain('\ntemplates:\n  folder: templates\n');

    // A teammate with the git CLI: an older repository without the key gets it, and the templates, one bad.
    const tess = await cloneTeammate(f.url);
    tess.write('designdesk.yml', tess.read('designdesk.yml').replace(/\n# The team's own templates[\s\S]*$/, '\n'));
    await tess.pushAll('No templates key yet');
    tess.write('templates/rfc-lightweight.md', LIGHTWEIGHT);
    tess.write('templates/README.md', '# Our templates\n\nNot a template: a note for people browsing.\n');
    tess.write('templates/memo.md', '---\nkind: memo\ntitle: Memo\n---\n## Body\n');
    await tess.pushAll('Lightweight RFC template (the folder not named yet)');
    // Without the key the folder is not read.
    expect(await ada.call('sync:run', {})).toMatchObject({ in: 0, errors: [] });
    expect(await ada.call('docs:templates', {})).toEqual([]);

    tess.write('designdesk.yml', `${tess.read('designdesk.yml')}templates:\n  folder: templates\n`);
    await tess.pushAll('Name the templates folder');
    const pulled = await ada.call('sync:run', {});
    expect(pulled.changes).toEqual([{ direction: 'in', action: 'added', ref: 'templates/rfc-lightweight.md', title: 'RFC template “Lightweight RFC”', path: 'templates/rfc-lightweight.md' }]);
    expect(pulled.errors).toEqual([{ path: 'templates/memo.md', reason: 'unknown kind "memo": a template is for rfc, adr, matrix, postmortem' }]);
    const templates = await ada.call('docs:templates', {});
    expect(templates.map((t) => [t.name, t.kind, t.title, t.sections.map((s) => s.heading)])).toEqual([['rfc-lightweight', 'rfc', 'Lightweight RFC', ['Summary', 'Design', 'Rollout']]]);

    // documents:create with that template gives its sections, and remembers the template in the file.
    const rfc = await ada.call('docs:create', { kind: 'rfc', title: 'Rate limits', template: 'rfc-lightweight' });
    expect(rfc.body).toBe('## Summary\n\n## Design\n\n## Rollout\n\n');
    expect(rfc.fields.template).toBe('rfc-lightweight');
    // Without a template: the playbook's, as before.
    expect((await ada.call('docs:create', { kind: 'rfc', title: 'Plain' })).body).toMatch(/^## Summary\n\n## Motivation\n\n## Detailed Design\n/);
    const unknown = await ada.refusal('docs:create', { kind: 'rfc', template: 'rfc-heavy' });
    expect([unknown.code, unknown.message]).toEqual(['VALIDATION', 'There is no RFC template named "rfc-heavy". The team\'s RFC templates: rfc-lightweight.']);
    const wrongKind = await ada.refusal('docs:create', { kind: 'adr', template: 'rfc-lightweight' });
    expect(wrongKind.message).toMatch(/^There is no ADR template named "rfc-lightweight"\. The team repository has no ADR templates/);
    const typed = await ada.call('docs:update', { id: rfc.id, baseRevision: rfc.revision, body: '## Summary\n\nLimit each token to 100 requests a minute.\n\n## Design\n\n## Rollout\n\n' });
    await ada.call('sync:run', {});
    expect(remoteShow(f.repo, 'rfcs/0001-rate-limits.md')).toContain('\ntemplate: rfc-lightweight\n');

    // A second laptop gets the template and the RFC; the RFC's hints come from it.
    const grace = await f.laptop('Grace');
    await grace.call('sync:run', {});
    const graceTemplates = await grace.call('docs:templates', {});
    expect(graceTemplates).toEqual(templates);
    const there = await grace.call('docs:get', { id: rfc.id });
    expect(sectionHint('rfc', 'Design', templateOf(there, graceTemplates))).toBe('How it works, enough for a reviewer.');

    // The team renames a section and breaks nothing: the old heading shows no hint, the document is as written.
    await tess.pull();
    tess.write('templates/rfc-lightweight.md', LIGHTWEIGHT.replace('## Design\n\nHow it works, enough for a reviewer.', '## Approach\n\nThe approach, briefly.'));
    await tess.pushAll('Design is now Approach');
    const changed = await ada.call('sync:run', {});
    expect(changed.changes).toEqual([expect.objectContaining({ action: 'updated', ref: 'templates/rfc-lightweight.md' })]);
    const after = await ada.call('docs:get', { id: rfc.id });
    expect(after.body).toBe(typed.body);
    const now = await ada.call('docs:templates', {});
    expect(sectionHint('rfc', 'Design', templateOf(after, now))).toBeUndefined();
    expect(sectionHint('rfc', 'Summary', templateOf(after, now))).toBe('What you propose, in one paragraph.');
    expect((await ada.call('docs:update', { id: rfc.id, baseRevision: after.revision, body: `${after.body}More.\n` })).body).toContain('More.');

    // A broken edit of the template keeps the last good copy here and names the file.
    tess.write('templates/rfc-lightweight.md', '---\nkind: rfc\ntitle: [\n---\n## Summary\n');
    await tess.pushAll('Oops');
    const broken = await ada.call('sync:run', {});
    expect(broken.errors).toEqual(expect.arrayContaining([{ path: 'templates/rfc-lightweight.md', reason: 'the front matter is not valid YAML (line 3)' }]));
    expect(await ada.call('docs:templates', {})).toEqual(now);

    // The template removed: the RFC falls back to the playbook's hints and still saves.
    tess.remove('templates/rfc-lightweight.md');
    await tess.pushAll('No more lightweight RFCs');
    expect((await ada.call('sync:run', {})).changes).toEqual([expect.objectContaining({ action: 'deleted', ref: 'templates/rfc-lightweight.md' })]);
    expect(await ada.call('docs:templates', {})).toEqual([]);
    const last = await ada.call('docs:get', { id: rfc.id });
    expect(templateOf(last, [])).toBeNull();
    expect(sectionHint('rfc', 'Summary', templateOf(last, []))).toMatch(/One paragraph/);
    expect((await ada.call('docs:update', { id: rfc.id, baseRevision: last.revision, title: 'Rate limits per token' })).fields.template).toBe('rfc-lightweight');
  });

  it('templates/rfc.md replaces the playbook’s RFC template for every new RFC', async () => {
    const ada = await f.laptop('Ada');
    await ada.call('sync:run', {});
    const tess = await cloneTeammate(f.url);
    tess.write('templates/rfc.md', '# Our RFC\n\n## Problem\n\nThe problem first.\n\n## Proposal\n\n### Risks\n');
    await tess.pushAll('Our RFC template');
    await ada.call('sync:run', {});
    const rfc = await ada.call('docs:create', { kind: 'rfc', title: 'Queues' });
    expect(rfc.body).toBe('## Problem\n\n## Proposal\n\n### Risks\n\n');
    expect(rfc.fields.template).toBeUndefined();
    expect(sectionHint('rfc', 'Problem', templateOf(rfc, await ada.call('docs:templates', {})))).toBe('The problem first.');
    // Other kinds keep the playbook's.
    expect((await ada.call('docs:create', { kind: 'adr', title: 'Use Postgres' })).body).toMatch(/^## Context and Problem Statement\n/);
  });

  it('a designdesk.yml naming another folder is reported, and the templates here are kept', async () => {
    const ada = await f.laptop('Ada');
    await ada.call('sync:run', {});
    const tess = await cloneTeammate(f.url);
    tess.write('designdesk.yml', tess.read('designdesk.yml').replace('  folder: templates\n', '  folder: ../etc\n'));
    await tess.pushAll('Elsewhere');
    expect((await ada.call('sync:run', {})).errors).toEqual([{ path: 'designdesk.yml', reason: 'templates.folder: this version reads the folder "templates" (templates: {folder: templates})' }]);
  });
});
