import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Locator, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/main/app';
import { MERMAID_SKELETON } from '../../src/shared/markdown/mermaidSource';
import { CHROMIUM, CHROMIUM_ARGS, type Browser } from '../support/browser';
import { SCREENSHOTS, startWebApp, type WebApp } from '../support/webApp';
import { bodyBox } from '../support/bodyEditor';
import { selfSignedCert, startCountingServer, type CountingServer } from '../support/countingServer';


/** What the counting servers answer: an empty stylesheet (a diagram might ask for one). */
const CSS_ANSWER = { contentType: 'text/css', body: '', headers: { 'access-control-allow-origin': '*' } };

const GOOD = ['flowchart LR', '  Client[Client] --> Cache{In cache?}', '  Cache -- yes --> Done[Answer]', '  Cache -- no --> DB[(PostgreSQL)]', '  DB --> Done'].join('\n');

/** Hostile diagram sources; each sets window.__pwned (or asks a counting server for something) if anything gets through. */
function hostile(tls: string, plain: string): Record<string, string> {
  return {
    loose: ['%%{init: {"securityLevel": "loose", "htmlLabels": true, "startOnLoad": true, "themeCSS": "@import url(' + tls + '/init.css);"}}%%', 'flowchart LR', '  A["<b>bold</b> and #quot;quoted#quot;"] --> B', '  click A callback "window.__pwned=2"', '  click B href "javascript:window.__pwned=3"'].join('\n'),
    frontMatter: ['---', 'title: Looks harmless', 'config:', '  securityLevel: loose', `  themeCSS: "@import url(${tls}/front.css);"`, '---', 'flowchart LR', '  X --> Y'].join('\n'),
    img: `flowchart LR\n  A["<img src=${tls}/label.png onerror='window.__pwned=4'>"] --> B`,
    script: 'flowchart LR\n  A["<script>window.__pwned=5</script>"] --> B',
    handler: 'flowchart LR\n  A["<b onmouseover=\'window.__pwned=6\'>hover</b>"] --> B',
    entities: 'flowchart LR\n  A["#lt;img src=x onerror=window.__pwned=7#gt; &lt;img src=x onerror=window.__pwned=8&gt;"] --> B',
    style: `flowchart LR\n  A --> B\n  style A fill:url(${plain}/fill.png)`,
    shape: `flowchart LR\n  A@{ img: "${tls}/shape.png", label: "pic", pos: "t", h: 60 }`,
    syntax: 'flowchart LR\n  A --> \n  --> ((',
    huge: `flowchart LR\n${'  Node1 --> Node2\n'.repeat(1300)}`,
    edges: `flowchart LR\n${Array.from({ length: 600 }, (_, i) => `  n${i} --> n${i + 1}`).join('\n')}`,
  };
}

const fence = (source: string): string => '```mermaid\n' + source + '\n```';

let certDir: string;
let tls: CountingServer;
let plain: CountingServer;
let browser: Browser;
let web: WebApp;
let app: App;
let page: Page;
const requested: string[] = [];

beforeAll(async () => {
  certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-mermaid-'));
  tls = await startCountingServer(CSS_ANSWER, selfSignedCert(certDir));
  plain = await startCountingServer(CSS_ANSWER);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-profile-'));
  // The page trusts the test's certificate, so an https fetch would really reach the counting server (the CSP allows https: images).
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1280, height: 900 }, ignoreHTTPSErrors: true });
  browser = {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
  web = await startWebApp('mermaid', {}, {
    browser,
    beforeOpen: async ({ page: p }) => {
      p.on('request', (r) => requested.push(r.url()));
      // Every load the page's CSP blocks is counted too: the diagrams must not even try.
      await p.addInitScript(() => {
        const w = window as unknown as { __violations: string[] };
        w.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
    },
  });
  ({ app, page } = web);
  await web.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.host.url });
});

afterAll(async () => {
  await web?.close();
  await browser?.close();
  await tls?.close();
  await plain?.close();
  if (certDir) fs.rmSync(certDir, { recursive: true, force: true });
});

