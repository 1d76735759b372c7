import type { StateCreator } from 'zustand';
import type { AppState } from './index';

/** Remote images: the reader's choices, kept on this device (like the theme). */
export interface ReadingSlice {
  /** Settings > "Always load remote images". */
  alwaysLoadImages: boolean;
  /** Documents whose remote images the reader allowed ("Load images"). */
  imagesAllowedFor: string[];
  allowImages: (docId: string) => void;
  setAlwaysLoadImages: (on: boolean) => void;
}

export const ALWAYS_IMAGES_KEY = 'designdesk.images.always';
export const ALLOWED_IMAGES_KEY = 'designdesk.images.allowed';
/** The newest choices are kept; an old one falling off only means asking again. */
const MAX_REMEMBERED = 500;

function read<T>(key: string, valid: (v: unknown) => v is T, fallback: T): T {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
    return valid(v) ? v : fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // private mode or full storage: the choice lasts for this session only
  }
}

const isIds = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';

export const createReadingSlice: StateCreator<AppState, [], [], ReadingSlice> = (set, get) => ({
  alwaysLoadImages: read(ALWAYS_IMAGES_KEY, isBool, false),
  imagesAllowedFor: read(ALLOWED_IMAGES_KEY, isIds, []),
  allowImages: (docId) => {
    const next = [...get().imagesAllowedFor.filter((id) => id !== docId), docId].slice(-MAX_REMEMBERED);
    write(ALLOWED_IMAGES_KEY, next);
    set({ imagesAllowedFor: next });
  },
  setAlwaysLoadImages: (on) => {
    write(ALWAYS_IMAGES_KEY, on);
    set({ alwaysLoadImages: on });
  },
});

/** Whether remote images may load in this document now. */
export const imagesAllowed = (s: Pick<ReadingSlice, 'alwaysLoadImages' | 'imagesAllowedFor'>, docId: string): boolean => s.alwaysLoadImages || s.imagesAllowedFor.includes(docId);
