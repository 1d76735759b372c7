import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// The process boundaries (docs/adr/0001) are enforced by tooling: a wrong
// import must fail `tsc -b` and eslint. These tests add such an import to the
// real tree, run the real tools, and remove it again.

const ROOT = path.resolve(__dirname, '../..');
const probes: string[] = [];

function probe(rel: string, source: string): string {
  const file = path.join(ROOT, rel);
  fs.writeFileSync(file, source);
  probes.push(file);
  return file;
}

function run(cmd: string, args: string[]): { status: number | null; output: string } {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

afterEach(() => {
  for (const f of probes.splice(0)) fs.rmSync(f, { force: true });
});

describe('process boundaries are checked by tooling', () => {
  it("typecheck refuses 'node:fs' in src/shared", () => {
    probe('src/shared/zzBoundaryProbe.ts', "import fs from 'node:fs';\nexport const probe = fs.existsSync('.');\n");
    const r = run('npx', ['tsc', '-b', 'tsconfig.shared.json']);
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/zzBoundaryProbe\.ts.*Cannot find module 'node:fs'/);
  });

  it('typecheck refuses an import of src/main from src/renderer', () => {
    probe('src/renderer/zzBoundaryProbe.ts', "import { createApp } from '../main/app';\nexport const probe = createApp;\n");
    const r = run('npx', ['tsc', '-b', 'tsconfig.renderer.json']);
    expect(r.output).toContain('zzBoundaryProbe');
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/zzBoundaryProbe\.ts|src\/main\/app\.ts/);
  });

  it('lint refuses both, and electron outside the shell, with messages that say where to go', () => {
    const shared = probe('src/shared/zzBoundaryProbe.ts', "import fs from 'node:fs';\nexport const probe = fs;\n");
    const renderer = probe('src/renderer/zzBoundaryProbe.ts', "import { createApp } from '../main/app';\nexport const probe = createApp;\n");
    const service = probe('src/main/zzBoundaryProbe.ts', "import { app } from 'electron';\nexport const probe = app;\n");
    const r = run('npx', ['eslint', '--no-warn-ignored', shared, renderer, service]);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('src/shared is pure TypeScript');
    expect(r.output).toContain('The renderer reaches src/main only through the contract');
    expect(r.output).toContain("Only the shell in src/main/electron imports 'electron'");
  });
});
