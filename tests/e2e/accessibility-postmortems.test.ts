import { describe, expect, it } from 'vitest';
import { AXE_STEP_TIMEOUT, axeWorkspace, seedReview } from '../support/axeScan';

// Accessibility (axe-core, light, dark and dark chosen by hand; see
// tests/support/axeScan.ts), part 3 of 5: the DM-1 and PM-1 editors, the action
// items and postmortems overview they feed, and the dashboard.

const REFS = ['DM-1', 'PM-1'];
const SCREENS = [...REFS.map((ref) => `${ref} editor`), 'action items', 'postmortems overview', 'dashboard'];

const ws = axeWorkspace('postmortems', 'samples', SCREENS);

describe.sequential('accessibility (axe-core): two editors, action items, postmortems overview and dashboard', { timeout: AXE_STEP_TIMEOUT }, () => {
  for (const ref of REFS) {
    it(`the ${ref} editor`, async () => {
      await ws.openDoc(ref);
      await ws.check(`${ref} editor`);
      expect(ws.report()).toBe('');
    });
  }

  it('action items, postmortems overview and dashboard', async () => {
    const { page, nav } = ws;
    // RFC-1 under review with a comment and a suggestion (as in part 5), so the dashboard has a review to show.
    await seedReview(ws.web.app);
    await nav('Action items').click();
    await page.getByRole('heading', { name: /Action items/, level: 1 }).waitFor();
    await ws.check('action items');
    await nav('Postmortems').click();
    await page.getByRole('img', { name: /median per quarter and severity/ }).waitFor();
    await ws.check('postmortems overview');
    await nav('Dashboard').click();
    await page.getByRole('heading', { name: /Dashboard/, level: 1 }).waitFor();
    await ws.check('dashboard');
    expect(ws.report()).toBe('');
  });

  ws.itScannedEveryScreen();
});
