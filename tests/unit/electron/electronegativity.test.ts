import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXCLUSIONS, ROOT, failing, findingsOf, parseCsv, triage } from '../../../scripts/electronegativity.mjs';

// The triage of Electronegativity's findings (scripts/electronegativity.mjs,
// `npm run security:electronegativity`, run by .ci/run): which findings are
// documented false positives, and that an exclusion stops applying as soon
// as the fact that justifies it stops holding in the source.

const REPORT = `issue, severity, confidence, filename, location, sample, description, url
CSP_GLOBAL_CHECK,"MEDIUM","CERTAIN","N/A","0:0",N/A,"No CSP has been detected in the target application",https://example/CSP
CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","main/electron/electronMain.ts","62:14","const win = new BrowserWindow({","Review the use of the contextIsolation option",https://example/CI
NODE_INTEGRATION_JS_CHECK,"HIGH","FIRM","main/other.ts","3:1","new BrowserWindow({ webPreferences: { nodeIntegration: true } })","Disable nodeIntegration, ""really""",https://example/NI
PRELOAD_JS_CHECK,"MEDIUM","TENTATIVE","main/electron/electronMain.ts","70:43","preload: path.join(a, b)","Review preload scripts",https://example/P
`;

describe('the Electronegativity report', () => {
  it('parses quoted fields with commas, doubled quotes and newlines', () => {
    expect(parseCsv('a,"b, c","d ""e""",\n"multi\nline",x\r\n')).toEqual([
      ['a', 'b, c', 'd "e"', ''],
      ['multi\nline', 'x'],
    ]);
    const findings = findingsOf(REPORT);
    expect(findings.map((f) => [f.check, f.severity, f.file])).toEqual([
      ['CSP_GLOBAL_CHECK', 'MEDIUM', 'N/A'],
      ['CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'main/electron/electronMain.ts'],
      ['NODE_INTEGRATION_JS_CHECK', 'HIGH', 'main/other.ts'],
      ['PRELOAD_JS_CHECK', 'MEDIUM', 'main/electron/electronMain.ts'],
    ]);
    expect(findings[2]!.sample).toBe('new BrowserWindow({ webPreferences: { nodeIntegration: true } })');
    expect(() => findingsOf('not,a,report\n')).toThrow(/not an Electronegativity CSV/);
  });

  it('refuses a report whose rows were garbled (interleaved writes), rather than reading fewer findings', () => {
    // As seen in CI: the tail of one row written over another, so a quote opens and swallows the rows after it.
    const lines = REPORT.split('\n');
    const garbled = [lines[0], `${lines[1]!.split('"No CSP')[0]}"No CSP has been dete'preload.cjs') ted in the target application,https://example/CSP`, ...lines.slice(2)].join('\n');
    expect(parseCsv(garbled)).toHaveLength(2);
    expect(() => findingsOf(garbled)).toThrow(/malformed Electronegativity report/);
  });
});

describe('triage', () => {
  it('excludes documented false positives, and fails on any other HIGH finding', () => {
    const triaged = triage(findingsOf(REPORT));
    expect(triaged.map((f) => [f.check, f.status])).toEqual([
      ['CSP_GLOBAL_CHECK', 'excluded'],
      ['CONTEXT_ISOLATION_JS_CHECK', 'excluded'],
      ['NODE_INTEGRATION_JS_CHECK', 'open'],
      ['PRELOAD_JS_CHECK', 'excluded'],
    ]);
    expect(failing(triaged).map((f) => f.file)).toEqual(['main/other.ts']);
  });

  it('does not fail on open MEDIUM findings', () => {
    const triaged = triage(findingsOf(REPORT), { exclusions: [] });
    expect(failing(triaged).map((f) => f.check)).toEqual(['CONTEXT_ISOLATION_JS_CHECK', 'NODE_INTEGRATION_JS_CHECK']);
  });

  it('stops excluding as soon as the justifying source changes', () => {
    const real = (f: string): string => fs.readFileSync(f, 'utf8');
    // electronMain builds its own webPreferences instead of calling secureWebPreferences().
    const regressed = (f: string): string => (f.endsWith('electronMain.ts') ? real(f).replace(/webPreferences: secureWebPreferences\(/g, 'webPreferences: ({ contextIsolation: false }, ') : real(f));
    const triaged = triage(findingsOf(REPORT), { readFile: regressed });
    const ci = triaged.find((f) => f.check === 'CONTEXT_ISOLATION_JS_CHECK')!;
    expect(ci.status).toBe('open');
    expect(ci.reason).toMatch(/exclusion no longer holds: src\/main\/electron\/electronMain.ts/);
    expect(failing(triaged).map((f) => f.check)).toContain('CONTEXT_ISOLATION_JS_CHECK');
  });

  it('has every exclusion justified by the source as it is now', () => {
    for (const ex of EXCLUSIONS) {
      expect(ex.reason.length, ex.check).toBeGreaterThan(20);
      for (const g of ex.guards) expect(fs.readFileSync(path.join(ROOT, g.file), 'utf8'), `${ex.check}: ${g.file}`).toMatch(g.pattern);
    }
  });

  it('is wired into package.json and CI', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.scripts['security:electronegativity']).toBe('node scripts/electronegativity.mjs');
    expect(pkg.devDependencies['@doyensec/electronegativity']).toMatch(/^1\.10\.\d+$/);
    expect(fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8')).toMatch(/npm run security:electronegativity/);
  });
});
