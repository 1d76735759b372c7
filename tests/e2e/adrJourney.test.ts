import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/main/app';
import { startWebApp, type WebApp } from '../support/webApp';
import { fillSection, sectionValue, waitForSection } from '../support/bodyEditor';

const SCREENSHOTS = path.resolve('test-results/screenshots');

let app: App;
let page: Page;

let web: WebApp;

beforeAll(async () => {
  web = await startWebApp('adr');
  ({ app, page } = web);
  
});

afterAll(() => web?.close());

async function newAdr(): Promise<void> {
  await page.getByRole('button', { name: 'New document of another kind' }).click();
  await page.getByRole('menuitem', { name: 'New ADR' }).click();
}

function editor(ref: string) {
  return page.getByRole('article', { name: `${ref} editor` });
}

async function expectSaved(): Promise<void> {
  await page.getByTestId('save-state').getByText('Saved', { exact: true }).waitFor();
}

async function addNames(label: string, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: label, exact: true });
  await box.fill(text);
  await box.press('Enter');
}

describe('ADR journey (MADR 4, supersede links both ways)', () => {
  it('writes two ADRs, supersedes the first from the second, and both sides show it after a reload', async () => {
    // ADR-1: title, MADR front matter, context, then accept it.
    await newAdr();
    const one = editor('ADR-1');
    await one.waitFor();
    await one.getByRole('textbox', { name: 'Title', exact: true }).fill('Use MySQL for the catalogue');
    await one.getByLabel('Date', { exact: true }).fill('2026-03-02');
    await addNames('Decision-makers', 'Grace Hopper, Linus');
    await addNames('Consulted', 'DBA guild');
    await addNames('Informed', 'Platform team, Support');
    await fillSection(one, 'Context and Problem Statement', 'The catalogue needs a relational store the team already runs.');
    const decisionMakers = one.getByRole('list', { name: 'Decision-makers' });
    const chipNames = async (): Promise<string[]> => (await decisionMakers.getByRole('listitem').allInnerTexts()).map((t) => t.replace('×', '').trim());
    expect(await chipNames()).toEqual(['Ada Lovelace', 'Grace Hopper', 'Linus']);
    // A chip goes away with its × button, and comes back by typing it.
    await decisionMakers.getByRole('button', { name: 'Remove Linus from Decision-makers' }).click();
    expect(await chipNames()).toEqual(['Ada Lovelace', 'Grace Hopper']);
    await addNames('Decision-makers', 'Linus');
    expect(await chipNames()).toEqual(['Ada Lovelace', 'Grace Hopper', 'Linus']);
    // MADR sections are laid out with their hints.
    await expect(one.getByRole('heading', { name: 'Decision Drivers' }).isVisible()).resolves.toBe(true);
    await expect(one.getByRole('heading', { name: 'Confirmation', level: 3 }).isVisible()).resolves.toBe(true);
    await expectSaved();
    await one.getByRole('button', { name: 'Accepted', exact: true }).click();
    await one.getByTestId('status-badge').getByText('Accepted').waitFor();

    // ADR-2: a newer decision that replaces ADR-1.
    await newAdr();
    const two = editor('ADR-2');
    await two.waitFor();
    await two.getByRole('textbox', { name: 'Title', exact: true }).fill('Use PostgreSQL for the catalogue');
    await fillSection(two, 'Context and Problem Statement', 'MySQL lacks the JSON indexing the catalogue now needs.');
    await expectSaved();
    const links = two.getByRole('region', { name: 'Supersede links' });
    await links.getByText('This ADR neither supersedes nor is superseded by another.').waitFor();
    await links.getByRole('button', { name: 'Supersede another ADR…' }).click();
    await links.getByLabel('ADR to supersede').selectOption({ label: 'ADR-1 · Use MySQL for the catalogue' });
    await links.getByText('This cannot be undone.').waitFor();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'adr-supersede-confirm.png'), fullPage: false });
    await links.getByRole('button', { name: 'Supersede ADR-1' }).click();

    const twoAgain = editor('ADR-2');
    const twoLinks = twoAgain.getByRole('region', { name: 'Supersede links' });
    await twoLinks.getByText('Supersedes', { exact: true }).waitFor();
    expect(await twoLinks.getByRole('listitem').innerText()).toMatch(/^Supersedes ADR-1 · Use MySQL for the catalogue$/);
    await page.getByRole('status').getByText('ADR-1 is now superseded by ADR-2.').waitFor();
    // ADR-2's own status is untouched; its history records the link.
    await twoAgain.getByTestId('status-badge').getByText('Proposed').waitFor();
    await twoAgain.getByRole('heading', { name: 'History' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'adr-supersedes.png'), fullPage: false });

    // Follow the link to ADR-1: superseded, linked back to ADR-2.
    await twoLinks.getByRole('link', { name: /ADR-1/ }).click();
    const oneAgain = editor('ADR-1');
    await oneAgain.waitFor();
    await oneAgain.getByTestId('status-badge').getByText('Superseded').waitFor();
    const oneLinks = oneAgain.getByRole('region', { name: 'Supersede links' });
    expect(await oneLinks.getByRole('listitem').innerText()).toBe('Superseded by ADR-2 · Use PostgreSQL for the catalogue');
    await oneLinks.getByText('A Superseded ADR cannot supersede another.').waitFor();
    // A superseded ADR is final: no next-status buttons.
    expect(await oneAgain.getByRole('button', { name: /^(accepted|deprecated|superseded|rejected)$/ }).count()).toBe(0);

    // Reload: everything came from the database.
    await page.reload();
    const reloaded = editor('ADR-1');
    await reloaded.waitFor();
    await expect(reloaded.getByRole('textbox', { name: 'Title', exact: true }).inputValue()).resolves.toBe('Use MySQL for the catalogue');
    await expect(reloaded.getByLabel('Date', { exact: true }).inputValue()).resolves.toBe('2026-03-02');
    expect(await reloaded.getByRole('list', { name: 'Decision-makers' }).getByRole('listitem').count()).toBe(3);
    expect(await reloaded.getByRole('list', { name: 'Consulted' }).innerText()).toContain('DBA guild');
    expect(await reloaded.getByRole('list', { name: 'Informed' }).getByRole('listitem').count()).toBe(2);
    await waitForSection(reloaded, 'Context and Problem Statement');
    expect(await sectionValue(reloaded, 'Context and Problem Statement')).toBe(
      'The catalogue needs a relational store the team already runs.',
    );
    await reloaded.getByTestId('status-badge').getByText('Superseded').waitFor();
    const reloadedLinks = reloaded.getByRole('region', { name: 'Supersede links' });
    expect(await reloadedLinks.getByRole('listitem').innerText()).toBe('Superseded by ADR-2 · Use PostgreSQL for the catalogue');
    await reloaded.getByRole('heading', { name: 'History' }).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, 0));
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'adr-editor.png'), fullPage: true });

    // And the stored documents agree, both directions.
    const [a1, a2] = app.documents.list('adr').sort((x, y) => x.number - y.number);
    const d1 = app.documents.get(a1!.id);
    const d2 = app.documents.get(a2!.id);
    expect(d1).toMatchObject({ status: 'superseded', fields: { supersededBy: 2, date: '2026-03-02', consulted: ['DBA guild'] } });
    expect(d2).toMatchObject({ status: 'proposed', fields: { supersedes: [1] } });
    expect(d1.body).toContain('## Context and Problem Statement\n\nThe catalogue needs a relational store the team already runs.\n');
    expect(app.documents.history(d1.id).at(-1)).toMatchObject({ event: 'superseded', from: 'accepted', to: 'superseded', data: { by: 'ADR-2' } });
  });
});
