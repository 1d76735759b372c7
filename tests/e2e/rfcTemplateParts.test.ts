import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, startWebApp, type WebApp } from '../support/webApp';
import { fillSection, sectionValue, waitForSection } from '../support/bodyEditor';

let web: WebApp;

beforeAll(async () => {
  web = await startWebApp('rfcparts');
});

afterAll(() => web?.close());

describe('optional parts of the RFC template', () => {
  it('adds Problem Statement and Success Metrics from the template menu, in their place, and keeps what is typed there', async () => {
    const { page } = web;
    await page.getByRole('button', { name: 'New RFC', exact: true }).first().click();
    await page.getByRole('button', { name: /Add from template/ }).click();
    await page.getByRole('menuitem', { name: 'Problem Statement' }).click();
    await page.getByRole('heading', { name: 'Problem Statement', level: 2 }).waitFor();
    await page.getByText('The workaround in use now and what it costs.').waitFor();
    await fillSection(page, 'Who Has It', 'Every on-call engineer, weekly.');

    await page.getByRole('button', { name: /Add from template/ }).click();
    await page.getByRole('menuitem', { name: 'Success Metrics' }).click();
    await page.getByRole('heading', { name: 'Guardrail Metrics', level: 3 }).waitFor();
    await fillSection(page, 'North Star Metric', 'Pages per week.');
    await page.getByTestId('save-state').getByText('Saved').waitFor();

    const order = await page.getByRole('navigation', { name: 'Outline' }).locator('.doc-outline-heading').allInnerTexts();
    expect(order.indexOf('Problem Statement')).toBeLessThan(order.indexOf('Summary'));
    expect(order.indexOf('Success Metrics')).toBeGreaterThan(order.indexOf('Motivation'));
    expect(order.indexOf('Success Metrics')).toBeLessThan(order.indexOf('Detailed Design'));

    await page.getByRole('button', { name: /Add from template/ }).click();
    await expect(page.getByRole('menuitem', { name: /Problem Statement \(added\)/ }).isDisabled()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'rfc-template-parts.png') });

    await page.reload();
    await waitForSection(page, 'Who Has It');
    await expect(sectionValue(page, 'Who Has It')).resolves.toBe('Every on-call engineer, weekly.');
    await expect(sectionValue(page, 'North Star Metric')).resolves.toBe('Pages per week.');
  });
});
