import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Milestone, TimelineEntry } from '../../../../src/shared/kinds/postmortem';
import { formatMinutes, lastQuarters, median, milestoneTimes, overviewOf, quarterOf, type IncidentFacts } from '../../../../src/shared/kinds/postmortemMetrics';

const row = (time: string, milestone?: Milestone): TimelineEntry => ({ id: time, time, event: '', ...(milestone ? { milestone } : {}) });

/** "HH:MM" on the incident date, or a full ISO time when the minute count crosses midnight. */
function timeAt(minutes: number): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const day = Math.floor(minutes / 1440);
  const hm = `${pad(Math.floor((minutes % 1440) / 60))}:${pad(minutes % 60)}`;
  return day === 0 ? hm : `2026-11-${pad(20 + day)}T${hm}Z`;
}

describe('milestoneTimes', () => {
  it('measures from the earliest row when no row is marked start', () => {
    const t = milestoneTimes([row('09:10', 'detection'), row('09:00'), row('09:40', 'mitigation'), row('11:15', 'resolution')], '2026-11-20');
    expect(t).toEqual({ start: '2026-11-20T09:00:00', detect: 10, mitigate: 40, resolve: 135 });
  });

  it('measures from the row marked start, and across midnight with ISO times', () => {
    const t = milestoneTimes([row('22:00'), row('23:30', 'start'), row('23:50', 'detection'), row('2026-11-21T01:30Z', 'resolution')], '2026-11-20');
    expect(t).toEqual({ start: '2026-11-20T23:30:00', detect: 20, mitigate: null, resolve: 120 });
  });

  it('gives null for unmarked milestones, unreadable times and milestones before the start', () => {
    expect(milestoneTimes([], '')).toEqual({ start: null, detect: null, mitigate: null, resolve: null });
    expect(milestoneTimes([row('', 'detection')], '2026-11-20').detect).toBeNull();
    expect(milestoneTimes([row('10:00', 'start'), row('09:00', 'detection')], '2026-11-20').detect).toBeNull();
  });

  it('uses the earliest row of a milestone marked twice', () => {
    expect(milestoneTimes([row('09:00'), row('09:30', 'detection'), row('09:05', 'detection')], '').detect).toBe(5);
  });

  it('property: TTD <= TTM <= TTR when detection, mitigation and resolution happen in that order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 * 1440 }), { minLength: 4, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 11 }), { minLength: 3, maxLength: 3 }),
        (minutes, picks) => {
          const sorted = [...minutes].sort((a, b) => a - b);
          const [d, m, r] = picks.map((p) => 1 + (p % (sorted.length - 1))).sort((a, b) => a - b) as [number, number, number];
          const rows = sorted.map((min) => row(timeAt(min)));
          rows[d] = { ...rows[d]!, milestone: 'detection' };
          rows[m] = { ...rows[m]!, milestone: m === d ? 'detection' : 'mitigation' };
          rows[r] = { ...rows[r]!, milestone: r === m ? rows[m]!.milestone! : 'resolution' };
          // Shuffle deterministically: the order of rows must not matter.
          const t = milestoneTimes([...rows].reverse(), '2026-11-20');
          const present = [t.detect, t.mitigate, t.resolve].filter((v): v is number => v !== null);
          expect(present.every((v) => v >= 0)).toBe(true);
          for (let i = 1; i < present.length; i++) expect(present[i]!).toBeGreaterThanOrEqual(present[i - 1]!);
          expect(t.detect).toBe(sorted[d]! - sorted[0]!);
        },
      ),
    );
  });
});

