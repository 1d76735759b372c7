import fs from 'node:fs';
import path from 'node:path';
import { fillWorkspace, openBenchApp, call } from '../workspace';
import { startGitServer } from '../../tests/support/gitServer';
import { GitRepo } from '../../src/main/sync/gitRepo';
import * as fmt from '../../src/shared/format/documentMarkdown';
const n = Number(process.argv[2] ?? 1000);
const dir = process.argv[3]!;
const fresh = !fs.existsSync(path.join(dir, 'designdesk.sqlite'));
const clock = { fixed: null as Date | null };
const app = openBenchApp(dir, clock);
let t0 = performance.now();
if (fresh) { fillWorkspace(app, clock, n, 1); console.log('fill', (performance.now()-t0).toFixed(0)); }
const acc: Record<string, number> = {};
for (const m of ['fetch','treeOf','listFiles','readText','writeText','buildTree','commit','push'] as const) {
  const orig = (GitRepo.prototype as any)[m];
  (GitRepo.prototype as any)[m] = async function (...a: unknown[]) { const t = performance.now(); try { return await orig.apply(this, a); } finally { acc[m] = (acc[m] ?? 0) + performance.now() - t; } };
}
const server = await startGitServer();
for (let k = 0; k < 2; k++) {
  for (const key of Object.keys(acc)) delete acc[key];
  const url = server.createRepo(`a${k}.git`);
  await call(app, 'sync:setRemote', { url, branch: 'main', authorName: 'B', authorEmail: 'b@x', auth: { kind: 'none' } });
  const t = performance.now();
  const r = await call(app, 'sync:run', {});
  console.log('publish', (performance.now() - t).toFixed(0), 'ms', r.out, JSON.stringify(Object.fromEntries(Object.entries(acc).map(([k, v]) => [k, Math.round(v)]))));
}
// render cost
const docs = app.documents.list().map((s) => app.documents.get(s.id));
t0 = performance.now(); for (const d of docs) fmt.documentToMarkdown(d); console.log('render all', (performance.now()-t0).toFixed(0));
await server.close(); app.close();
