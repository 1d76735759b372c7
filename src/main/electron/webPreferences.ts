import type { WebPreferences } from 'electron';

export interface WebPreferencesOptions {
  /** Absolute path of the bundled preload (dist/main/preload.cjs). */
  preload: string;
  /** app.isPackaged: DevTools exist only in development builds. */
  isPackaged: boolean;
}

/**
 * The webPreferences of every DesignDesk window (see docs/adr/0004): an
 * isolated, sandboxed renderer with no Node, no <webview>, web security on
 * and no experimental or Blink-flagged features. Pure, so the values are
 * unit-tested and the lint scan sees them literally.
 */
export function secureWebPreferences({ preload, isPackaged }: WebPreferencesOptions): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
    devTools: !isPackaged,
  };
}
