import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../../../../src/renderer/components/sync/relativeTime';

describe('relativeTime', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  it('says how long ago, in the units a person would use', () => {
    expect(relativeTime('2026-11-27T11:59:30Z', now)).toBe('just now');
    expect(relativeTime('2026-11-27T11:55:00Z', now)).toBe('5 min ago');
    expect(relativeTime('2026-11-27T09:00:00Z', now)).toBe('3 h ago');
    expect(relativeTime('2026-11-26T10:00:00Z', now)).toBe('yesterday');
    expect(relativeTime('2026-11-20T12:00:00Z', now)).toBe('7 days ago');
    expect(relativeTime('2026-11-27T12:05:00Z', now)).toBe('just now');
  });
});
