import { describe, expect, it } from 'vitest';
import { FIELD_SCHEMAS, INITIAL_FIELDS, normalizeFields } from '../../../../src/shared/kinds/fields';
import {
  durationMinutes,
  isOverdue,
  nextRowId,
  parseTimelineTime,
  POSTMORTEM_SECTIONS,
  PostmortemFieldsSchema,
  sortTimeline,
} from '../../../../src/shared/kinds/postmortem';
import { TEMPLATE_SECTIONS, templateBody } from '../../../../src/shared/kinds/templates';
import { splitSections } from '../../../../src/shared/markdown/sections';

describe('PostmortemFieldsSchema', () => {
  it('fills every field from an empty object', () => {
    expect(PostmortemFieldsSchema.parse({})).toEqual({
      author: '',
      incidentDate: '',
      duration: '',
      severity: 'SEV-3',
      attendees: [],
      impact: { usersAffected: null, downtimeMinutes: null, revenueImpact: '' },
      timeline: [],
      actionItems: [],
    });
  });

  it('keeps a full postmortem as given', () => {
    const fields = {
      author: 'Ada',
      incidentDate: '2026-11-20',
      duration: '2h 15m',
      severity: 'SEV-1',
      attendees: ['Ada', 'Grace'],
      impact: { usersAffected: 12000, downtimeMinutes: 47, revenueImpact: '$12k in SLA credits' },
      timeline: [{ id: 't1', time: '09:05', event: 'Alert fired' }],
      actionItems: [{ id: 'a1', action: 'Add a canary', owner: 'Grace', due: '2026-12-01', status: 'in-progress' }],
    };
    expect(PostmortemFieldsSchema.parse(fields)).toEqual(fields);
  });

  it('stores a duration given in minutes as text', () => {
    expect(PostmortemFieldsSchema.parse({ duration: 47 }).duration).toBe('47m');
  });

  it('fills row defaults and gives rows without an id, or with a repeated one, a unique id', () => {
    const parsed = PostmortemFieldsSchema.parse({
      timeline: [{ time: '09:00' }, { id: 't1', time: '09:01' }, { id: 't1', event: 'dup' }],
      actionItems: [{ action: 'Fix it' }, {}],
    });
    expect(parsed.timeline.map((r) => r.id)).toEqual(['t2', 't1', 't3']);
    expect(parsed.timeline[0]).toEqual({ id: 't2', time: '09:00', event: '' });
    expect(parsed.actionItems).toEqual([
      { id: 'a1', action: 'Fix it', owner: '', due: '', status: 'open' },
      { id: 'a2', action: '', owner: '', due: '', status: 'open' },
    ]);
  });

  it.each([
    [{ severity: 'S'.repeat(41) }, 'severity'],
    [{ timeline: [{ time: '09:00', milestone: 'detected' }] }, 'timeline.0.milestone'],
    [{ actionItems: [{ link: 'DM-3' }] }, 'actionItems.0.link'],
    [{ actionItems: [{ link: 'see RFC-3' }] }, 'actionItems.0.link'],
    [{ actionItems: [{ closed: 'yesterday' }] }, 'actionItems.0.closed'],
    [{ actionItems: [{ reason: 'x'.repeat(501) }] }, 'actionItems.0.reason'],
    [{ contributingFactors: ['x'.repeat(501)] }, 'contributingFactors.0'],
    [{ contributingFactors: Array.from({ length: 51 }, () => 'x') }, 'contributingFactors'],
    [{ incidentDate: '2026-02-30' }, 'incidentDate'],
    [{ incidentDate: '20/11/2026' }, 'incidentDate'],
    [{ timeline: [{ time: '25:00' }] }, 'timeline.0.time'],
    [{ timeline: [{ time: 'noon' }] }, 'timeline.0.time'],
    [{ actionItems: [{ due: 'tomorrow' }] }, 'actionItems.0.due'],
    [{ actionItems: [{ status: 'closed' }] }, 'actionItems.0.status'],
    [{ impact: { usersAffected: -1 } }, 'impact.usersAffected'],
    [{ impact: { downtimeMinutes: 1.5 } }, 'impact.downtimeMinutes'],
    [{ attendees: [''] }, 'attendees.0'],
    [{ timeline: Array.from({ length: 501 }, () => ({})) }, 'timeline'],
    [{ actionItems: Array.from({ length: 201 }, () => ({})) }, 'actionItems'],
    [{ actionItems: [{ action: 'x'.repeat(501) }] }, 'actionItems.0.action'],
  ])('refuses %j naming %s', (fields, path) => {
    expect(() => normalizeFields('postmortem', fields)).toThrow(expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining(`${path}:`) }));
  });

  it('keeps a severity the scale does not know, so a file with SEV-5 or P0 loses nothing', () => {
    expect(normalizeFields('postmortem', { severity: 'SEV-5' })).toMatchObject({ severity: 'SEV-5' });
    expect(normalizeFields('postmortem', { severity: 'P0' })).toMatchObject({ severity: 'P0' });
  });

  it('reads milestones, links, reasons and contributing factors, and adds none of them to older files', () => {
    const f = normalizeFields('postmortem', {
      timeline: [{ id: 't1', time: '09:00', event: 'Paged', milestone: 'detection' }],
      actionItems: [{ id: 'a1', action: 'Pool limits', status: 'wont-do', reason: 'Replaced by ADR-4', link: 'adr-4', closed: '2026-11-30' }],
      contributingFactors: ['No alert on pool size'],
    });
    expect(f).toMatchObject({
      timeline: [{ milestone: 'detection' }],
      actionItems: [{ status: 'wont-do', reason: 'Replaced by ADR-4', link: 'ADR-4', closed: '2026-11-30' }],
      contributingFactors: ['No alert on pool size'],
    });
    const old = normalizeFields('postmortem', { timeline: [{ id: 't1', time: '09:00', event: 'x' }], actionItems: [{ id: 'a1', action: 'y' }] });
    expect(Object.keys(old)).not.toContain('contributingFactors');
    expect(Object.keys((old.timeline as object[])[0]!)).not.toContain('milestone');
    expect(Object.keys((old.actionItems as object[])[0]!)).toEqual(['id', 'action', 'owner', 'due', 'status']);
  });

  it('keeps unknown keys written by a newer version or by hand', () => {
    expect(FIELD_SCHEMAS.postmortem.parse({ oncall: 'Team A' })).toMatchObject({ oncall: 'Team A', severity: 'SEV-3' });
  });
});

