import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fillWorkspace, openBenchApp, call } from '../workspace';
import { startGitServer } from '../../tests/support/gitServer';
const n = Number(process.argv[2] ?? 1000);
const dir = process.argv[3] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-proto-'));
const fresh = !fs.existsSync(path.join(dir, 'designdesk.sqlite'));
const clock = { fixed: null as Date | null };
const app = openBenchApp(dir, clock);
if (fresh) fillWorkspace(app, clock, n, 1);
const server = await startGitServer();
for (let k = 0; k < 2; k++) {
const url = server.createRepo(`a${k}.git`);
await call(app, 'sync:setRemote', { url, branch: 'main', authorName: 'B', authorEmail: 'b@x', auth: { kind: 'none' } });
const t = performance.now();
const r = await call(app, 'sync:run', {});
console.log('publish', (performance.now() - t).toFixed(0), 'ms', r.out, 'rss', (process.memoryUsage().rss / 1e6).toFixed(0), 'maxrss', (process.resourceUsage().maxRSS / 1e3).toFixed(0));
}
await server.close(); app.close();
console.log(dir);
