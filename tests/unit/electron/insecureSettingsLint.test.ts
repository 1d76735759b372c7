import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The lint rule that refuses insecure Electron settings (scripts/eslint-boundaries.js,
// wired in eslint.config.js), checked through the project's real ESLint
// configuration: the scanner (Electronegativity) misses some of these.

let eslint: ESLint;
// Warm once per file: the first lint loads the configuration and the TypeScript parser (seconds on a cold run),
// which would otherwise count against the first test's time.
beforeAll(async () => {
  eslint = new ESLint({ cwd: process.cwd() });
  await eslint.lintText('export {};\n', { filePath: 'src/main/electron/window.ts' });
}, 120_000);

async function messages(code: string, filePath = 'src/main/electron/window.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

const win = (prefs: string): string => `import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { ${prefs} } });\n`;

describe('the insecure-Electron-settings lint rule', () => {
  it.each([
    ['nodeIntegration: true', /nodeIntegration must be the literal false/],
    ['sandbox: false', /sandbox must be the literal true/],
    ['contextIsolation: false', /contextIsolation must be the literal true/],
    ['webSecurity: false', /webSecurity must be the literal true/],
    ['nodeIntegrationInWorker: true', /nodeIntegrationInWorker must be the literal false/],
    ['nodeIntegrationInSubFrames: true', /nodeIntegrationInSubFrames must be the literal false/],
    ['webviewTag: true', /webviewTag must be the literal false/],
    ['allowRunningInsecureContent: true', /allowRunningInsecureContent must be the literal false/],
    ['experimentalFeatures: true', /experimentalFeatures must be the literal false/],
    ['enableBlinkFeatures: "CSSPseudoHas"', /enableBlinkFeatures must not be set/],
    // Spellings that hide the value or the key from a naive rule.
    ["'nodeIntegration': true", /nodeIntegration must be the literal false/],
    ['"sandbox": false', /sandbox must be the literal true/],
    ['sandbox: !1', /sandbox must be the literal true/],
    ['contextIsolation: process.env.DEV !== "1"', /contextIsolation must be the literal true/],
    ['nodeIntegration: Boolean(1)', /nodeIntegration must be the literal false/],
    ['sandbox: undefined', /sandbox must be the literal true/],
  ])('refuses %s', async (prefs, message) => {
    const found = await messages(win(prefs));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it('passes the safe values, as secureWebPreferences writes them', async () => {
    expect(
      await messages(
        win('contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webviewTag: false, webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false, devTools: !app.isPackaged'),
      ),
    ).toEqual([]);
  });

  it('applies everywhere: renderer, shared and main code alike', async () => {
    for (const file of ['src/renderer/components/X.tsx', 'src/shared/x.ts', 'src/main/services/x.ts']) {
      expect(await messages('export const prefs = { nodeIntegration: true, sandbox: false };\n', file), file).toHaveLength(2);
    }
  });

  it('leaves unrelated names alone', async () => {
    expect(await messages("export const o = { sandboxed: false, isolation: false, nodeIntegrationX: true, sandbox_: 0, ['sandbox' + '']: false };\n")).toEqual([]);
  });
});
