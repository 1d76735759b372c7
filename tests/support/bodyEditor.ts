import type { Locator, Page } from 'playwright';
import { replaceSectionText, sectionText, splitSections } from '../../src/shared/markdown/sections';

/**
 * The one document editor in a browser test: the whole body is one textarea
 * (editor/DocumentEditor); these read and write one section of it the way
 * the section editors' tests did, through the real textarea.
 */
export const bodyBox = (scope: Page | Locator): Locator => scope.locator('[data-body-editor] textarea');

/** The text of the section under `heading` in the editor ('' for the part before the first heading). */
export async function sectionValue(scope: Page | Locator, heading: string): Promise<string> {
  const section = splitSections(await bodyBox(scope).inputValue()).find((s) => s.heading === heading);
  if (!section) throw new Error(`no section "${heading}" in the editor`);
  return sectionText(section);
}

/** Waits until the editor's body has a section under `heading`. */
export async function waitForSection(scope: Page | Locator, heading: string, timeout = 10_000): Promise<void> {
  const box = bodyBox(scope);
  await box.waitFor({ timeout });
  const until = Date.now() + timeout;
  while (!splitSections(await box.inputValue()).some((s) => s.heading === heading)) {
    if (Date.now() > until) throw new Error(`no section "${heading}" in the editor after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Writes `text` as the section's text: the body's other bytes stay, and the textarea gets it as one input. */
export async function fillSection(scope: Page | Locator, heading: string, text: string): Promise<void> {
  const box = bodyBox(scope);
  await waitForSection(scope, heading);
  const body = await box.inputValue();
  const index = splitSections(body).findIndex((s) => s.heading === heading);
  await box.fill(replaceSectionText(body, index, text));
}

/** One section of the editor, with the fill/inputValue/waitFor a test used on a section's own textarea. */
export function sectionBox(scope: Page | Locator, heading: string) {
  return {
    fill: (text: string) => fillSection(scope, heading, text),
    inputValue: async () => {
      await waitForSection(scope, heading);
      return sectionValue(scope, heading);
    },
    waitFor: () => waitForSection(scope, heading),
  };
}
