import { describe, expect, it } from 'vitest';
import { formatSize } from '../../../../src/renderer/components/settings/formatSize';

describe('formatSize (Settings > Backups)', () => {
  it('shows KB below one MB, at least 1 KB, and MB with one decimal from there', () => {
    expect(formatSize(0)).toBe('1 KB');
    expect(formatSize(163_840)).toBe('160 KB');
    expect(formatSize(1_048_575)).toBe('1024 KB');
    expect(formatSize(1_048_576)).toBe('1.0 MB');
    expect(formatSize(215_810_048)).toBe('205.8 MB');
  });
});
