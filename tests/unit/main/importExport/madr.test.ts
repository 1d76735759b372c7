import { describe, expect, it } from 'vitest';
import { detectFormat, toolFileReason } from '../../../../src/main/importExport/detect';
import { parseLog4brains, parseMadr } from '../../../../src/main/importExport/formats/madr';
import { fixtureFile } from './fixtureFile';

describe('MADR parser', () => {
  it('reads MADR 4 front matter: status, date, decision-makers (list), consulted (a string), informed, tags', () => {
    const doc = parseMadr(fixtureFile('madr', '0001-use-madr-for-decisions.md'));
    expect(doc).toMatchObject({ format: 'madr', sourceNumber: 1, title: 'Use MADR for decisions', status: 'accepted', createdAt: '2023-03-14' });
    expect(doc.fields).toEqual({ date: '2023-03-14', decisionMakers: ['Ada Lovelace', 'Grace Hopper'], consulted: ['Linus Torvalds'], informed: ['Platform team'], tags: ['process', 'docs'] });
    expect(doc.body.startsWith('## Context and Problem Statement')).toBe(true);
  });

  it('reads MADR 2 bullets under the title and "superseded by [ADR-0003](file)"', () => {
    const doc = parseMadr(fixtureFile('madr', '0002-deploy-with-helm.md'));
    expect(doc).toMatchObject({ title: 'Deploy with Helm', status: 'superseded', createdAt: '2023-04-02' });
    expect(doc.fields.decisionMakers).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(doc.links).toEqual([{ relation: 'supersededBy', path: '0003-deploy-with-kustomize.md', number: 3, text: '[ADR-0003](0003-deploy-with-kustomize.md)' }]);
    expect(doc.body.startsWith('Technical Story: deployments drift')).toBe(true);
  });

  it('maps a status outside the lifecycle to the nearest one and keeps the original; keeps unmapped front-matter keys as fields', () => {
    const doc = parseMadr(fixtureFile('madr', '0004-evaluate-service-mesh.md'));
    expect([doc.status, doc.fields.importedStatus, doc.flagged]).toEqual(['proposed', 'on hold', false]);
    expect(doc.notes[0]).toMatch(/status "on hold" is not in the ADR lifecycle: imported as proposed, the original kept as importedStatus/);
    expect(doc.fields).toMatchObject({ parent: 'Decisions', nav_order: 4 });
    expect(doc.createdAt).toBeNull();
  });

  it('recognises the MADR template and index page', () => {
    expect(toolFileReason(fixtureFile('madr', 'adr-template.md'))).toMatch(/template/);
    expect(toolFileReason(fixtureFile('madr', 'index.md'))).toMatch(/index/);
    expect(toolFileReason(fixtureFile('madr', '0003-deploy-with-kustomize.md'))).toBeNull();
    expect(detectFormat(fixtureFile('madr', '0003-deploy-with-kustomize.md'))).toBe('madr');
    expect(detectFormat(fixtureFile('madr', '0002-deploy-with-helm.md'))).toBe('madr');
  });

  it('takes the title from the file name when there is no heading, and refuses broken YAML with a reason', () => {
    expect(parseMadr({ path: '0009-use-grpc.md', text: '---\nstatus: proposed\n---\nJust text.\n' }).title).toBe('Use grpc');
    expect(() => parseMadr({ path: '0010-x.md', text: '---\nstatus: [unclosed\n---\n# X\n' })).toThrow(/front matter is not valid YAML/);
  });
});

describe('log4brains parser', () => {
  it('reads the bullets; tags split on blanks and commas; no number (YYYYMMDD is a date)', () => {
    const doc = parseLog4brains(fixtureFile('log4brains', '20220110-use-kafka-for-events.md'));
    expect(doc).toMatchObject({ format: 'log4brains', sourceNumber: null, title: 'Use Kafka for domain events', status: 'accepted', createdAt: '2022-01-10' });
    expect(doc.fields).toEqual({ date: '2022-01-10', decisionMakers: ['Ada Lovelace', 'Grace Hopper'], tags: ['messaging', 'backend', 'events'] });
  });

  it('links "superseded by [slug](slug.md)" to the file', () => {
    const doc = parseLog4brains(fixtureFile('log4brains', '20220301-use-nats-for-commands.md'));
    expect(doc.status).toBe('superseded');
    expect(doc.links).toEqual([expect.objectContaining({ relation: 'supersededBy', path: '20220601-use-kafka-for-commands.md' })]);
    expect(doc.links[0]!.number).toBeUndefined();
  });

  it('maps log4brains\' "draft" to proposed, the original kept, not flagged; without a Date the file name gives the creation day', () => {
    const doc = parseLog4brains(fixtureFile('log4brains', '20220905-try-event-sourcing.md'));
    expect(doc).toMatchObject({ status: 'proposed', flagged: false, createdAt: '2022-09-05', fields: { importedStatus: 'draft' } });
    expect(doc.fields.date).toBeUndefined();
  });

  it('is detected from the date-named file with bullets; template, index and README are skipped', () => {
    expect(detectFormat(fixtureFile('log4brains', '20220601-use-kafka-for-commands.md'))).toBe('log4brains');
    for (const name of ['template.md', 'index.md', 'README.md']) expect(toolFileReason(fixtureFile('log4brains', name))).not.toBeNull();
  });
});

describe('statuses outside the lifecycle (nearestStatus, docs/cli.md table)', () => {
  it('maps each to the nearest status of the kind, and flags a word with none', () => {
    const status = (s: string) => {
      const doc = parseMadr({ path: '0001-x.md', text: `---\nstatus: ${s}\n---\n\n# X\n` });
      return [doc.status, doc.fields.importedStatus, doc.flagged];
    };
    expect(status('draft')).toEqual(['proposed', 'draft', false]);
    expect(status('In Review')).toEqual(['proposed', 'In Review', false]);
    expect(status('approved')).toEqual(['accepted', 'approved', false]);
    expect(status('withdrawn')).toEqual(['rejected', 'withdrawn', false]);
    expect(status('obsolete')).toEqual(['deprecated', 'obsolete', false]);
    expect(status('replaced')).toEqual(['superseded', 'replaced', false]);
    expect(status('accepted')).toEqual(['accepted', undefined, false]);
    expect(status('banana')).toEqual(['proposed', 'banana', true]);
  });
});
