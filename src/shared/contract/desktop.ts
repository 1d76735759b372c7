import { z } from 'zod';

export const THEMES = ['system', 'light', 'dark'] as const;
export const ThemeSchema = z.enum(THEMES);
export type Theme = z.infer<typeof ThemeSchema>;

/** What only a desktop host can do; the web host answers as noted. */
export const desktopContract = {
  /** Tells the window chrome (menus, dialogs, title bar) which theme the page uses. The web host has no chrome: applied is false. */
  'desktop:setTheme': {
    input: z.object({ theme: ThemeSchema }).strict(),
    output: z.object({ applied: z.boolean() }),
  },
  /**
   * Opens a folder picker for the workspace. When a folder is chosen the app
   * remembers it and restarts on it (the answer may never arrive). The web
   * host answers UNSUPPORTED: its workspace is fixed when it starts.
   */
  'desktop:chooseWorkspace': {
    input: z.object({}).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
} as const;
