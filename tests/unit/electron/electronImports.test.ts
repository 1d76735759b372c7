import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const SRC = path.join(ROOT, 'src');
const SHELL = path.join('src', 'main', 'electron') + path.sep;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(c|m)?[jt]sx?$/.test(e.name) ? [full] : [];
  });
}

const SPECIFIER = `['"\`]electron(?:/[^'"\`]*)?['"\`]`;
// import x from 'electron' | import type {..} from 'electron' | export .. from 'electron' | import 'electron' | import('electron') | require('electron')
const ANY_IMPORT = new RegExp(`(?:\\bfrom\\s*${SPECIFIER}|\\bimport\\s*${SPECIFIER}|\\bimport\\s*\\(\\s*${SPECIFIER}|\\brequire\\s*\\(\\s*${SPECIFIER})`);
const TYPE_ONLY = new RegExp(`^\\s*(?:import|export)\\s+type\\b[^;]*\\bfrom\\s*${SPECIFIER}`, 'm');

/** Files importing electron, with whether every such import is type-only. */
function electronImports(): Map<string, { typeOnly: boolean }> {
  const found = new Map<string, { typeOnly: boolean }>();
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    if (!ANY_IMPORT.test(text)) continue;
    const withoutTypeImports = text.replace(new RegExp(TYPE_ONLY.source, 'gm'), '');
    found.set(path.relative(ROOT, file), { typeOnly: !ANY_IMPORT.test(withoutTypeImports) });
  }
  return found;
}

describe("the 'electron' import boundary", () => {
  it('recognises every import form', () => {
    for (const line of [
      "import { app } from 'electron';",
      'import type { WebPreferences } from "electron";',
      "import 'electron';",
      "const { shell } = require('electron');",
      'await import(`electron`);',
      "import { ipcRenderer } from 'electron/renderer';",
      "export { app } from 'electron';",
    ]) {
      expect(ANY_IMPORT.test(line), line).toBe(true);
    }
    for (const line of ["import x from 'electron-store';", "import x from './electron';", "// electron is only in the shell"]) {
      expect(ANY_IMPORT.test(line), line).toBe(false);
    }
  });

  it('is crossed only by src/main/electron', () => {
    const files = [...electronImports().keys()];
    expect(files.filter((f) => !f.startsWith(SHELL))).toEqual([]);
    // The scan is not vacuous: it sees the shell's real imports.
    expect(files).toEqual(expect.arrayContaining([`${SHELL}electronMain.ts`, `${SHELL}preload.ts`]));
  });

  it('leaves the unit-tested shell modules free of runtime electron imports', () => {
    const imports = electronImports();
    for (const name of ['appOrigin.ts', 'appProtocolFiles.ts', 'appProtocol.ts', 'bridgeApi.ts', 'deepLink.ts', 'desktopPrefs.ts', 'ipcBinding.ts', 'menu.ts', 'nativeBinding.ts', 'navigation.ts', 'webPreferences.ts', 'windowState.ts']) {
      const entry = imports.get(`${SHELL}${name}`);
      expect(entry === undefined || entry.typeOnly, name).toBe(true);
    }
    expect(imports.get(`${SHELL}electronMain.ts`)?.typeOnly).toBe(false);
  });
});
