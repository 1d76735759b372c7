import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app';
import type { Channel, Input, Output } from '../../src/shared/contract';
import { cloneTeammate, useSyncFixture } from '../support/syncWorkspace';
import { callApp } from '../support/apiCall';

let dir: string;
let app: App;

const call = <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => callApp(app, channel, input);

async function postmortem(title: string, fields: Record<string, unknown>): Promise<void> {
  const doc = await call('docs:create', { kind: 'postmortem', title });
  await call('docs:update', { id: doc.id, baseRevision: doc.revision, fields: { ...doc.fields, ...fields } });
}

const timeline = (start: string, detect: string, mitigate: string, resolve: string) => [
  { id: 't1', time: start, event: 'Errors begin', milestone: 'start' },
  { id: 't2', time: detect, event: 'Paged', milestone: 'detection' },
  { id: 't3', time: mitigate, event: 'Rolled back', milestone: 'mitigation' },
  { id: 't4', time: resolve, event: 'All clear', milestone: 'resolution' },
];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-pm-overview-'));
  app = createApp({
    workspaceDir: dir,
    bridge: 'web',
    version: 'test',
    now: () => new Date('2026-12-02T12:00:00Z'),
    fallbackIdentity: () => ({ name: 'Ada', email: 'ada@example.com' }),
    dispatch: { checkOutput: true },
  });
});

afterEach(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('postmortems:overview on a real workspace', () => {
  it('gives median times per quarter and severity and the share of action items done on time, skipping deleted postmortems', async () => {
    await postmortem('Checkout outage', {
      incidentDate: '2026-11-20',
      severity: 'SEV-1',
      timeline: timeline('09:00', '09:12', '09:40', '11:00'),
      actionItems: [
        { id: 'a1', action: 'Alert on pool size', due: '2026-11-25', status: 'done', closed: '2026-11-24' },
        { id: 'a2', action: 'Load test', due: '2026-11-26', status: 'open' },
        { id: 'a3', action: 'Rewrite pool', due: '2026-11-26', status: 'wont-do', reason: 'ADR-2 replaces it', link: 'ADR-2' },
      ],
    });
    await postmortem('Search outage', { incidentDate: '2026-10-03', severity: 'SEV-1', timeline: timeline('22:00', '22:30', '23:00', '2026-10-04T01:00Z') });
    await postmortem('Slow reports', { incidentDate: '2026-08-14', severity: 'P3', timeline: timeline('10:00', '10:05', '10:20', '10:30') });
    await postmortem('No milestones', { incidentDate: '2026-11-01', severity: 'SEV-2', timeline: [{ id: 't1', time: '10:00', event: 'x' }] });
    await postmortem('Long ago', { incidentDate: '2024-01-05', severity: 'SEV-1', timeline: timeline('09:00', '09:01', '09:02', '09:03') });
    const gone = await call('docs:create', { kind: 'postmortem', title: 'Deleted' });
    await call('docs:update', { id: gone.id, baseRevision: gone.revision, fields: { ...gone.fields, incidentDate: '2026-11-02', severity: 'SEV-1', timeline: timeline('09:00', '10:00', '11:00', '12:00') } });
    await call('docs:delete', { id: gone.id });

    const o = await call('postmortems:overview', {});
    expect(o.quarters).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(o.severities).toEqual(['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4', 'P3']);
    expect(o.rows).toEqual([
      { quarter: '2026-Q3', severity: 'P3', incidents: 1, detect: 5, mitigate: 20, resolve: 30 },
      { quarter: '2026-Q4', severity: 'SEV-1', incidents: 2, detect: 21, mitigate: 50, resolve: 150 },
      { quarter: '2026-Q4', severity: 'SEV-2', incidents: 1, detect: null, mitigate: null, resolve: null },
    ]);
    expect(o.actionItems.at(-1)).toEqual({ quarter: '2026-Q4', counted: 2, onTime: 1 });
    expect(o).toMatchObject({ postmortems: 5, withoutMilestones: 1 });
    expect((await call('postmortems:overview', { today: '2026-12-02', quarters: 1 })).quarters).toEqual(['2026-Q4']);
  });

  it('refuses a link that is not an RFC or ADR, naming the field', async () => {
    const doc = await call('docs:create', { kind: 'postmortem', title: 'Bad link' });
    const r = await app.dispatch('docs:update', { id: doc.id, baseRevision: doc.revision, fields: { ...doc.fields, actionItems: [{ id: 'a1', action: 'x', link: 'PM-2' }] } });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('actionItems.0.link') } });
  });
});

describe('the severity scale comes from the team repository', () => {
  const f = useSyncFixture();

  it('designdesk.yml `severities` replaces the default; an unreadable one is reported and the scale kept; removing it brings back the default', async () => {
    const ada = await f.laptop('Ada');
    expect(await ada.call('postmortems:severities', {})).toMatchObject({ fromRepository: false, levels: [{ name: 'SEV-1' }, { name: 'SEV-2' }, { name: 'SEV-3' }, { name: 'SEV-4' }] });
    await ada.call('sync:run', {});

    const tess = await cloneTeammate(f.url);
    const base = tess.read('designdesk.yml');
    tess.write('designdesk.yml', `${base}severities:\n  - name: P0\n    description: "Everyone stops"\n  - name: P1\n    description: Customers notice\n  - P2\n`);
    await tess.pushAll('Our own severity scale');
    const first = await ada.call('sync:run', {});
    expect(first.changes).toEqual(expect.arrayContaining([expect.objectContaining({ direction: 'in', path: 'designdesk.yml', title: 'severity scale: P0, P1, P2' })]));
    expect(await ada.call('postmortems:severities', {})).toEqual({
      fromRepository: true,
      levels: [
        { name: 'P0', description: 'Everyone stops' },
        { name: 'P1', description: 'Customers notice' },
        { name: 'P2', description: '' },
      ],
    });

    tess.write('designdesk.yml', `${base}severities:\n  - P0\n  - p0\n`);
    await tess.pushAll('Duplicate severity');
    const bad = await ada.call('sync:run', {});
    expect(bad.errors).toEqual([expect.objectContaining({ path: 'designdesk.yml', reason: expect.stringContaining('severity names must be unique') })]);
    expect((await ada.call('postmortems:severities', {})).levels.map((l) => l.name)).toEqual(['P0', 'P1', 'P2']);

    tess.write('designdesk.yml', base);
    await tess.pushAll('Back to the default scale');
    await ada.call('sync:run', {});
    expect(await ada.call('postmortems:severities', {})).toMatchObject({ fromRepository: false, levels: [{ name: 'SEV-1', description: expect.stringContaining('Critical') }, {}, {}, {}] });
  });
});
