import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/main/app';
import type { Result } from '../../src/shared/errors';
import { startWebApp, type WebApp } from '../support/webApp';

// Hostile Markdown: documents arrive from other people's pushes and imports.
// Every payload below tries to run script (each calls alert() or sets
// window.__xss); they are placed in titles, section bodies, comments and
// their quotes, matrix names and notes, postmortem timelines and action
// items, ADR fields and imported files, seeded through dispatch. The test
// opens each document, switches every section to preview, renders the print
// view (the whole document as Markdown, fields included), the library and
// the search results, then checks that nothing ran (no dialog, no flag, no
// CSP script violation) and that the DOM holds no event-handler attribute,
// no script-capable URL and no script, iframe, object or embed element.

const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<SCRIPT SRC=data:text/javascript,window.__xss=1></SCRIPT>',
  '<scr<script>ipt>window.__xss=1</scr</script>ipt>',
  '<img src=x onerror="window.__xss=1">',
  '<IMG SRC=x OnErRoR=alert(1)>',
  '<img src=`x` onerror=alert(1)>',
  '<img src=x:alert(alt) onerror=eval(src) alt=1>',
  '"><img src=x onerror=alert(1)>',
  '<img src="x"\nonerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>window.__xss=1</script></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="9" y="9">svg link</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '[md link](javascript:alert(1))',
  '[mixed case](JaVaScRiPt:window.__xss=1)',
  '[angle](<javascript:alert(1)>)',
  '[entity](&#106;avascript:alert(1))',
  '[tab entity](java&#x09;script:alert(1))',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![image](javascript:alert(1))',
  '![attr](x" onerror="alert(1))',
  '<a href="javascript:window.__xss=1">html link</a>',
  '<a href="&#x6A;avascript&#x3A;alert(1)">entity link</a>',
  '<a href="jav&#x09;ascript:alert(1)">tab link</a>',
  '<a href="data:text/html,<script>alert(1)</script>">data link</a>',
  '<a href="vbscript:msgbox(1)">vb link</a>',
  '<a href="#" onclick="window.__xss=1">click me</a>',
  '<details open ontoggle=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<body onload=alert(1)>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<div style="background:url(javascript:alert(1))">css url</div>',
  '<style>*{background:url("javascript:alert(1)")}</style>',
  '<style>@import "javascript:alert(1)";</style>',
  '<link rel=stylesheet href="javascript:alert(1)">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<video><source onerror="alert(1)"></video>',
  '<audio src=x onerror=alert(1)>',
  '<marquee onstart=alert(1)>marquee</marquee>',
  '<x-widget onclick=alert(1)>custom</x-widget>',
  '<div onmouseover="window.__xss=1">hover</div>',
  '<table background="javascript:alert(1)"><tr><td>t</td></tr></table>',
  '<template><script>alert(1)</script></template>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  "'';!--\"<XSS>=&{()}",
];

const ADA = { name: 'Ada Lovelace', email: 'ada@example.test' };
const SCREENSHOT = path.resolve('test-results/screenshots/xss-hostile-markdown.png');

let web: WebApp;
let dir: string;
let app: App;
let page: Page;
const dialogs: string[] = [];
const rich: { id: string; what: string }[] = [];

