import fs from 'node:fs';
import path from 'node:path';
import type { SourceFile } from '../../../../src/main/importExport/importedDoc';

/** Folder of the hand-written import fixtures: tests/fixtures/import/<format>/. */
export const FIXTURES = path.resolve(__dirname, '../../../fixtures/import');

/** A fixture file as the importer's scanner hands it to a parser (path relative to the format folder). */
export function fixtureFile(format: string, rel: string, withKepYaml = false): SourceFile {
  const abs = path.join(FIXTURES, format, rel);
  const text = fs.readFileSync(abs, 'utf8');
  if (!withKepYaml) return { path: rel, text };
  return { path: rel, text, kepYaml: fs.readFileSync(path.join(path.dirname(abs), 'kep.yaml'), 'utf8') };
}
