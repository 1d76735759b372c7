// `npm run bench [-- --docs N] [--quick] [--out file] [--seed S] [--keep] [--only api,sync,web,publish,typing]`:
// measures the figures of docs/performance.md, prints one table, and writes
// the same figures as JSON (default bench/results/latest.json).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PARTS, runBench, type Part } from './bench';
import { formatTable } from './report';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '10000' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results/latest.json' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});

const docs = Number(values.docs);
if (!Number.isInteger(docs) || docs < 1) {
  console.error(`--docs must be a positive whole number (got "${values.docs}")`);
  process.exit(2);
}

const only = values.only?.split(',').map((p) => p.trim()) as Part[] | undefined;
if (only?.some((p) => !PARTS.includes(p))) {
  console.error(`--only takes a comma-separated list of ${PARTS.join(', ')} (got "${values.only}")`);
  process.exit(2);
}

const report = await runBench({ docs, quick: values.quick, seed: Number(values.seed), keep: values.keep, only, log: (line) => console.log(line) });
console.log(`\n${formatTable(report)}`);
fs.mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
fs.writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`figures written to ${values.out}`);
