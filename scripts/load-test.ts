// Load test of the web host: `npm run load-test [-- --clients 50 --seconds 60 --think 0 --json]`.
// 50 concurrent clients on loopback save their own document, search and list
// for 60 s against a host in a child process; prints p50/p90/p99 per call and
// exits 1 on any error (a refused save, a 429, a dropped connection).
import { parseArgs } from 'node:util';
import { formatLoadReport, runLoad } from '../tests/support/loadRunner';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '60' },
    think: { type: 'string', default: '0' },
    docs: { type: 'string', default: '200' },
    json: { type: 'boolean', default: false },
  },
});

const report = await runLoad({ clients: Number(values.clients), seconds: Number(values.seconds), thinkMs: Number(values.think), extraDocs: Number(values.docs) });
console.log(values.json ? JSON.stringify(report, null, 2) : formatLoadReport(report));
if (report.errors > 0) {
  console.error(`[load-test] ${report.errors} errors, e.g.:\n  ${report.errorSamples.join('\n  ')}`);
  process.exit(1);
}
