import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESKTOP_PREFS_FILE, loadChosenWorkspace, saveChosenWorkspace, withoutWorkspaceArg } from '../../../src/main/electron/desktopPrefs';

describe('the chosen workspace', () => {
  it('round-trips through desktop.json and ignores a relative or damaged entry', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-prefs-'));
    try {
      expect(loadChosenWorkspace(dir)).toBeUndefined();
      saveChosenWorkspace(dir, '/home/ada/design-docs');
      expect(loadChosenWorkspace(dir)).toBe('/home/ada/design-docs');
      fs.writeFileSync(path.join(dir, DESKTOP_PREFS_FILE), '{"workspace":"relative/dir"}');
      expect(loadChosenWorkspace(dir)).toBeUndefined();
      fs.writeFileSync(path.join(dir, DESKTOP_PREFS_FILE), '{');
      expect(loadChosenWorkspace(dir)).toBeUndefined();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('drops --workspace from the relaunch arguments', () => {
    expect(withoutWorkspaceArg(['.', '--workspace', '/a', '--x', '--workspace=/b', 'designdesk://open/RFC-1'])).toEqual(['.', '--x', 'designdesk://open/RFC-1']);
  });
});