async function createRfc(title: string, body: string): Promise<string> {
  const created = await app.dispatch('docs:create', { kind: 'rfc', title });
  if (!created.ok) throw new Error(created.error.message);
  const doc = created.value as { id: string; revision: number };
  const updated = await app.dispatch('docs:update', { id: doc.id, baseRevision: doc.revision, body });
  if (!updated.ok) throw new Error(updated.error.message);
  return doc.id;
}

const editor = (): Locator => page.locator('article.editor');
const diagrams = (scope: Locator): Locator => scope.locator('[data-diagram]');

async function openDoc(id: string): Promise<void> {
  await page.evaluate((docId) => {
    history.pushState(null, '', `#doc/${docId}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, id);
  const title = app.documents.get(id).title;
  await editor().getByRole('heading', { name: title }).or(editor().getByRole('textbox', { name: 'Title', exact: true })).first().waitFor();
}

async function toReading(): Promise<Locator> {
  const button = editor().getByRole('button', { name: 'Reading view' });
  if (await button.count()) await button.click();
  const body = editor().locator('[data-reading-body]');
  await body.waitFor();
  return body;
}

/** Waits until every diagram in scope is drawn or shows its problem. */
async function settled(scope: Locator, count: number): Promise<void> {
  await expect.poll(() => diagrams(scope).count(), { timeout: 20_000 }).toBe(count);
  await expect.poll(() => diagrams(scope).evaluateAll((els) => els.every((e) => e.getAttribute('data-state') === 'drawn' || e.getAttribute('data-state') === 'error')), { timeout: 30_000 }).toBe(true);
}

const stateOf = (el: Locator): Promise<string | null> => el.getAttribute('data-state');
const shadowText = (el: Locator): Promise<string> => el.evaluate((e) => Array.from(e.shadowRoot?.children ?? []).filter((c) => c.tagName !== 'STYLE').map((c) => c.textContent).join(''));
const mermaidLoaded = (): boolean => requested.some((u) => /\/assets\/mermaid\.core-/.test(u));


describe('Mermaid diagrams', () => {
  it('load Mermaid only once a diagram is on screen, and draw it in the reading view as an image', async () => {
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    const plainId = await createRfc('No diagrams here', '## Summary\n\nJust text.\n');
    await openDoc(plainId);
    await (await toReading()).getByText('Just text.').waitFor();
    expect(mermaidLoaded()).toBe(false);

    const id = await createRfc('Cache in front of the database', `## Summary\n\nThe read path:\n\n${fence(GOOD)}\n\nAfter the diagram.\n`);
    await openDoc(id);
    const body = await toReading();
    await settled(body, 1);
    expect(mermaidLoaded()).toBe(true);
    const diagram = diagrams(body).first();
    expect(await stateOf(diagram)).toBe('drawn');
    const img = diagram.getByRole('img', { name: 'Diagram (flowchart)' });
    await expect.poll(() => img.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
    // The code block itself is not shown, the text around it is.
    expect(await body.locator('pre').first().isVisible()).toBe(false);
    await body.getByText('After the diagram.').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'mermaid-reading.png') });

    // The picture follows the theme.
    const light = await img.getAttribute('src');
    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    await expect.poll(() => diagram.getByRole('img').getAttribute('src')).not.toBe(light);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'mermaid-reading-dark.png') });
    await page.evaluate(() => delete document.documentElement.dataset.theme);
  });

  it('keep hostile sources from running script or fetching anything, and say why a diagram is not shown', async () => {
    const sources = hostile(tls.url, plain.url);
    const body = Object.entries(sources)
      .map(([name, src]) => `### ${name}\n\n${fence(src)}\n`)
      .join('\n');
    const id = await createRfc('Hostile diagrams', `## Summary\n\n${body}`);
    await openDoc(id);
    const reading = await toReading();
    const names = Object.keys(sources);
    await settled(reading, names.length);
    const byName = (name: string): Locator => diagrams(reading).nth(names.indexOf(name));

    // Directives and front matter configuration are taken out; the diagram itself still draws.
    expect(await stateOf(byName('loose'))).toBe('drawn');
    expect(await stateOf(byName('frontMatter'))).toBe('drawn');
    await byName('frontMatter').getByRole('img', { name: 'Diagram: Looks harmless' }).waitFor();
    // Hovering and clicking the drawn diagram does nothing: it is an image.
    await byName('loose').getByRole('img').hover();
    await byName('loose').getByRole('img').click();

    expect(await shadowText(byName('img'))).toContain('Diagram not shown. The diagram contains an HTML <img> element; a label may only use <br> <b> <i> <em> <strong> <u> <s> <sub> <sup> <small> <code>, without attributes.');
    expect(await shadowText(byName('script'))).toContain('an HTML <script> element');
    expect(await shadowText(byName('handler'))).toContain('an HTML <b> tag with attributes');
    // Entities stay text in the drawing.
    expect(await stateOf(byName('entities'))).toBe('drawn');
    expect(await shadowText(byName('style'))).toContain('a CSS url()');
    expect(await shadowText(byName('shape'))).toContain('The diagram gives a shape an img field');
    expect(await shadowText(byName('syntax'))).toMatch(/Diagram not shown\. The diagram could not be drawn: Parse error on line \d/);
    expect(await shadowText(byName('huge'))).toMatch(/The diagram is 23,413 characters long; a diagram may have at most 20,000\./);
    expect(await shadowText(byName('edges'))).toContain('Diagram not shown. The diagram has 500 or more links; a diagram may have at most 500.');
    // A diagram not shown still shows its source, as text.
    expect(await shadowText(byName('script'))).toContain('<script>window.__pwned=5</script>');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'mermaid-hostile.png'), fullPage: true });

    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(tls.hits).toEqual([]);
    expect(plain.hits).toEqual([]);
    expect(requested.filter((u) => u.startsWith(tls.url) || u.startsWith(plain.url))).toEqual([]);
    // Nothing a diagram did was blocked by the CSP either: the layers before it held. (The app's own
    // validation library probes once whether it may compile code; that probe is not a diagram's doing.)
    const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    expect(violations.filter((v) => v !== 'script-src eval')).toEqual([]);
    // The app is fine: it still navigates and nothing threw.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library', exact: true }).click();
    expect(web.problems).toEqual([]);
  });

  it('draw in the live preview while writing, in print, and stay the fenced block in Copy as Markdown', async () => {
    const id = await createRfc('Diagram while writing', '## Summary\n\nText.\n');
    await openDoc(id);
    // The one editor: the whole body in one textarea, the live preview beside it.
    const text = bodyBox(editor());
    // The toolbar's "Insert a diagram" puts a skeleton at the cursor, on lines of its own.
    await text.fill('## Summary\n\nText.');
    await text.press('Control+End');
    await editor().getByRole('button', { name: 'Insert a diagram' }).click();
    await expect.poll(() => text.inputValue()).toBe(`## Summary\n\nText.\n\n${MERMAID_SKELETON}\n\n`);
    await text.fill(`## Summary\n\nText.\n\n${fence('sequenceDiagram\n  Alice->>Bob: Hello')}\n`);
    await page.getByTestId('save-state').getByText('Saved').waitFor();
    const preview = editor().locator('.doc-preview');
    await settled(preview, 1);
    await diagrams(preview).getByRole('img', { name: 'Diagram (sequenceDiagram)' }).waitFor();

    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await page.getByText('Copied as Markdown.').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('\n```mermaid\nsequenceDiagram\n  Alice->>Bob: Hello\n```\n');

    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const printed = page.locator('.print-view');
    await settled(printed, 1);
    expect(await stateOf(diagrams(printed).first())).toBe('drawn');
    await expect(diagrams(printed).getByRole('img').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'mermaid-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(web.problems).toEqual([]);
  });

  it('Print / PDF waits until a diagram not drawn before is drawn', async () => {
    const id = await createRfc('Printed first', `## Summary\n\n${fence('pie title Readers\n  "Desktop" : 70\n  "Web" : 30')}\n`);
    await openDoc(id);
    // The editor shows no preview, so this diagram has never been drawn; the button's print must wait for it.
    await page.evaluate(() => {
      const w = window as unknown as { __printed?: (string | undefined)[] };
      window.print = () => void (w.__printed = Array.from(document.querySelectorAll<HTMLElement>('.print-view [data-diagram]')).map((e) => e.dataset.state));
    });
    await page.getByRole('button', { name: 'Print / PDF' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __printed?: string[] }).__printed), { timeout: 20_000 }).toEqual(['drawn']);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  });
});
