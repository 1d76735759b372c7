import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../src/main/electron/webPreferences';

describe('secureWebPreferences', () => {
  it('gives an isolated, sandboxed renderer without Node, with exactly these keys', () => {
    expect(secureWebPreferences({ preload: '/app/dist/main/preload.cjs', isPackaged: true })).toStrictEqual({
      preload: '/app/dist/main/preload.cjs',
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
      devTools: false,
    });
  });

  it('leaves Blink feature switches unset', () => {
    const prefs = secureWebPreferences({ preload: 'p', isPackaged: false });
    expect('enableBlinkFeatures' in prefs).toBe(false);
    expect('disableBlinkFeatures' in prefs).toBe(false);
    expect('additionalArguments' in prefs).toBe(false);
  });

  it('enables DevTools only in unpackaged (development) runs', () => {
    expect(secureWebPreferences({ preload: 'p', isPackaged: false }).devTools).toBe(true);
    expect(secureWebPreferences({ preload: 'p', isPackaged: true }).devTools).toBe(false);
  });

  it('returns a fresh object each time, so one window cannot loosen another', () => {
    const a = secureWebPreferences({ preload: 'p', isPackaged: true });
    a.sandbox = undefined;
    expect(secureWebPreferences({ preload: 'p', isPackaged: true }).sandbox).toBe(true);
  });
});
