// Figure 13 (issue 15, "Speed of typing"): how long a keystroke in the one
// document editor takes to reach the next animation frame, in Chromium, on a
// 6 KB and a 60 KB RFC: 60 keystrokes at the end of the document and 60 in
// the middle of its largest section, each measured from the input event's
// timeStamp to the requestAnimationFrame callback after it. Reference: the
// same keystrokes in a bare <textarea> in the same Chromium (the floor).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { RFC_SECTIONS } from '../src/shared/kinds/rfc';
import { splitSections } from '../src/shared/markdown/sections';
import { startWebHost } from '../src/main/web/webHost';
import { launchBrowser } from '../tests/support/browser';
import { requireRenderer } from '../tests/support/renderer';
import { call, openBenchApp } from './workspace';

export interface TypingSamples {
  /** Milliseconds from each keystroke's input event to the next frame, end and middle together. */
  small: number[];
  large: number[];
  /** The same keystrokes in a bare textarea. */
  bare: number[];
  sizes: { small: number; large: number };
}

/** Keys typed per place; a writer's pace: 80 ms apart, and a 400 ms pause after every 15th (the preview renders then). */
const KEYS = 60;
const GAP_MS = 80;
const PAUSE_EVERY = 15;
const PAUSE_MS = 400;
const TYPED = 'the quick brown fox jumps over the lazy dog and keeps running ';

const WORDS = 'latency queue worker shard replica index cache budget retry timeout schema migration rollout metric alert owner review draft'.split(' ');

/** A deterministic paragraph of about `chars` characters. */
function paragraph(seed: number, chars: number): string {
  const out: string[] = [];
  let n = seed;
  let len = 0;
  while (len < chars) {
    n = (n * 1103515245 + 12345) % 2 ** 31;
    const w = WORDS[n % WORDS.length]!;
    out.push(w);
    len += w.length + 1;
  }
  return `${out.join(' ')}.`;
}

/**
 * An RFC body of about `bytes`: every template section with paragraphs, a
 * list, a table and a code block, the largest share in Architecture Overview
 * (as real RFCs put most of their words in the design).
 */
export function rfcBody(bytes: number): string {
  // Blocks overshoot each section's share: one correction brings the whole within a few percent of `bytes`.
  const first = rfcBodyOf(bytes);
  return rfcBodyOf(Math.floor((bytes * bytes) / first.length));
}

function rfcBodyOf(bytes: number): string {
  const parts: string[] = [];
  RFC_SECTIONS.forEach((s, i) => {
    const share = s.heading === 'Architecture Overview' ? 0.35 : 0.65 / (RFC_SECTIONS.length - 1);
    const target = Math.floor(bytes * share);
    const blocks: string[] = [];
    let size = 0;
    let k = 0;
    while (size < target) {
      const kind = k % 5;
      const block =
        kind === 3
          ? `- ${paragraph(i * 97 + k, 60)}\n- ${paragraph(i * 89 + k, 60)}\n- ${paragraph(i * 83 + k, 60)}`
          : kind === 4 && k % 10 === 4
            ? `| option | cost | risk |\n| --- | --- | --- |\n| ${paragraph(k, 12)} | ${k} | low |\n| ${paragraph(k + 1, 12)} | ${k + 2} | high |`
            : kind === 4
              ? `\`\`\`ts\nexport function step${k}(input: string): number {\n  return input.length * ${k};\n}\n\`\`\``
              : paragraph(i * 131 + k, Math.min(400, Math.max(60, Math.floor(target / 3))));
      blocks.push(block);
      size += block.length + 2;
      k++;
    }
    parts.push(`${'#'.repeat(s.depth)} ${s.heading}\n\n${blocks.join('\n\n')}\n\n`);
  });
  return parts.join('');
}

/** Where the bench types: the end of the body, and the middle of its largest section (at a line end there). */
function places(body: string): { end: number; middle: number } {
  const sections = splitSections(body);
  let at = 0;
  let best = { start: 0, length: -1 };
  for (const s of sections) {
    const length = s.headingLine.length + s.content.length;
    if (length > best.length) best = { start: at, length };
    at += length;
  }
  const mid = body.indexOf('\n', best.start + Math.floor(best.length / 2));
  return { end: body.replace(/\s+$/, '').length, middle: mid < 0 ? body.length : mid };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Installs the probe: each input event's timeStamp to the next animation frame, into window.__typing. */
async function probe(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const w = window as unknown as { __typing: number[] };
    w.__typing = [];
    document.querySelector(sel)!.addEventListener('input', (e) => {
      const t = e.timeStamp;
      requestAnimationFrame(() => w.__typing.push(performance.now() - t));
    });
  }, selector);
}

