import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM module without types
import { MAIN_LAYERS } from '../../scripts/eslint-boundaries.js';

// The process boundaries and the layers of src/main (docs/adr/0001) are
// enforced by tooling: a wrong import must fail the typecheck and lint. These
// tests hand the real compiler and the real lint configuration a probe module
// that lives only in memory, so nothing is written into src/.

const ROOT = path.resolve(__dirname, '../..');

/** Typechecks one in-memory module as part of a tsconfig project; the diagnostics as tsc prints them. */
function typecheckProbe(config: string, rel: string, source: string): string {
  const probe = path.join(ROOT, rel);
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, config), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`cannot read ${config}`);
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, lang, ...rest) => (path.resolve(f) === probe ? ts.createSourceFile(f, source, lang) : getSourceFile(f, lang, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (f) => path.resolve(f) === probe || fileExists(f);
  const program = ts.createProgram({ rootNames: [...parsed.fileNames, probe], options: { ...parsed.options, noEmit: true }, projectReferences: parsed.projectReferences, host });
  const sf = program.getSourceFile(probe)!;
  const diagnostics = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
  return ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' });
}

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The lint messages the project's configuration gives a module at `rel` with this source. */
async function lintProbe(rel: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, rel) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('process boundaries are checked by tooling', () => {
  it("typecheck refuses 'node:fs' in src/shared", () => {
    const out = typecheckProbe('tsconfig.shared.json', 'src/shared/zzBoundaryProbe.ts', "import fs from 'node:fs';\nexport const probe = fs.existsSync('.');\n");
    expect(out).toMatch(/zzBoundaryProbe\.ts.*Cannot find module 'node:fs'/);
  }, 120_000);

  it('typecheck refuses an import of src/main from src/renderer', () => {
    const out = typecheckProbe('tsconfig.renderer.json', 'src/renderer/zzBoundaryProbe.ts', "import { createApp } from '../main/app';\nexport const probe = createApp;\n");
    expect(out).toMatch(/zzBoundaryProbe\.ts.*src\/main\/app\.ts' is not listed within the file list of project/);
  }, 120_000);

  it('typecheck accepts the same probes where they belong', () => {
    expect(typecheckProbe('tsconfig.shared.json', 'src/shared/zzBoundaryProbe.ts', "import { displayRef } from './kinds/kinds';\nexport const probe = displayRef('rfc', 1);\n")).toBe('');
  }, 120_000);

  it('lint refuses both, and electron outside the shell, with messages that say where to go', async () => {
    expect(await lintProbe('src/shared/zzBoundaryProbe.ts', "import fs from 'node:fs';\nexport const probe = fs;\n")).toEqual([
      expect.stringContaining('src/shared is pure TypeScript'),
    ]);
    expect(await lintProbe('src/renderer/zzBoundaryProbe.ts', "import { createApp } from '../main/app';\nexport const probe = createApp;\n")).toEqual([
      expect.stringContaining('The renderer reaches src/main only through the contract'),
    ]);
    for (const where of ['src/main/zzBoundaryProbe.ts', 'src/main/services/zzBoundaryProbe.ts', 'src/main/cli/zzBoundaryProbe.ts']) {
      expect(await lintProbe(where, "import { app } from 'electron';\nexport const probe = app;\n"), where).toEqual([
        expect.stringContaining("Only the shell in src/main/electron imports 'electron'"),
      ]);
    }
    expect(await lintProbe('src/main/electron/zzBoundaryProbe.ts', "import { app } from 'electron';\nexport const probe = app;\n")).toEqual([]);
  });
});

describe('src/main is layered: store, services, sync/import/export/publish, api, hosts', () => {
  it('names every folder of src/main in a layer (log is the leaf every layer may use)', () => {
    const named = (MAIN_LAYERS as { folders: string[] }[]).flatMap((l) => l.folders);
    const folders = fs.readdirSync(path.join(ROOT, 'src/main'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((f) => f !== 'log' && !named.includes(f))).toEqual([]);
  });

  /** An import of every export of `from`, used, so that only the boundary rule can object. */
  const probe = (from: string) => `import * as probe from '${from}';\nexport { probe };\n`;
  const upward: [string, string][] = [
    ['src/main/store/zzProbe.ts', '../services/documentService'],
    ['src/main/store/migrations/zzProbe.ts', '../../sync/syncService'],
    ['src/main/services/zzProbe.ts', '../sync/reviewRecordSet'],
    ['src/main/services/zzProbe.ts', '../importExport/lint'],
    ['src/main/sync/zzProbe.ts', '../api/dispatch'],
    ['src/main/importExport/zzProbe.ts', '../app'],
    ['src/main/api/handlers/zzProbe.ts', '../../workspace'],
    ['src/main/api/zzProbe.ts', '../cli/cli'],
  ];
  it.each(upward)('%s may not import %s', async (where, from) => {
    const messages = await lintProbe(where, probe(from));
    expect(messages).toEqual([expect.stringMatching(/no-restricted-imports: .* src\/main is layered store < services < sync, import\/export and publish < api < hosts/)]);
  });

  const downward: [string, string][] = [
    ['src/main/services/zzProbe.ts', '../store/openDatabase'],
    ['src/main/sync/zzProbe.ts', '../services/documentService'],
    ['src/main/sync/zzProbe.ts', '../importExport/lint'],
    ['src/main/sync/zzProbe.ts', '../../shared/sync/repoLayout'],
    ['src/main/api/zzProbe.ts', '../sync/syncService'],
    ['src/main/cli/zzProbe.ts', '../app'],
    ['src/main/store/zzProbe.ts', '../log/logger'],
  ];
  it.each(downward)('%s may import %s', async (where, from) => {
    expect(await lintProbe(where, probe(from))).toEqual([]);
  });
});
