import { describe, expect, it } from 'vitest';
import { sectionText, splitSections } from '../../src/shared/markdown/sections';
import { anchorFromSelection, locateAnchor } from '../../src/shared/reviews/anchors';
import { useSyncFixture } from '../support/syncWorkspace';

const f = useSyncFixture();

const BODY = [
  '## Summary',
  '',
  'We keep every design document in one place.',
  'Nothing about this is new.',
  'Embed SQLite in the app: it runs in process and needs no server at all.',
  'It is one file per workspace.',
  'Teams sync through a plain git remote they already have.',
  '',
  '## Motivation',
  '',
  'Reviews happen on planes and trains.',
  'The old wiki page on storage is out of date and misleading.',
  '',
].join('\n');

function select(body: string, heading: string, quote: string) {
  const text = sectionText(splitSections(body).find((s) => s.heading === heading)!);
  const at = text.indexOf(quote);
  return anchorFromSelection(heading, text, at, at + quote.length);
}

describe('comment highlights follow their passage through a sync merge', () => {
  it('a passage edited on both laptops (a typo fix here, lines around it there) is still found; one deleted is outdated with its quote', async () => {
    const ada = await f.laptop('Ada');
    const grace = await f.laptop('Grace');
    const rfc = await ada.call('docs:create', { kind: 'rfc', title: 'Store documents in SQLite' });
    await ada.call('docs:update', { id: rfc.id, baseRevision: 0, body: BODY });
    await ada.call('reviews:setReviewers', { docId: rfc.id, reviewers: [{ name: 'Grace', email: 'grace@example.com', required: true }] });
    await ada.call('sync:run', {});
    await grace.call('sync:run', {});

    // Grace comments on two passages.
    await grace.call('reviews:comment', { docId: rfc.id, text: 'What about backups?', anchor: select(BODY, 'Summary', 'runs in process and needs no server') });
    await grace.call('reviews:comment', { docId: rfc.id, text: 'Which wiki page?', anchor: select(BODY, 'Motivation', 'old wiki page on storage') });

    // Meanwhile Ada fixes the passage's wording and rewrites the wiki line; Grace edits the lines around the first passage.
    const adaDoc = await ada.call('docs:get', { id: rfc.id });
    await ada.call('docs:update', {
      id: rfc.id,
      baseRevision: adaDoc.revision,
      body: BODY.replace('runs in process and needs no server', 'runs in-process and needs no servers').replace('The old wiki page on storage is out of date and misleading.', 'Nothing else written down exists.'),
    });
    const graceDoc = await grace.call('docs:get', { id: rfc.id });
    await grace.call('docs:update', {
      id: rfc.id,
      baseRevision: graceDoc.revision,
      body: BODY.replace('We keep every design document in one place.', 'We keep every RFC, ADR and postmortem in one place.').replace('Teams sync through', 'Teams share them through'),
    });

    expect(await grace.call('sync:run', {})).toMatchObject({ conflicts: 0, errors: [] });
    expect(await ada.call('sync:run', {})).toMatchObject({ conflicts: 0, errors: [] });
    expect(await grace.call('sync:run', {})).toMatchObject({ conflicts: 0, errors: [] });

    for (const w of [ada, grace]) {
      const merged = (await w.call('docs:get', { id: rfc.id })).body;
      // The merge took both sides' edits.
      expect(merged).toContain('every RFC, ADR and postmortem');
      expect(merged).toContain('runs in-process and needs no servers');
      expect(merged).toContain('Teams share them through');

      const review = await w.call('reviews:get', { docId: rfc.id });
      const backups = review.threads.find((t) => t.text === 'What about backups?')!;
      expect(backups).toMatchObject({ location: 'found', section: 'Summary', onEarlierVersion: true });
      const loc = locateAnchor(merged, backups.anchor);
      expect(loc).toMatchObject({ state: 'found', edited: true });
      if (loc.state === 'found') expect(merged.slice(loc.start, loc.end)).toBe('runs in-process and needs no servers');

      const wiki = review.threads.find((t) => t.text === 'Which wiki page?')!;
      expect(wiki).toMatchObject({ location: 'outdated', section: 'Motivation' });
      expect(wiki.anchor.quote).toBe('old wiki page on storage');
    }
  });
});