describe('a new postmortem', () => {
  it('starts on today as SEV-3, written by me', () => {
    const fields = normalizeFields('postmortem', INITIAL_FIELDS.postmortem({ me: { name: 'Ada', email: 'ada@example.com' }, today: '2026-11-20' }));
    expect(fields).toMatchObject({ author: 'Ada', incidentDate: '2026-11-20', severity: 'SEV-3', timeline: [], actionItems: [] });
  });

  it('has the narrative sections, each with a hint, and no Timeline or Action Items section (those are fields)', () => {
    expect(TEMPLATE_SECTIONS.postmortem).toBe(POSTMORTEM_SECTIONS);
    expect(POSTMORTEM_SECTIONS.map((s) => s.heading)).toEqual(['Summary', 'Impact', 'Root Cause', 'What Went Well', 'What Went Wrong', 'Lessons Learned']);
    for (const s of POSTMORTEM_SECTIONS) expect(s.hint.length).toBeGreaterThan(10);
    const headings = splitSections(templateBody('postmortem')).map((s) => s.heading);
    expect(headings).toEqual(['', ...POSTMORTEM_SECTIONS.map((s) => s.heading)]);
  });
});

describe('parseTimelineTime', () => {
  it.each([
    ['', ''],
    ['  ', ''],
    ['9:05', '09:05'],
    ['09:05', '09:05'],
    ['23:59:59', '23:59:59'],
    ['2026-11-20 09:05', '2026-11-20T09:05Z'],
    ['2026-11-20T09:05Z', '2026-11-20T09:05Z'],
    ['2026-11-20T09:05:30.120Z', '2026-11-20T09:05:30Z'],
  ])('reads %j as %j', (text, stored) => expect(parseTimelineTime(text)).toBe(stored));

  it.each(['24:00', '9:5', '09:60', 'noon', '2026-02-30T10:00Z', '2026-11-20T09:05+02:00'])('refuses %j', (text) => {
    expect(parseTimelineTime(text)).toBeNull();
  });
});

