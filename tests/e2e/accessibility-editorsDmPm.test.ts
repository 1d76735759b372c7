import { describe, expect, it } from 'vitest';
import { AXE_STEP_TIMEOUT, axeWorkspace } from '../support/axeScan';

// Accessibility (axe-core, light, dark and dark chosen by hand; see
// tests/support/axeScan.ts), part 3: the editors of DM-1 and PM-1
// (an editor is the costliest screen to scan: two per file).

const REFS = ['DM-1', 'PM-1'];
const SCREENS = REFS.map((ref) => `${ref} editor`);

const ws = axeWorkspace('editors-dm-pm', 'samples', SCREENS);

describe.sequential('accessibility (axe-core): the DM-1 and PM-1 editors', { timeout: AXE_STEP_TIMEOUT }, () => {
  for (const ref of REFS) {
    it(`the ${ref} editor`, async () => {
      await ws.openDoc(ref);
      await ws.check(`${ref} editor`);
      expect(ws.report()).toBe('');
    });
  }

  ws.itScannedEveryScreen();
});