/** Types KEYS keys at `offset` in the textarea at `selector`; returns the probe's samples. */
async function typeAt(page: Page, selector: string, offset: number): Promise<number[]> {
  await page.evaluate(
    ({ sel, at }) => {
      const t = document.querySelector<HTMLTextAreaElement>(sel)!;
      t.focus();
      t.setSelectionRange(at, at);
      (window as unknown as { __typing: number[] }).__typing = [];
    },
    { sel: selector, at: offset },
  );
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.type(TYPED[i % TYPED.length]!);
    await pause(GAP_MS);
    if ((i + 1) % PAUSE_EVERY === 0) await pause(PAUSE_MS);
  }
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() => (window as unknown as { __typing: number[] }).__typing.slice());
}

const EDITOR_TEXTAREA = '[data-body-editor] textarea';

/** Opens a document in the editor and types at its end and in the middle of its largest section. */
async function typeInEditor(page: Page, id: string, body: string): Promise<number[]> {
  await page.evaluate((hash) => (location.hash = hash), `#doc/${id}`);
  await page.locator(EDITOR_TEXTAREA).waitFor({ timeout: 60_000 });
  await page.waitForFunction((sel) => (document.querySelector<HTMLTextAreaElement>(sel)?.value.length ?? 0) > 1000, EDITOR_TEXTAREA);
  await pause(1000);
  await probe(page, EDITOR_TEXTAREA);
  const { end, middle } = places(body);
  const atEnd = await typeAt(page, EDITOR_TEXTAREA, end);
  const inMiddle = await typeAt(page, EDITOR_TEXTAREA, middle);
  return [...atEnd, ...inMiddle];
}

/** Figure 13: typing in the one editor on a 6 KB and a 60 KB RFC, and in a bare textarea for reference. */
export async function runTypingBench(o: { root: string; reps: number; log: (line: string) => void }): Promise<TypingSamples> {
  const dir = path.join(o.root, 'typing');
  fs.mkdirSync(dir, { recursive: true });
  const app = openBenchApp(dir);
  const small = rfcBody(6 * 1024);
  const large = rfcBody(62 * 1024); // lands at about 60 KB
  const ids: string[] = [];
  for (const [title, body] of [['Typing, 6 KB', small], ['Typing, 60 KB', large]] as const) {
    const doc = await call(app, 'docs:create', { kind: 'rfc', title });
    await call(app, 'docs:update', { id: doc.id, baseRevision: doc.revision, body });
    ids.push(doc.id);
  }
  const host = await startWebHost({ dispatch: app.dispatch, staticDir: requireRenderer() });
  const browser = await launchBrowser();
  const out: TypingSamples = { small: [], large: [], bare: [], sizes: { small: small.length, large: large.length } };
  try {
    for (let r = 0; r < o.reps; r++) {
      const page = await browser.context.newPage();
      await page.goto(host.openUrl);
      await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor({ timeout: 60_000 });
      const s = await typeInEditor(page, ids[0]!, small);
      const l = await typeInEditor(page, ids[1]!, large);
      await page.close();
      const bare = await browser.context.newPage();
      await bare.setContent('<textarea id="bare" style="width:600px;height:600px"></textarea>');
      await bare.evaluate((text) => ((document.getElementById('bare') as HTMLTextAreaElement).value = text), large);
      await probe(bare, '#bare');
      const p = places(large);
      const b = [...(await typeAt(bare, '#bare', p.end)), ...(await typeAt(bare, '#bare', p.middle))];
      await bare.close();
      out.small.push(...s);
      out.large.push(...l);
      out.bare.push(...b);
      o.log(`  typing ${r + 1}/${o.reps}: ${s.length} + ${l.length} keystrokes measured`);
    }
  } finally {
    await browser.close();
    await host.close();
    app.close();
  }
  return out;
}
