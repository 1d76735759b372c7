import { describe, expect, it } from 'vitest';
import { applyTheme, storedTheme } from '../../../src/renderer/theme';

const root = () => ({ dataset: {} as Record<string, string> }) as unknown as HTMLElement;

describe('applyTheme', () => {
  it('sets data-theme and the Markdown editor colour mode for Light and Dark, and removes both for System', () => {
    const el = root();
    applyTheme('dark', el);
    expect({ ...el.dataset }).toEqual({ theme: 'dark', colorMode: 'dark' });
    applyTheme('light', el);
    expect({ ...el.dataset }).toEqual({ theme: 'light', colorMode: 'light' });
    applyTheme('system', el);
    expect({ ...el.dataset }).toEqual({});
  });

  it('reads System when nothing (or no storage) is there', () => {
    expect(storedTheme()).toBe('system');
  });
});
