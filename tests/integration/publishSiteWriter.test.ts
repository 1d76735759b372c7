import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MANIFEST_FILE, SiteWriter } from '../../src/main/publish/siteWriter';

// The site folder's manifest is a file anyone can edit (or a previous,
// broken publish left): whatever it holds, a publish ends, writes its site,
// and removes nothing outside the folder or that the site did not write.

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-site-writer-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const pathLike = fc.oneof(
  fc.constantFrom('../outside.txt', '../../etc/passwd', '/etc/passwd', 'keep.txt', 'a/../../outside.txt', '', '.', 'C:\\x', 'index.html', 'assets/site.css'),
  fc.string({ maxLength: 30 }),
);

describe('SiteWriter with a hostile manifest', () => {
  it('ends, writes the site, and never removes a file outside it or one it did not list', () => {
    let n = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.dictionary(pathLike, fc.oneof(fc.record({ input: fc.string(), output: fc.string() }), fc.string(), fc.constant(null))).map((files) => JSON.stringify({ version: 1, files })),
          fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
        ),
        (manifest) => {
          const base = path.join(root, String(n++));
          const site = path.join(base, 'site');
          fs.mkdirSync(site, { recursive: true });
          fs.writeFileSync(path.join(base, 'outside.txt'), 'outside');
          fs.writeFileSync(path.join(site, 'keep.txt'), 'mine');
          fs.writeFileSync(path.join(site, MANIFEST_FILE), manifest);
          const w = new SiteWriter(site);
          w.write('index.html', 'i', '<!doctype html>');
          w.finish();
          expect(fs.readFileSync(path.join(base, 'outside.txt'), 'utf8')).toBe('outside');
          expect(fs.readFileSync(path.join(site, 'index.html'), 'utf8')).toBe('<!doctype html>');
          // keep.txt may go only when the manifest said the site wrote it.
          if (!manifest.includes('keep.txt')) expect(fs.existsSync(path.join(site, 'keep.txt'))).toBe(true);
          fs.rmSync(base, { recursive: true, force: true });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses to write a path that leaves the site folder', () => {
    const w = new SiteWriter(path.join(root, 'refuse'));
    for (const bad of ['../x.html', '/etc/x', 'a/../../x', '', 'a//b']) expect(() => w.write(bad, 'i', 'x'), bad).toThrow(/not a plain path/);
  });
});
