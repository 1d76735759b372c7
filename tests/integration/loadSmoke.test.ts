import { describe, expect, it } from 'vitest';
import { formatLoadReport, runLoad } from '../support/loadRunner';
import { requireRenderer } from '../support/renderer';

// A short run of scripts/load-test.ts (the full one is 50 clients for 60 s,
// figures in docs/reliability.md): concurrent saves, searches and lists
// through the real web host, with its default rate limit, give no error at
// all. Figures are printed, never asserted (timings vary by machine).
describe('web host under concurrent load (smoke)', () => {
  it('serves 10 clients for 5 s without a single error or 429', async () => {
    requireRenderer();
    const report = await runLoad({ clients: 10, seconds: 5, extraDocs: 50 });
    console.log(formatLoadReport(report));
    expect(report.errorSamples).toEqual([]);
    expect(report.errors).toBe(0);
    expect(report.byOp.save.count).toBeGreaterThan(10);
    expect(report.byOp.search.count).toBeGreaterThan(10);
    expect(report.byOp.list.count).toBeGreaterThan(10);
  });
});
