import fs from 'node:fs';
import path from 'node:path';

/** Where and how big the main window was; saved on close, restored on launch. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** A display's usable area (Electron's Display.workArea). */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 800, height: 500 } as const;
/** How much of the window's top strip (its title bar) must lie on a display for the position to be kept. */
const GRAB = { width: 120, height: 40 } as const;

export const WINDOW_STATE_FILE = 'window-state.json';

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 100_000;

/** The stored JSON as a WindowState, or null when it is anything else (a hand edit, an old format). */
export function parseWindowState(raw: unknown): WindowState | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (!isInt(r.width) || !isInt(r.height) || r.width <= 0 || r.height <= 0) return null;
  const state: WindowState = { width: Math.round(r.width), height: Math.round(r.height), maximized: r.maximized === true };
  if (isInt(r.x) && isInt(r.y)) {
    state.x = Math.round(r.x);
    state.y = Math.round(r.y);
  }
  return state;
}

function overlap(a: Area, b: Area): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/**
 * The bounds to open the window with, given what was saved and the displays
 * present now: the size is kept within the largest display (and the minimum
 * size); the position only when the window's title strip is on a display
 * (a monitor unplugged since leaves it off-screen otherwise), else the OS
 * centres the window.
 */
export function fitWindowState(saved: WindowState | null, displays: readonly Area[]): WindowState {
  const largest = displays.reduce<Area | null>((best, d) => (!best || d.width * d.height > best.width * best.height ? d : best), null);
  const maxW = largest?.width ?? Number.POSITIVE_INFINITY;
  const maxH = largest?.height ?? Number.POSITIVE_INFINITY;
  const clamp = (v: number, min: number, max: number): number => Math.max(Math.min(v, max), Math.min(min, max));
  const width = clamp(saved?.width ?? DEFAULT_SIZE.width, MIN_SIZE.width, maxW);
  const height = clamp(saved?.height ?? DEFAULT_SIZE.height, MIN_SIZE.height, maxH);
  const out: WindowState = { width, height, maximized: saved?.maximized ?? false };
  if (saved?.x !== undefined && saved.y !== undefined) {
    const titleStrip: Area = { x: saved.x, y: saved.y, width, height: GRAB.height };
    const visible = displays.some((d) => {
      const o = overlap(titleStrip, d);
      return o.width >= Math.min(GRAB.width, width) && o.height >= GRAB.height;
    });
    if (visible) {
      out.x = saved.x;
      out.y = saved.y;
    }
  }
  return out;
}

/** Reads the saved state from `<dir>/window-state.json`; null when absent or unreadable. */
export function loadWindowState(dir: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(fs.readFileSync(path.join(dir, WINDOW_STATE_FILE), 'utf8')));
  } catch {
    return null;
  }
}

/** Writes the state atomically (a temp file renamed over the old one); failures are ignored. */
export function saveWindowState(dir: string, state: WindowState): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, WINDOW_STATE_FILE);
    fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(state)}\n`);
    fs.renameSync(`${file}.tmp`, file);
  } catch {
    // the next launch opens at the default size
  }
}
