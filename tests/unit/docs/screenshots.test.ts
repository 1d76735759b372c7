import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pngFileSize } from '../../support/images';

// The README's screenshots come from scripts/screenshots.ts: each one it
// shows exists in both themes, and none in docs/screenshots is left unlisted.
const ROOT = path.resolve(__dirname, '../../..');
const DIR = path.join(ROOT, 'docs', 'screenshots');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const referenced = [...readme.matchAll(/\]\((docs\/screenshots\/[^)]+\.png)\)/g)].map((m) => m[1]!);

describe('README screenshots', () => {
  it('lists every screenshot in docs/screenshots, in a light and a dark version', () => {
    expect(referenced).toContain('docs/screenshots/rfc-editor.png');
    const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.png'));
    expect(new Set(referenced.map((r) => path.basename(r)))).toEqual(new Set(files));
    for (const f of files.filter((x) => !x.endsWith('-dark.png'))) expect(files, f).toContain(f.replace(/\.png$/, '-dark.png'));
  });

  it('are real PNGs at the size the script takes them', () => {
    for (const rel of new Set(referenced)) expect(pngFileSize(path.join(ROOT, rel)), rel).toEqual({ width: 1280, height: 800 });
  });

  it('the script photographs exactly the screens the README shows', () => {
    const script = fs.readFileSync(path.join(ROOT, 'scripts', 'screenshots.ts'), 'utf8');
    const shot = [...script.matchAll(/shoot\(page, '([a-z-]+)'/g)].map((m) => m[1]!);
    expect(new Set(shot.flatMap((n) => [`${n}.png`, `${n}-dark.png`]))).toEqual(new Set(referenced.map((r) => path.basename(r))));
  });
});
