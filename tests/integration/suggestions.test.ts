import { describe, expect, it } from 'vitest';
import { ReviewStore } from '../../src/main/store/reviewStore';
import { sectionText, splitSections } from '../../src/shared/markdown/sections';
import { anchorFromSelection } from '../../src/shared/reviews/anchors';
import { parseReviewFile } from '../../src/shared/reviews/reviewFile';
import { remoteShow, useSyncFixture, type Workspace } from '../support/syncWorkspace';

const f = useSyncFixture();

const BODY = '## Summary\n\nWe store documents in SQLite. It needs no server.\n\n## Motivation\n\nTeams work offline on planes and trains.\n';

function select(body: string, heading: string, quote: string) {
  const text = sectionText(splitSections(body).find((s) => s.heading === heading)!);
  const at = text.indexOf(quote);
  return anchorFromSelection(heading, text, at, at + quote.length);
}

async function rfcBy(ada: Workspace): Promise<string> {
  const rfc = await ada.call('docs:create', { kind: 'rfc', title: 'Store documents in SQLite' });
  await ada.call('docs:update', { id: rfc.id, baseRevision: 0, body: BODY });
  await ada.call('reviews:setReviewers', { docId: rfc.id, reviewers: [{ name: 'Grace', email: 'grace@example.com', required: true }, { name: 'Linus', email: 'linus@example.com', required: false }] });
  return rfc.id;
}

