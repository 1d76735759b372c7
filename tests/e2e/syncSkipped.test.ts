import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THEME_KEY } from '../../src/renderer/theme';
import { startGitServer, type GitServer } from '../support/gitServer';
import { cloneTeammate } from '../support/syncWorkspace';
import { SCREENSHOTS, startWebApp, type WebApp } from '../support/webApp';

// The sync screen's report of entries the sync does not read (a symlink, a
// file in Git LFS, a name with an escape character): shown with the escape
// visible, readable in light, dark and dark chosen by hand (axe-core).

let web: WebApp;
let server: GitServer;

beforeAll(async () => {
  server = await startGitServer();
  const url = server.createRepo('skipped.git');
  web = await startWebApp('sync-skipped');
  const call = async (channel: string, input: unknown): Promise<unknown> => {
    const r = await web.app.dispatch(channel as never, input as never);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value;
  };
  await call('sync:setRemote', { url, branch: 'main', authorName: 'Ada', authorEmail: 'ada@example.com', auth: { kind: 'none' } });
  await call('sync:run', {});
  const tess = await cloneTeammate(url);
  tess.write('rfcs/0001-lfs.md', 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n');
  tess.write('rfcs/0002-\u001b[2Jname.md', '---\nref: RFC-2\n---\n# Escaped\n');
  await tess.git('add', '-A');
  await tess.git('commit', '--quiet', '-m', 'Tess: odd entries');
  await tess.git('push', '--quiet', 'origin', 'HEAD:main');
  await call('sync:run', {});
});

afterAll(async () => {
  await web?.close();
  await server?.close();
});

describe('sync screen: skipped entries', () => {
  it('lists each skipped entry with its reason, escapes shown, and passes axe in light, dark and dark chosen by hand', async () => {
    const { page } = web;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sync', exact: true }).click();
    await page.getByRole('heading', { name: 'Sync', level: 1 }).waitFor();
    const section = page.locator('.sync-skipped');
    await section.getByRole('heading', { name: 'Entries DesignDesk does not read' }).waitFor();
    await expect(section.getByRole('listitem').allInnerTexts()).resolves.toEqual([
      'rfcs/0002-\\x1b[2Jname.md: a control character in the name',
      'rfcs/0001-lfs.md: stored in Git LFS, which DesignDesk does not read',
    ]);
    await expect(page.locator('.sync-report-summary').innerText()).resolves.toContain('2 skipped');

    const findings: string[] = [];
    for (const [label, scheme, manual] of [['light', 'light', false], ['dark', 'dark', false], ['dark-by-hand', 'light', true]] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(
        ([key, dark]) => {
          if (dark) {
            localStorage.setItem(key, 'dark');
            document.documentElement.dataset.theme = 'dark';
            document.documentElement.dataset.colorMode = 'dark';
          } else {
            localStorage.removeItem(key);
            delete document.documentElement.dataset.theme;
            delete document.documentElement.dataset.colorMode;
          }
        },
        [THEME_KEY, manual] as const,
      );
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const result = await new AxeBuilder({ page }).include('.sync-report').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      for (const v of result.violations) if (v.impact === 'serious' || v.impact === 'critical') findings.push(`${label}: ${v.id}: ${v.help}`);
      await section.evaluate((e) => e.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: path.join(SCREENSHOTS, `sync-skipped-${label}.png`) });
    }
    expect(findings).toEqual([]);
    expect(web.problems).toEqual([]);
  });
});
