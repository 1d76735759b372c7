import { describe, expect, it } from 'vitest';
import { durationSince, exactTime, timeAgo } from '../../../../src/shared/format/relativeTime';

const now = Date.parse('2026-11-27T12:00:00Z');
const at = (ms: number): string => new Date(now - ms).toISOString();
const MIN = 60_000;
const en = { locale: 'en-US' };

describe('one relative-time helper for the whole app', () => {
  it('says how long ago, counting whole units down (90 minutes is 1 hour everywhere)', () => {
    expect(timeAgo(at(30_000), now, en)).toBe('just now');
    expect(timeAgo(at(-5 * MIN), now, en)).toBe('just now');
    expect(timeAgo(at(MIN), now, en)).toBe('1 minute ago');
    expect(timeAgo(at(5 * MIN), now, en)).toBe('5 minutes ago');
    expect(timeAgo(at(90 * MIN), now, en)).toBe('1 hour ago');
    expect(timeAgo(at(3 * 60 * MIN), now, en)).toBe('3 hours ago');
    expect(timeAgo(at(26 * 60 * MIN), now, en)).toBe('yesterday');
    expect(timeAgo(at(7 * 24 * 60 * MIN), now, en)).toBe('7 days ago');
    expect(timeAgo('not a time', now, en)).toBe('not a time');
  });

  it('gives the date instead from a number of days on, for the library', () => {
    expect(timeAgo(at(6 * 24 * 60 * MIN), now, { ...en, dateAfterDays: 7 })).toBe('6 days ago');
    expect(timeAgo('2026-11-01T12:00:00Z', now, { ...en, dateAfterDays: 7 })).toBe('Nov 1, 2026');
  });

  it('says durations and exact times in the same words', () => {
    expect(durationSince(at(10_000), now, en)).toBe('1 minute');
    expect(durationSince(at(90 * MIN), now, en)).toBe('1 hour');
    expect(durationSince(at(3 * 24 * 60 * MIN), now, en)).toBe('3 days');
    expect(exactTime('2026-11-27T12:00:00Z', en)).toMatch(/^Nov 27, 2026, \d{1,2}:\d{2}\s?(AM|PM)$/);
  });

  it('speaks the user language when given one', () => {
    expect(timeAgo(at(3 * 60 * MIN), now, { locale: 'de' })).toBe('vor 3 Stunden');
  });
});
