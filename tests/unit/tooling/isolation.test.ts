import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISOLATED } from '../../../vitest.config.ts';

// Test files share their worker's modules (vitest.config.ts, isolate: false):
// a file that replaces a module or a global, or moves the working directory,
// would change what the next file in that worker sees. Such a file must be
// listed in ISOLATED, which runs it in a fresh worker of its own.
const CHANGES_SHARED_STATE = /\bvi\.(mock|doMock|stubGlobal|stubEnv)\(|process\.chdir\(/;

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith('.test.ts')).map((e) => path.relative(process.cwd(), path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

describe('test files that share a worker', () => {
  it('every file that replaces a module or global, or changes directory, runs isolated', () => {
    const files = ['tests/unit', 'tests/integration', 'tests/e2e'].flatMap(testFiles);
    expect(files.length).toBeGreaterThan(150);
    const changing = files.filter((f) => CHANGES_SHARED_STATE.test(fs.readFileSync(f, 'utf8')));
    expect(changing.length, 'the check finds the file that mocks electron').toBeGreaterThan(0);
    expect(changing.filter((f) => !ISOLATED.includes(f))).toEqual([]);
  });

  it('lists only files that exist', () => {
    for (const f of ISOLATED) expect(fs.existsSync(f), f).toBe(true);
  });
});
