import type { Page, Request, Route } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/main/app';
import type { Channel, Input, Output } from '../../src/shared/contract';
import { startWebApp, type WebApp } from '../support/webApp';

/**
 * ADR 0034 in a real browser: a view that loads through useQuery applies only
 * the answer to what it shows now. The web host's answer to the first
 * question is held back until the second one has been answered and shown;
 * when the late answer lands, the view must not take it.
 */
let web: WebApp;
let app: App;
let page: Page;

async function api<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as Output<C>;
}

/** Holds the first request to `channel` whose body contains `marker`; every other request goes through. */
function holdFirst(channel: string, marker: string): { held: Promise<Route>; release: () => Promise<void> } {
  let hold!: (r: Route) => void;
  const held = new Promise<Route>((r) => (hold = r));
  let taken = false;
  let request: Request | undefined;
  void page.route(
    (url) => decodeURIComponent(url.pathname).endsWith(`/api/${channel}`),
    (route) => {
      if (!taken && (route.request().postData() ?? '').includes(marker)) {
        taken = true;
        request = route.request();
        hold(route);
      } else void route.continue();
    },
  );
  return {
    held,
    release: async () => {
      const route = await held;
      const delivered = page.waitForResponse((r) => r.request() === request);
      await route.fulfill({ response: await route.fetch() });
      await (await delivered).finished();
      // Let the page read the body and render whatever it does with it.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    },
  };
}

beforeAll(async () => {
  web = await startWebApp('stale-answers');
  ({ app, page } = web);
});

afterAll(() => web?.close());

describe('a late answer for what a view showed before', () => {
  it('does not relink an action item: the reference typed last keeps its own document', async () => {
    const first = await api('docs:create', { kind: 'adr', title: 'Bound the connection pool per service' });
    const second = await api('docs:create', { kind: 'adr', title: 'Retry budgets per client' });
    const pm = await api('docs:create', { kind: 'postmortem', title: 'Checkout outage: connection pool exhausted' });
    await api('docs:update', {
      id: pm.id,
      baseRevision: pm.revision,
      fields: { ...pm.fields, actionItems: [{ id: 'a1', action: 'Cap connections per service', owner: 'Grace', due: '2030-01-10', status: 'open' }] },
    });
    const slow = holdFirst('links:resolve', `ADR-${first.number}`);
    await page.evaluate((id) => (window.location.hash = `#doc/${id}`), pm.id);
    const ed = page.getByRole('article', { name: 'PM-1 editor' });
    const input = ed.getByLabel('RFC or ADR addressing action item 1');

    // The first reference's look-up is slow; the writer corrects it to the second, which answers at once.
    await input.fill(`adr-${first.number}`);
    await slow.held;
    await input.fill(`adr-${second.number}`);
    const link = ed.getByRole('button', { name: `ADR-${second.number}: Retry budgets per client` });
    await link.waitFor();

    // Now the first answer arrives: the link still names (and opens) the second ADR.
    await slow.release();
    await expect(ed.locator('.pm-ref-link').allTextContents()).resolves.toEqual([`ADR-${second.number}: Retry budgets per client`]);
    await link.click();
    await page.getByRole('article', { name: `ADR-${second.number} editor` }).waitFor();
    expect(web.problems).toEqual([]);
  });

  it('does not take the document view back to the document left while it loaded', async () => {
    const left = await api('docs:create', { kind: 'rfc', title: 'Move search indexing to a worker' });
    const opened = await api('docs:create', { kind: 'rfc', title: 'Shard the audit log by tenant' });
    const slow = holdFirst('docs:get', left.id);
    await page.evaluate((id) => (window.location.hash = `#doc/${id}`), left.id);
    await slow.held;
    // Before the first document arrives, the reader goes on to the second, which opens.
    await page.evaluate((id) => (window.location.hash = `#doc/${id}`), opened.id);
    const editor = page.getByRole('article', { name: `RFC-${opened.number} editor` });
    await editor.waitFor();

    await slow.release();
    await expect(page.locator('article.editor').getAttribute('aria-label')).resolves.toBe(`RFC-${opened.number} editor`);
    await expect(editor.locator('input[aria-label="Title"]').inputValue()).resolves.toBe('Shard the audit log by tenant');
    expect(web.problems).toEqual([]);
  });
});
