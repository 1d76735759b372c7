import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/main/app';
import { sampleBody, sampleDocuments } from '../../src/shared/samples/sampleDocuments';
import { THEME_SETTINGS, applyThemeSetting, resetThemeSetting, type ThemeSetting } from './themeSettings';
import { startWebApp, type WebApp } from './webApp';

// The accessibility scan, shared by tests/e2e/accessibility-*.test.ts: axe-core
// (through @axe-core/playwright) in three theme settings (light, dark from the
// system, dark chosen by hand on a light system), keeping findings of serious
// or critical impact. Each file scans a group of screens in its own workspace,
// so the groups run side by side; each lists the screens it must scan.

export const ADA = { name: 'Ada Lovelace', email: 'ada@example.test' };
export const GRACE = { name: 'Grace Hopper', email: 'grace@example.test' };

/** The axe rule tags every screen is scanned with. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Three settings per screen: a step scans up to three screens three times, longer than the e2e default allows on a busy machine. */
export const AXE_STEP_TIMEOUT = 360_000;

export interface Finding {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** One rule's violation as axe reports it. */
type Result = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/**
 * The axe rules whose outcome depends on colour. A theme setting changes
 * colours and nothing else (src/renderer/styles: one `color-scheme` per
 * setting, every colour a `light-dark()`; checked in
 * tests/integration/themeOnlyColours.test.ts), so the first setting gets
 * every rule and the other two these: the same findings for a third of the
 * time.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * axe's serious and critical violations on the page as it is, in
 * THEME_SETTINGS[index] (already applied): every rule of AXE_TAGS in the
 * first setting, the colour rules in the others. `include` narrows it to
 * parts of the page.
 */
export async function seriousViolations(page: Page, index: number, include: readonly string[] = []): Promise<Result[]> {
  const axe = new AxeBuilder({ page });
  for (const selector of include) axe.include(selector);
  const result = await (index === 0 ? axe.withTags(AXE_TAGS) : axe.withRules(COLOUR_RULES)).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export interface ThemedOptions {
  /** Narrows axe to these parts of the page. */
  include?: readonly string[];
  /** Runs once each setting is applied, before axe (a screenshot named by `setting.slug`). */
  each?: (setting: ThemeSetting) => Promise<unknown>;
}

/**
 * The page in each of the three theme settings, then back to light:
 * the serious and critical axe findings, one line each ([] when clean).
 */
export async function themedFindings(page: Page, options: ThemedOptions = {}): Promise<string[]> {
  const found: string[] = [];
  for (const [i, setting] of THEME_SETTINGS.entries()) {
    await applyThemeSetting(page, setting);
    await options.each?.(setting);
    for (const v of await seriousViolations(page, i, options.include)) {
      found.push(`${setting.name}: ${v.id}: ${v.help} ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(', ')}`);
    }
  }
  await resetThemeSetting(page);
  return found;
}

/** Scans the page as it is, in the three theme settings; returns the serious and critical findings. */
export async function scan(page: Page, screen: string): Promise<Finding[]> {
  const found: Finding[] = [];
  for (const [i, setting] of THEME_SETTINGS.entries()) {
    await applyThemeSetting(page, setting);
    for (const v of await seriousViolations(page, i)) {
      found.push({ screen: `${screen} (${setting.name})`, rule: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`) });
    }
  }
  await resetThemeSetting(page);
  return found;
}

/** The serious and critical findings so far, one block per rule and screen; '' when there are none. */
export function report(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.screen}: [${f.impact}] ${f.rule}: ${f.help}\n    ${f.targets.join('\n    ')}`).join('\n');
}

/** Throws unless a dispatched call succeeded; returns its value. */
export async function call(app: App, channel: string, input: unknown): Promise<unknown> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
}

const today = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * The workspace the first-run guide leaves behind when Ada starts from the
 * guided sample: her identity, one sample document of each kind made through
 * the same calls as the renderer's createSamples (src/renderer/store/prefsSlice.ts),
 * remembered as samples, and the guide finished.
 */
export async function seedSamples(app: App): Promise<void> {
  await call(app, 'identity:set', ADA);
  const ids: string[] = [];
  for (const sample of sampleDocuments(ADA.name, today())) {
    const doc = (await call(app, 'docs:create', { kind: sample.kind, title: sample.title })) as { id: string; revision: number; fields: Record<string, unknown> };
    ids.push(doc.id);
    await call(app, 'docs:update', { id: doc.id, baseRevision: doc.revision, body: sampleBody(sample), fields: { ...doc.fields, ...sample.fields } });
    if (sample.status) await app.dispatch('docs:move', { id: doc.id, to: sample.status });
  }
  await call(app, 'onboarding:rememberSamples', { ids });
  await call(app, 'onboarding:finish', {});
}

/**
 * Grace as a required reviewer of RFC-1, with a comment and a suggestion on
 * two passages of its first paragraph of prose; Ada stays the identity.
 */
export async function seedReview(app: App): Promise<void> {
  const rfc = app.documents.list('rfc').find((d) => d.number === 1)!;
  const body = app.documents.get(rfc.id).body;
  const words = (/\n([A-Z][^\n#|>`*-]{30,})\n/.exec(body)?.[1] ?? '').split(' ');
  const quote = (from: number): { section: string; quote: string; prefix: string; suffix: string } => ({ section: '', quote: words.slice(from, from + 3).join(' '), prefix: '', suffix: '' });
  await call(app, 'reviews:setReviewers', { docId: rfc.id, reviewers: [{ ...GRACE, required: true }] });
  await call(app, 'identity:set', GRACE);
  await call(app, 'reviews:comment', { docId: rfc.id, text: 'Why this?', anchor: quote(0) });
  await call(app, 'reviews:suggest', { docId: rfc.id, anchor: quote(4), replacement: 'something clearer' });
  await call(app, 'identity:set', ADA);
}

export interface AxeWorkspace {
  readonly web: WebApp;
  readonly page: Page;
  /** Scans the screen as it is now, in the three settings, and records it. */
  check(screen: string): Promise<void>;
  /** The findings so far (see report()); '' when there are none. */
  report(): string;
  /** A button of the main navigation. */
  nav(label: string): Locator;
  /** Opens a document's editor from the library. */
  openDoc(ref: string): Promise<void>;
  /** Registers the file's last test: it scanned exactly the screens it lists, in order (and prints any findings). */
  itScannedEveryScreen(): void;
}

/**
 * Registers the hooks that start one workspace and page for the calling file;
 * its tests walk it in order, each starting where the last one ended.
 * `start`: 'first-run' opens the first-run guide on an empty workspace;
 * 'samples' opens the library with the guided sample already made (seedSamples).
 * `screens`: every screen the file must scan, in order.
 */
export function axeWorkspace(name: string, start: 'first-run' | 'samples', screens: readonly string[]): AxeWorkspace {
  let web: WebApp | undefined;
  const findings: Finding[] = [];
  const scanned: string[] = [];
  const need = (): WebApp => {
    if (!web) throw new Error('the workspace is not started');
    return web;
  };
  const ws: AxeWorkspace = {
    get web() {
      return need();
    },
    get page() {
      return need().page;
    },
    check: async (screen) => {
      scanned.push(screen);
      findings.push(...(await scan(ws.page, screen)));
    },
    report: () => report(findings),
    nav: (label) => ws.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true }),
    openDoc: async (ref) => {
      await ws.nav('Library').click();
      await ws.page.getByTestId('doc-row').filter({ hasText: ref }).getByRole('link').click();
      await ws.page.getByRole('article', { name: `${ref} editor` }).waitFor();
    },
    itScannedEveryScreen: () => {
      it('scanned every screen', () => {
        if (findings.length) console.log(report(findings));
        expect(scanned).toEqual(screens);
      });
    },
  };

  beforeAll(async () => {
    const options = { fallbackIdentity: () => ADA, offerFirstRun: start === 'first-run', dispatch: { checkOutput: false } };
    web = await startWebApp(`axe-${name}`, options, { beforeOpen: start === 'samples' ? (w) => seedSamples(w.app) : undefined });
    if (start === 'samples') await web.page.getByTestId('doc-row').nth(3).waitFor();
  });
  afterAll(() => web?.close());

  return ws;
}