describe('quarters', () => {
  it('names the quarter of a date', () => {
    expect(quarterOf('2026-01-01')).toBe('2026-Q1');
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterOf('2026-12-31')).toBe('2026-Q4');
    expect(quarterOf('')).toBeNull();
    expect(quarterOf('2026-13-01')).toBeNull();
  });

  it('lists the last quarters oldest first, across years', () => {
    expect(lastQuarters('2026-02-10', 4)).toEqual(['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
    expect(lastQuarters('2026-12-02', 1)).toEqual(['2026-Q4']);
  });

  it('property: the last n quarters are n consecutive quarters ending with today\'s', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }), fc.integer({ min: 1, max: 12 }), (d, n) => {
        const today = d.toISOString().slice(0, 10);
        const qs = lastQuarters(today, n);
        expect(qs).toHaveLength(n);
        expect(qs[n - 1]).toBe(quarterOf(today));
        for (let i = 1; i < n; i++) {
          const [y0, q0] = [Number(qs[i - 1]!.slice(0, 4)), Number(qs[i - 1]!.slice(6))];
          const [y1, q1] = [Number(qs[i]!.slice(0, 4)), Number(qs[i]!.slice(6))];
          expect(y1 * 4 + q1).toBe(y0 * 4 + q0 + 1);
        }
      }),
    );
  });
});

describe('median', () => {
  it('is the middle value, or the rounded mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([30, 10, 20])).toBe(20);
    expect(median([10, 20, 25, 90])).toBe(23);
  });
});

describe('overviewOf', () => {
  const times = (detect: number | null, mitigate: number | null, resolve: number | null) => ({ start: null, detect, mitigate, resolve });
  const incident = (incidentDate: string, severity: string, t: ReturnType<typeof times>, actionItems: IncidentFacts['actionItems'] = []): IncidentFacts => ({ incidentDate, severity, times: t, actionItems });

  it('gives the median times per quarter and severity, ignoring incidents outside the quarters', () => {
    const o = overviewOf(
      [
        incident('2026-10-02', 'SEV-1', times(5, 30, 120)),
        incident('2026-11-20', 'SEV-1', times(15, null, 60)),
        incident('2026-11-21', 'SEV-1', times(10, 50, 90)),
        incident('2026-08-01', 'SEV-2', times(40, 60, 200)),
        incident('2026-09-30', 'SEV-5', times(null, null, null)),
        incident('2024-01-01', 'SEV-1', times(1, 1, 1)),
        incident('', 'SEV-1', times(1, 1, 1)),
      ],
      '2026-12-02',
      4,
    );
    expect(o.quarters).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(o.rows).toEqual([
      { quarter: '2026-Q3', severity: 'SEV-2', incidents: 1, detect: 40, mitigate: 60, resolve: 200 },
      { quarter: '2026-Q3', severity: 'SEV-5', incidents: 1, detect: null, mitigate: null, resolve: null },
      { quarter: '2026-Q4', severity: 'SEV-1', incidents: 3, detect: 10, mitigate: 40, resolve: 90 },
    ]);
  });

  it('counts action items done on time per quarter of their due date, once their outcome is known', () => {
    const o = overviewOf(
      [
        incident('2026-10-01', 'SEV-2', times(null, null, null), [
          { due: '2026-10-10', status: 'done', closed: '2026-10-09' },
          { due: '2026-10-10', status: 'done', closed: '2026-10-10' },
          { due: '2026-10-10', status: 'done', closed: '2026-10-11' },
          { due: '2026-10-10', status: 'open' },
          { due: '2026-10-10', status: 'wont-do', closed: '2026-10-01' },
          { due: '2026-12-20', status: 'in-progress' },
          { due: '2026-10-10', status: 'done' },
          { due: '', status: 'done', closed: '2026-10-01' },
          { due: '2026-07-01', status: 'done', closed: '2026-07-01' },
        ]),
      ],
      '2026-12-02',
      2,
    );
    expect(o.actionItems).toEqual([
      { quarter: '2026-Q3', counted: 1, onTime: 1 },
      { quarter: '2026-Q4', counted: 4, onTime: 2 },
    ]);
  });
});

describe('formatMinutes', () => {
  it.each([
    [0, '0 min'],
    [47, '47 min'],
    [60, '1 h'],
    [135, '2 h 15 min'],
    [1440, '1 d'],
    [1620, '1 d 3 h'],
  ])('%d minutes read as %s', (m, text) => expect(formatMinutes(m)).toBe(text));
});
