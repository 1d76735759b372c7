// Bundles a Node entry of the bench the way scripts/build-main.mjs bundles the
// app (esbuild, CommonJS, better-sqlite3 and electron external), into
// node_modules/.cache/designdesk-bench: the measured processes then run the
// app's code as it ships, without tsx's loader in their time or memory.
import path from 'node:path';
import fs from 'node:fs';
import { build } from 'esbuild';

export const BUNDLE_DIR = path.resolve('node_modules/.cache/designdesk-bench');

/** Bundles `entry` to <BUNDLE_DIR>/<folder>/<name>.cjs and returns that path. */
export async function bundle(entry: string, name: string, folder = 'main'): Promise<string> {
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string };
  const outdir = path.join(BUNDLE_DIR, folder);
  await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron', 'better-sqlite3'],
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    logLevel: 'warning',
    keepNames: true,
    entryPoints: { [name]: entry },
    outdir,
    outExtension: { '.js': '.cjs' },
  });
  return path.join(outdir, `${name}.cjs`);
}
