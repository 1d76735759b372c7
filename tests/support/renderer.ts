import fs from 'node:fs';
import path from 'node:path';

/** The built renderer that the web host serves. `npm test` builds it before vitest runs. */
export const RENDERER_DIR = path.resolve('dist/renderer');

/** Fails with the fix in the message when the renderer has not been built, instead of a puzzling 404. */
export function requireRenderer(): string {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`${RENDERER_DIR}/index.html is missing: run \`npm run build:renderer\` (or \`npm test\`, which builds first).`);
  }
  return RENDERER_DIR;
}