async function call<T>(channel: string, input: unknown): Promise<T> {
  const r = (await app.dispatch(channel, input)) as Result<T>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

const short = (p: string): string => p.slice(0, 120);
const body = (payloads: string[], headings: string[]): string => headings.map((h, i) => `## ${h}\n\n${payloads.filter((_, j) => j % headings.length === i).join('\n\n')}\n\ninline ${payloads[i % payloads.length]} text\n`).join('\n');

async function seed(): Promise<void> {
  // One small RFC per payload: the title alone (library, search, print view).
  for (const p of PAYLOADS) {
    const d = await call<{ id: string }>('docs:create', { kind: 'rfc', title: short(`XSS ${p}`) });
    void d;
  }
  // An RFC with every payload in its sections, and in comments and their quotes.
  const rfc = await call<{ id: string; revision: number; body: string }>('docs:create', { kind: 'rfc', title: PAYLOADS[3] });
  const rfcBody = body(PAYLOADS, ['Summary', 'Motivation', 'Detailed Design', 'Alternatives Considered', 'Security Considerations', 'Open Questions']);
  await call('docs:update', { id: rfc.id, baseRevision: rfc.revision, body: rfcBody });
  for (const p of PAYLOADS) await call('reviews:comment', { docId: rfc.id, text: p, anchor: { section: 'Summary', quote: p, prefix: '', suffix: '' } });
  rich.push({ id: rfc.id, what: 'RFC (sections, comments)' });

  // A decision matrix: requirements, criteria and option names, rating notes, decision text.
  const dm = await call<{ id: string; revision: number; fields: Record<string, unknown> }>('docs:create', { kind: 'matrix', title: PAYLOADS[9] });
  const criteria = PAYLOADS.slice(0, 25).map((p, i) => ({ id: `c${i}`, name: short(p), weight: 1 }));
  const options = PAYLOADS.slice(25, 45).map((p, i) => ({ id: `o${i}`, name: short(p) }));
  const ratings = Object.fromEntries(criteria.map((c, i) => [c.id, Object.fromEntries(options.map((o, j) => [o.id, { rating: 'good', note: short(PAYLOADS[(i + j) % PAYLOADS.length]!) }]))]));
  await call('docs:update', {
    id: dm.id,
    baseRevision: dm.revision,
    body: body(PAYLOADS, ['Context', 'Notes']),
    fields: { ...dm.fields, requirements: PAYLOADS, criteria, options, ratings, decision: PAYLOADS.slice(0, 20).join('\n'), rationale: PAYLOADS.join('\n\n'), revisitWhen: short(PAYLOADS[0]!) },
  });
  rich.push({ id: dm.id, what: 'decision matrix' });

  // A postmortem: timeline events, action items, attendees.
  const pm = await call<{ id: string; revision: number; fields: Record<string, unknown> }>('docs:create', { kind: 'postmortem', title: PAYLOADS[10] });
  await call('docs:update', {
    id: pm.id,
    baseRevision: pm.revision,
    body: body(PAYLOADS, ['Summary', 'Root Cause', 'Lessons Learned']),
    fields: {
      ...pm.fields,
      attendees: PAYLOADS.slice(0, 20).map(short),
      timeline: PAYLOADS.map((p, i) => ({ id: `t${i}`, time: `${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`, event: p })),
      actionItems: PAYLOADS.slice(0, 40).map((p, i) => ({ id: `a${i}`, action: p, owner: short(PAYLOADS[(i + 7) % PAYLOADS.length]!), due: '', status: 'open' })),
    },
  });
  rich.push({ id: pm.id, what: 'postmortem' });

  // An ADR with hostile people and tags.
  const adr = await call<{ id: string; revision: number; fields: Record<string, unknown> }>('docs:create', { kind: 'adr', title: PAYLOADS[16] });
  await call('docs:update', { id: adr.id, baseRevision: adr.revision, body: body(PAYLOADS, ['Context and Problem Statement', 'Decision Outcome']), fields: { ...adr.fields, decisionMakers: PAYLOADS.slice(0, 10).map(short), consulted: PAYLOADS.slice(10, 20).map(short), tags: ['<b>x</b>', '"><svg onload=alert(1)>'] } });
  rich.push({ id: adr.id, what: 'ADR' });

  // Imported files: a MADR folder whose titles and bodies are hostile.
  const src = path.join(dir, 'import-src');
  fs.mkdirSync(src);
  fs.writeFileSync(path.join(src, '0001-hostile.md'), `# ${PAYLOADS[4]}\n\n* Status: accepted\n* Deciders: ${PAYLOADS[5]}\n* Date: 2026-01-02\n\n## Context and Problem Statement\n\n${PAYLOADS.slice(0, 27).join('\n\n')}\n\n## Decision Outcome\n\n${PAYLOADS.slice(27).join('\n\n')}\n`);
  fs.writeFileSync(path.join(src, '0002-front-matter.md'), `---\nstatus: proposed\ndate: 2026-01-03\ndecision-makers: ["${PAYLOADS[3]!.replace(/"/g, '\\"')}"]\n---\n# ${PAYLOADS[19]}\n\n## Context and Problem Statement\n\n${PAYLOADS.join('\n\n')}\n`);
  const report = app.importer.importPath(src);
  for (const e of report.entries.filter((x) => x.action !== 'skipped')) if (e.id) rich.push({ id: e.id, what: `imported ${e.path ?? ''}` });
  expect(rich.filter((r) => r.what.startsWith('imported'))).toHaveLength(2);
}

beforeAll(async () => {
  web = await startWebApp('xss', { fallbackIdentity: () => ADA, dispatch: { checkOutput: false } }, {
    beforeOpen: async (started) => {
      ({ dir, app, page } = started);
      await seed();
      await page.addInitScript(() => {
        const w = window as unknown as { __xss: number; __violations: string[] };
        w.__xss = 0;
        w.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`));
      });
      page.on('dialog', (d) => {
        dialogs.push(`${d.type()}: ${d.message()}`);
        void d.dismiss();
      });
    },
  });
  await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
});

afterAll(() => web?.close());

/** Everything in the DOM that could run script, described; [] when clean. */
async function scriptableNodes(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const found: string[] = [];
    const URL_ATTRS = ['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'background', 'poster', 'srcdoc', 'lowsrc', 'dynsrc'];
    const appScripts = new Set(Array.from(document.querySelectorAll('head script[src]')));
    // Where user text is rendered as Markdown (the app's own forms live elsewhere).
    const RENDERED = '.wmde-markdown, .print-view, .thread-text, .thread-quote';
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (['iframe', 'object', 'embed', 'frame', 'frameset'].includes(tag)) found.push(`<${tag}>`);
      if (['base', 'meta', 'form', 'link', 'input', 'button', 'video', 'audio', 'source', 'math', 'template', 'noscript'].includes(tag) && el.closest(RENDERED)) found.push(`<${tag}> in rendered Markdown`);
      if (tag === 'script' && !appScripts.has(el)) found.push(`<script>${(el.textContent ?? '').slice(0, 40)}`);
      if (tag === 'style' && !el.closest('head') && /javascript:|@import/i.test(el.textContent ?? '')) found.push(`<style>${(el.textContent ?? '').slice(0, 40)}`);
      for (const attr of el.getAttributeNames()) {
        const value = el.getAttribute(attr) ?? '';
        if (/^on/i.test(attr)) found.push(`<${tag} ${attr}="${value.slice(0, 40)}">`);
        if (URL_ATTRS.includes(attr.toLowerCase())) {
          const squashed = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
          if (/^(javascript|vbscript|data:text\/html|data:text\/javascript)/.test(squashed.replace(/^data:/, 'data:'))) found.push(`<${tag} ${attr}="${value.slice(0, 40)}">`);
        }
        if (attr === 'style' && /javascript:|expression\(/i.test(value)) found.push(`<${tag} style="${value.slice(0, 40)}">`);
      }
    }
    return found;
  });
}

async function trapState(p: Page): Promise<{ xss: number; violations: string[] }> {
  return p.evaluate(() => {
    const w = window as unknown as { __xss: number; __violations: string[] };
    // zod probes once whether eval is allowed (try { Function('') }); the CSP refuses it and zod falls back: not a payload.
    return { xss: w.__xss, violations: w.__violations.filter((v) => /^script-src|^object-src|^frame-src|^default-src/.test(v) && !/^script-src eval $/.test(v)) };
  });
}

async function openDoc(id: string): Promise<void> {
  await page.evaluate((docId) => {
    history.pushState(null, '', `#doc/${docId}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, id);
  // Wait for this document's editor, not the previous one's.
  const title = app.documents.get(id).title;
  await expect.poll(() => page.getByRole('textbox', { name: 'Title', exact: true }).inputValue(), { timeout: 15_000 }).toBe(title);
}

describe('hostile Markdown in Chromium', () => {
  it(`renders ${PAYLOADS.length} payloads in every place without running any of them`, async () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(40);
    const problems: string[] = [];
    const check = async (where: string): Promise<void> => {
      await page.waitForTimeout(300); // let onerror/onload and autofocus fire if anything got through
      const nodes = await scriptableNodes(page);
      const trap = await trapState(page);
      if (nodes.length) problems.push(`${where}: ${nodes.slice(0, 8).join(' | ')}`);
      if (trap.xss) problems.push(`${where}: window.__xss was set`);
      if (trap.violations.length) problems.push(`${where}: CSP blocked ${trap.violations.slice(0, 3).join(' | ')}`);
    };

    // The library lists every hostile title; the search shows them with highlighted snippets.
    await page.getByTestId('doc-row').first().waitFor();
    await check('library');
    await page.getByRole('searchbox', { name: 'Search documents' }).or(page.getByLabel('Search documents')).first().fill('XSS img onerror');
    await page.waitForTimeout(800);
    await check('search results');
    await page.getByLabel('Search documents').first().fill('');

    for (const doc of rich) {
      await openDoc(doc.id);
      // The reading view renders the whole body at once, with comment highlights (the comments quote payloads too).
      await page.getByRole('button', { name: 'Reading view' }).click();
      await page.locator('[data-reading-body]').waitFor();
      await check(`${doc.what}: reading view`);
      await page.getByRole('button', { name: 'Back to editing' }).click();
      // The one editor's live preview renders the body section by section.
      await page.locator('[data-body-editor] .w-md-editor-preview').waitFor();
      await check(`${doc.what}: the editor's live preview`);
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.locator('.print-view').waitFor({ state: 'attached' });
      await check(`${doc.what}: print view`);
      if (doc === rich[0]) {
        // The comments render too, and the preview really shows the payloads as text or harmless markup.
        expect(await page.locator('.thread-text').count()).toBeGreaterThanOrEqual(PAYLOADS.length);
        expect(await page.locator('[data-body-editor] .wmde-markdown').count()).toBeGreaterThan(3);
        await page.screenshot({ path: SCREENSHOT, fullPage: false });
      }
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    }
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss: number }).__xss)).toBe(0);

    // The detectors are live: markup planted past the sanitizer is found, and the CSP reports its handler.
    await page.evaluate(() => {
      const host = document.querySelector('.wmde-markdown')!;
      host.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.__xss=1"><a href=" javascript:alert(1)">x</a><form></form>');
    });
    await page.waitForTimeout(300);
    expect(await scriptableNodes(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^<img onerror=/), expect.stringMatching(/^<a href=" javascript/), '<form> in rendered Markdown']));
    const canary = await trapState(page);
    expect(canary.xss).toBe(0); // the CSP stopped the planted handler
    expect(canary.violations.join('\n')).toMatch(/script-src-attr inline/);
  });
});
