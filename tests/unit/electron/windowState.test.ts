import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, fitWindowState, loadWindowState, MIN_SIZE, parseWindowState, saveWindowState, WINDOW_STATE_FILE } from '../../../src/main/electron/windowState';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitor = { x: 1440, y: -200, width: 2560, height: 1400 };

describe('parseWindowState', () => {
  it('keeps a well-formed state and rounds it', () => {
    expect(parseWindowState({ x: 10.4, y: 20, width: 1000, height: 700.6, maximized: true })).toEqual({ x: 10, y: 20, width: 1000, height: 701, maximized: true });
    expect(parseWindowState({ width: 1000, height: 700 })).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('refuses anything else', () => {
    for (const raw of [null, 'x', [], {}, { width: -1, height: 700 }, { width: '1000', height: 700 }, { width: Infinity, height: 700 }, { width: 1e9, height: 700 }]) {
      expect(parseWindowState(raw), JSON.stringify(raw)).toBeNull();
    }
    expect(parseWindowState({ x: 'a', y: 1, width: 900, height: 600 })).toEqual({ width: 900, height: 600, maximized: false });
  });
});

describe('fitWindowState', () => {
  it('opens at the default size, centred by the OS, the first time', () => {
    expect(fitWindowState(null, [laptop])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('restores a position that is on a display, on any of several displays', () => {
    expect(fitWindowState({ x: 100, y: 50, width: 1000, height: 700, maximized: false }, [laptop])).toEqual({ x: 100, y: 50, width: 1000, height: 700, maximized: false });
    expect(fitWindowState({ x: 2000, y: -100, width: 1600, height: 1000, maximized: true }, [laptop, monitor])).toEqual({ x: 2000, y: -100, width: 1600, height: 1000, maximized: true });
  });

  it('drops the position when the display it was on is gone, and shrinks to the largest display', () => {
    expect(fitWindowState({ x: 2000, y: -100, width: 2400, height: 1300, maximized: false }, [laptop])).toEqual({ width: 1440, height: 875, maximized: false });
  });

  it('drops a position whose title bar is off-screen (above the top, or only a sliver visible)', () => {
    expect(fitWindowState({ x: 100, y: -500, width: 1000, height: 700, maximized: false }, [laptop]).x).toBeUndefined();
    expect(fitWindowState({ x: 1400, y: 100, width: 1000, height: 700, maximized: false }, [laptop]).x).toBeUndefined();
    expect(fitWindowState({ x: 1300, y: 100, width: 1000, height: 700, maximized: false }, [laptop]).x).toBe(1300);
  });

  it('never goes below the minimum size unless the display is smaller', () => {
    expect(fitWindowState({ width: 200, height: 100, maximized: false }, [laptop])).toEqual({ ...MIN_SIZE, maximized: false });
    expect(fitWindowState({ width: 200, height: 100, maximized: false }, [{ x: 0, y: 0, width: 640, height: 480 }])).toEqual({ width: 640, height: 480, maximized: false });
  });
});

describe('load and save', () => {
  it('round-trips through window-state.json and ignores a damaged file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-win-'));
    try {
      expect(loadWindowState(dir)).toBeNull();
      saveWindowState(dir, { x: 5, y: 6, width: 900, height: 600, maximized: false });
      expect(loadWindowState(dir)).toEqual({ x: 5, y: 6, width: 900, height: 600, maximized: false });
      expect(fs.readdirSync(dir)).toEqual([WINDOW_STATE_FILE]);
      fs.writeFileSync(path.join(dir, WINDOW_STATE_FILE), '{"width":');
      expect(loadWindowState(dir)).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