describe('suggested changes', () => {
  it('a reviewer suggests, the author accepts (the text changes, the history credits the reviewer) or declines; only the author answers', async () => {
    const ada = await f.laptop('Ada');
    const id = await rfcBy(ada);
    // Same workspace, the reviewer at the keyboard.
    await ada.call('identity:set', { name: 'Grace', email: 'grace@example.com' });
    const first = await ada.call('reviews:suggest', { docId: id, anchor: select(BODY, 'Summary', 'needs no server'), replacement: 'needs no server, and is backed up nightly', note: 'Backups matter.' });
    const second = await ada.call('reviews:suggest', { docId: id, anchor: select(BODY, 'Motivation', 'on planes and trains'), replacement: 'anywhere' });
    expect(second.suggestions.map((s) => [s.by.name, s.state, s.location, s.section])).toEqual([
      ['Grace', 'open', 'found', 'Summary'],
      ['Grace', 'open', 'found', 'Motivation'],
    ]);
    const [s1, s2] = second.suggestions;
    expect(first.suggestions).toHaveLength(1);
    // A passage that is not in the text, or no change at all, is refused.
    expect((await ada.refusal('reviews:suggest', { docId: id, anchor: { section: 'Summary', quote: 'Postgres', prefix: '', suffix: '' }, replacement: 'x' })).code).toBe('CONFLICT');
    expect((await ada.refusal('reviews:suggest', { docId: id, anchor: select(BODY, 'Summary', 'SQLite'), replacement: 'SQLite' })).code).toBe('VALIDATION');
    // The reviewer cannot accept her own suggestion on Ada's document.
    expect((await ada.refusal('reviews:decideSuggestion', { docId: id, suggestionId: s1!.id, accept: true })).code).toBe('FORBIDDEN');

    await ada.call('identity:set', { name: 'Ada', email: 'ada@example.com' });
    const before = await ada.call('docs:get', { id });
    const accepted = await ada.call('reviews:decideSuggestion', { docId: id, suggestionId: s1!.id, accept: true });
    expect(accepted.document.revision).toBe(before.revision + 1);
    expect(accepted.document.body).toBe(BODY.replace('needs no server', 'needs no server, and is backed up nightly'));
    const declined = await ada.call('reviews:decideSuggestion', { docId: id, suggestionId: s2!.id, accept: false });
    expect(declined.document.body).toBe(accepted.document.body);
    expect(declined.suggestions.map((s) => [s.state, s.decidedBy?.name])).toEqual([
      ['accepted', 'Ada'],
      ['declined', 'Ada'],
    ]);
    expect((await ada.refusal('reviews:decideSuggestion', { docId: id, suggestionId: s2!.id, accept: true })).code).toBe('CONFLICT');

    const history = await ada.call('docs:history', { id });
    expect(history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ event: 'suggestion', actor: expect.objectContaining({ name: 'Grace' }), data: expect.objectContaining({ quote: 'needs no server' }) }),
        expect.objectContaining({ event: 'suggestion-accepted', actor: expect.objectContaining({ name: 'Ada' }), data: expect.objectContaining({ by: 'Grace', replacement: 'needs no server, and is backed up nightly' }) }),
        expect.objectContaining({ event: 'suggestion-declined', data: expect.objectContaining({ by: 'Grace', quote: 'on planes and trains' }) }),
      ]),
    );
  });

  it('suggestions from two reviewers on two laptops at once, and the author’s answers, merge as sets by id through the repository', async () => {
    const ada = await f.laptop('Ada');
    const grace = await f.laptop('Grace');
    const linus = await f.laptop('Linus');
    const id = await rfcBy(ada);
    await ada.call('sync:run', {});
    await grace.call('sync:run', {});
    await linus.call('sync:run', {});

    // Offline, both suggest a change to the same passage.
    await grace.call('reviews:suggest', { docId: id, anchor: select(BODY, 'Summary', 'needs no server'), replacement: 'runs in process' });
    await linus.call('reviews:suggest', { docId: id, anchor: select(BODY, 'Summary', 'needs no server'), replacement: 'needs no database server' });
    expect(await grace.call('sync:run', {})).toMatchObject({ conflicts: 0, errors: [] });
    expect(await linus.call('sync:run', {})).toMatchObject({ conflicts: 0, errors: [] });
    expect(await ada.call('sync:run', {})).toMatchObject({ conflicts: 0, errors: [] });

    const seen = (await ada.call('reviews:suggestions', { docId: id })).suggestions;
    expect(seen.map((s) => [s.by.name, s.replacement]).sort()).toEqual([
      ['Grace', 'runs in process'],
      ['Linus', 'needs no database server'],
    ]);
    expect(await ada.call('docs:history', { id })).toEqual(expect.arrayContaining([expect.objectContaining({ event: 'suggestion', data: expect.objectContaining({ source: 'sync', by: 'Linus' }) })]));

    // Ada takes Linus's and declines Grace's; her answers and the edit travel back.
    const linusS = seen.find((s) => s.by.name === 'Linus')!;
    const graceS = seen.find((s) => s.by.name === 'Grace')!;
    await ada.call('reviews:decideSuggestion', { docId: id, suggestionId: linusS.id, accept: true });
    await ada.call('reviews:decideSuggestion', { docId: id, suggestionId: graceS.id, accept: false });
    expect(await ada.call('sync:run', {})).toMatchObject({ conflicts: 0, errors: [] });
    for (const w of [grace, linus]) {
      expect(await w.call('sync:run', {})).toMatchObject({ conflicts: 0, errors: [] });
      expect((await w.call('docs:get', { id })).body).toContain('It needs no database server.');
      const states = (await w.call('reviews:suggestions', { docId: id })).suggestions.map((s) => [s.by.name, s.state]).sort();
      expect(states).toEqual([
        ['Grace', 'declined'],
        ['Linus', 'accepted'],
      ]);
      expect(new ReviewStore(w.app.db).list(id)).toEqual(new ReviewStore(ada.app.db).list(id));
    }
    const file = remoteShow(f.repo, `reviews/${id}.yml`);
    expect(file).toContain('type: suggestion\n');
    expect(file).toContain('type: suggestion-outcome\n');
    const parsed = parseReviewFile(file);
    expect(parsed.ok && parsed.records.filter((r) => r.type.startsWith('suggestion')).length).toBe(4);
  });
});
