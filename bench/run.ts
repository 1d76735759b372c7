// `npm run bench [-- --docs N] [--quick] [--out file] [--seed S] [--keep]`:
// measures the figures of docs/performance.md, prints one table, and writes
// the same figures as JSON (default bench/results/latest.json).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatTable, runBench } from './bench';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '10000' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results/latest.json' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  },
});

const docs = Number(values.docs);
if (!Number.isInteger(docs) || docs < 1) {
  console.error(`--docs must be a positive whole number (got "${values.docs}")`);
  process.exit(2);
}

const report = await runBench({ docs, quick: values.quick, seed: Number(values.seed), keep: values.keep, log: (line) => console.log(line) });
console.log(`\n${formatTable(report)}`);
fs.mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
fs.writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`figures written to ${values.out}`);
