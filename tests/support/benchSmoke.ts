import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BenchReport, Part } from '../../bench/bench';
import { requireRenderer } from './renderer';

/** The figures each part of `npm run bench` measures, in the order of the report. */
export const FIGURES_BY_PART: Record<Part, readonly string[]> = {
  api: ['4-search-p50', '4-search-p95', '5-list', '6-autosave-p50', '6-autosave-p99'],
  sync: ['1-publish', '2-edit-sync', '3-pull', '8-peak-during-1', '8-peak-during-2', '9-get-p99', '9-search-p99', '9-stall', '10-join', '10-join-peak', '11-cli-edit-sync'],
  web: ['7-web-first-row', '7-web-memory'],
  publish: ['12-site', '12-site-republish'],
  typing: ['13-typing-6k-p50', '13-typing-6k-p95', '13-typing-60k-p50', '13-typing-60k-p95'],
};

/** The report's order: 1, 2, 3, ... 13, as bench.ts sorts its figures. */
const byFigureNumber = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

/**
 * `npm run bench --docs 200 --quick --only PARTS`, one repetition of each
 * figure, so the benchmark cannot rot: every figure of those parts is
 * measured, with its reference and ratio, printed in the table and written as
 * JSON. No timing is asserted (machines differ; the real figures are in
 * docs/performance.md). The parts are spread over a few test files so that
 * they run side by side; together they cover every part (checked in
 * tests/unit/bench/benchParts.test.ts).
 */
export function benchSmoke(parts: readonly Part[]): void {
  const figures = parts.flatMap((p) => FIGURES_BY_PART[p]).sort(byFigureNumber);
  describe(`npm run bench (smoke: --docs 200 --quick --only ${parts.join(',')})`, () => {
    it('measures every figure with its reference and ratio, prints the table and writes the JSON', async () => {
      requireRenderer();
      const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-bench-smoke-')), 'latest.json');
      const stdout = await new Promise<string>((resolve, reject) => {
        execFile(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--docs', '200', '--quick', '--only', parts.join(','), '--out', out], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, so, se) =>
          error ? reject(new Error(`bench failed: ${se || error.message}\n${so}`)) : resolve(so),
        );
      });
      const report = JSON.parse(fs.readFileSync(out, 'utf8')) as BenchReport;
      fs.rmSync(path.dirname(out), { recursive: true, force: true });

      expect(report.options).toMatchObject({ docs: 200, quick: true });
      expect(report.machine.cores).toBeGreaterThan(0);
      expect(report.machine.memoryBytes).toBeGreaterThan(0);
      expect(report.machine.node).toBe(process.version);
      expect(Number.isNaN(Date.parse(report.date))).toBe(false);
      expect(report.corpus).toMatchObject({ documents: 200, files: 200 });
      expect(report.figures.map((f) => f.id)).toEqual(figures);
      for (const f of report.figures) {
        expect(Number.isFinite(f.value) && f.value > 0, `${f.id} value ${f.value}`).toBe(true);
        expect(Number.isFinite(f.reference.value) && f.reference.value > 0, `${f.id} reference ${f.reference.value}`).toBe(true);
        expect(f.ratio, f.id).toBeCloseTo(f.value / f.reference.value, 6);
        expect(f.reference.name, f.id).not.toBe('');
        expect(f.samples, f.id).toBeGreaterThan(0);
        for (const c of f.checks) expect(c.ok, `${f.id} ${c.on}`).toBe(c.on === 'value' ? f.value <= c.max : f.ratio <= c.max);
      }
      // The printed table has a row per figure, with its ratio.
      for (const f of report.figures) expect(stdout).toMatch(new RegExp(`\\| ${f.id} +\\|.*\\| ${f.ratio.toFixed(2)}x `));
    }, 600_000);
  });
}
