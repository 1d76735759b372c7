import type { Locator, Page } from 'playwright';

/** A person the e2e tests sign in as. */
export interface Person {
  name: string;
  email: string;
}

/** Switches identity through the top bar menu, as a user does: a recent identity when listed, else a new name and email. */
export async function signInAs(page: Page, p: Person): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: /^Signed in as .*; switch identity$/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Identity' });
  const recent = dialog.getByRole('button', { name: new RegExp(`^${p.name}`) });
  if (await recent.count()) {
    await recent.click();
  } else {
    await dialog.getByLabel('Name').fill(p.name);
    await dialog.getByLabel('Email').fill(p.email);
    await dialog.getByRole('button', { name: 'Switch', exact: true }).click();
  }
  await page.getByRole('banner').getByRole('button', { name: `Signed in as ${p.name}; switch identity` }).waitFor();
}

/** Selects `text` inside `root` (the reading view) the way a mouse drag would: a range inside one rendered text node. */
export async function selectText(root: Locator, text: string): Promise<void> {
  await root.evaluate((el, t) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent?.indexOf(t) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + t.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`"${t}" is not in the reading view`);
  }, text);
}
