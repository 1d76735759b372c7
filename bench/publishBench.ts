// Figure 12 (docs/performance.md): `designdesk publish` of the whole corpus
// against the same Markdown library alone (unified + remark-gfm +
// rehype-sanitize) rendering the same files to HTML, side by side in one run;
// then a republish after one document changed.
import fs from 'node:fs';
import path from 'node:path';
import { createPlainRenderer } from '../src/main/publish/markdownHtml';
import { publishSite } from '../src/main/publish/publishSite';
import { readRepoSite } from '../src/main/publish/siteSources';
import { listFiles } from './measure';

export interface PublishSamples {
  /** Full publish into an empty folder (read the repository, render, index, feed, write). */
  full: number[];
  /** The Markdown library alone: read every document file, render it, write the HTML. */
  markdownOnly: number[];
  /** Republish after one document changed, into the folder of the last full publish. */
  republishOne: number[];
  rendered: number;
  written: number;
}

/** Runs the publish measures `reps` times, alternating ours and the reference so both see the same machine. */
export function runPublishBench(o: { root: string; exportDir: string; reps: number; log: (line: string) => void }): PublishSamples {
  const files = listFiles(o.exportDir).filter((f) => f.endsWith('.md') && f.includes('/') && !/\/README\.md$/i.test(f));
  const out: PublishSamples = { full: [], markdownOnly: [], republishOne: [], rendered: 0, written: 0 };
  for (let r = 0; r < o.reps; r++) {
    const plainDir = path.join(o.root, `plain-${r}`);
    fs.mkdirSync(plainDir, { recursive: true });
    let t0 = performance.now();
    const render = createPlainRenderer();
    for (const f of files) {
      const text = fs.readFileSync(path.join(o.exportDir, f), 'utf8');
      fs.writeFileSync(path.join(plainDir, `${path.basename(f, '.md')}.html`), render(text));
    }
    out.markdownOnly.push(performance.now() - t0);

    const site = path.join(o.root, `site-${r}`);
    t0 = performance.now();
    const first = publishSite(readRepoSite(o.exportDir), site);
    out.full.push(performance.now() - t0);
    out.rendered = first.rendered;
    o.log(`  rep ${r + 1}: publish ${(out.full.at(-1)! / 1000).toFixed(1)} s, Markdown alone ${(out.markdownOnly.at(-1)! / 1000).toFixed(1)} s`);

    // One document changes (a line appended to its body), then the same folder is published again.
    const changed = path.join(o.exportDir, files[r % files.length]!);
    const before = fs.readFileSync(changed, 'utf8');
    fs.writeFileSync(changed, `${before}\nA line added for republish ${r}.\n`);
    t0 = performance.now();
    const again = publishSite(readRepoSite(o.exportDir), site);
    out.republishOne.push(performance.now() - t0);
    out.written = again.written.length;
    fs.writeFileSync(changed, before);
    fs.rmSync(site, { recursive: true, force: true });
    fs.rmSync(plainDir, { recursive: true, force: true });
  }
  return out;
}
