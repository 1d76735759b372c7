import path from 'node:path';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/main/app';
import type { Channel, Input, Output } from '../../src/shared/contract';
import { THEME_SETTINGS, applyThemeSetting, ownContrast, resetThemeSetting } from '../support/themeSettings';
import { SCREENSHOTS, startWebApp, type WebApp } from '../support/webApp';

// Issue 17 item 1: the colours of diff lines and search marks were declared
// for the light theme and for a dark system only, so dark chosen by hand on a
// light system put near-white text on a light background. Each colour is now
// declared once with light-dark(); this checks the computed contrast of both in
// all three settings and keeps screenshots of each.

let web: WebApp;
let app: App;
let page: Page;

async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as Output<C>;
}

const slug = (name: string): string => name.replace(/[^a-z]+/g, '-').replace(/-$/, '');

beforeAll(async () => {
  web = await startWebApp('colours', {}, {
    beforeOpen: async (started) => {
      ({ app, page } = started);
      const doc = await call('docs:create', { kind: 'rfc', title: 'Event bus for billing' });
      const moved = await call('docs:move', { id: doc.id, to: 'in-review' });
      await call('docs:update', { id: doc.id, baseRevision: moved.revision, body: `${moved.body}\n\nThe event bus carries domain events between services.\n`, fields: moved.fields });
    },
  });
});

afterAll(() => web?.close());

describe('theme colours in light, dark from the system and dark chosen by hand', () => {
  it('search marks in the library keep their contrast', async () => {
    await page.getByRole('searchbox', { name: 'Search documents' }).fill('event');
    await page.locator('.library .result-link mark').first().waitFor();
    const measured: Record<string, number> = {};
    for (const setting of THEME_SETTINGS) {
      await applyThemeSetting(page, setting);
      measured[setting.name] = await ownContrast(page, '.library .result-link mark');
      await page.screenshot({ path: path.join(SCREENSHOTS, `colours-search-${slug(setting.name)}.png`) });
    }
    await resetThemeSetting(page);
    for (const [name, ratio] of Object.entries(measured)) expect(ratio, name).toBeGreaterThanOrEqual(4.5);
  });

  it('diff lines in a version compare keep their contrast', async () => {
    await page.getByRole('link', { name: 'Event bus for billing' }).click();
    const versions = page.getByRole('region', { name: 'Versions' });
    await versions.getByRole('button', { name: /^Versions/ }).click();
    await versions.getByRole('list', { name: 'Versions' }).getByRole('button', { name: /Moved to In Review/ }).click();
    await versions.getByTestId('diff-inline').locator('ins.diff-added').first().waitFor();
    const measured: Record<string, number> = {};
    for (const setting of THEME_SETTINGS) {
      await applyThemeSetting(page, setting);
      measured[`${setting.name}, inline`] = await ownContrast(page, '[data-testid="diff-inline"] ins.diff-added');
    }
    await versions.getByRole('button', { name: 'Side by side' }).click();
    await versions.getByTestId('diff-side').locator('td.diff-line-added').first().waitFor();
    await versions.scrollIntoViewIfNeeded();
    for (const setting of THEME_SETTINGS) {
      await applyThemeSetting(page, setting);
      measured[`${setting.name}, side by side`] = await ownContrast(page, '[data-testid="diff-side"] td.diff-line-added');
      await versions.screenshot({ path: path.join(SCREENSHOTS, `colours-diff-${slug(setting.name)}.png`) });
    }
    await resetThemeSetting(page);
    for (const [name, ratio] of Object.entries(measured)) expect(ratio, name).toBeGreaterThanOrEqual(4.5);
  });
});