describe('sortTimeline', () => {
  const row = (id: string, time: string) => ({ id, time, event: id });

  it('orders rows by time, keeping equal times in their order', () => {
    const rows = [row('c', '10:30'), row('a', '09:05'), row('b1', '09:40'), row('b2', '09:40')];
    expect(sortTimeline(rows).map((r) => r.id)).toEqual(['a', 'b1', 'b2', 'c']);
  });

  it('places clock times on the incident date, so dated rows after midnight come last', () => {
    const rows = [row('next-day', '2026-11-21T00:10Z'), row('late', '23:50'), row('early', '2026-11-20T08:00Z')];
    expect(sortTimeline(rows, '2026-11-20').map((r) => r.id)).toEqual(['early', 'late', 'next-day']);
  });

  it('puts rows without a time last, in their order, and does not change the input', () => {
    const rows = [row('x', ''), row('b', '10:00'), row('y', ''), row('a', '09:00')];
    const sorted = sortTimeline(rows);
    expect(sorted.map((r) => r.id)).toEqual(['a', 'b', 'x', 'y']);
    expect(rows.map((r) => r.id)).toEqual(['x', 'b', 'y', 'a']);
    expect(sortTimeline(sorted)).toEqual(sorted);
  });

  it('compares seconds', () => {
    expect(sortTimeline([row('b', '09:00:30'), row('a', '09:00')]).map((r) => r.id)).toEqual(['a', 'b']);
  });
});

describe('isOverdue', () => {
  const today = '2026-11-20';
  it('is overdue when due before today and not done', () => {
    expect(isOverdue({ due: '2026-11-19', status: 'open' }, today)).toBe(true);
    expect(isOverdue({ due: '2026-11-19', status: 'in-progress' }, today)).toBe(true);
  });
  it('is not overdue when done, due today or later, or without a due date', () => {
    expect(isOverdue({ due: '2026-11-19', status: 'done' }, today)).toBe(false);
    expect(isOverdue({ due: '2026-11-19', status: 'wont-do' }, today)).toBe(false);
    expect(isOverdue({ due: today, status: 'open' }, today)).toBe(false);
    expect(isOverdue({ due: '2026-12-01', status: 'open' }, today)).toBe(false);
    expect(isOverdue({ due: '', status: 'open' }, today)).toBe(false);
  });
});

describe('durationMinutes', () => {
  it.each([
    ['47m', 47],
    ['90', 90],
    ['2h 15m', 135],
    ['1.5h', 90],
    ['1d 2h', 1560],
    ['45 min', 45],
  ])('reads %j as %d minutes', (text, minutes) => expect(durationMinutes(text)).toBe(minutes));

  it.each(['', 'about an hour', '2h and a bit'])('cannot read %j', (text) => expect(durationMinutes(text)).toBeNull());
});

describe('nextRowId', () => {
  it('numbers after the highest id with the prefix, ignoring other ids', () => {
    expect(nextRowId([], 't')).toBe('t1');
    expect(nextRowId([{ id: 't2' }, { id: 't10' }, { id: 'a99' }, { id: 'tx' }], 't')).toBe('t11');
  });
});
