import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { createApp } from '../src/main/app';
import { documentToMarkdown } from '../src/shared/format/documentMarkdown';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k-'));
const app = createApp({ workspaceDir: dir, bridge: 'web', version: 't', fallbackIdentity: () => ({ name: 'Ada Lovelace', email: 'ada@example.com' }) });
for (const kind of ['rfc', 'adr', 'matrix', 'postmortem'] as const) {
  const d = app.documents.create(kind, `Example ${kind}`);
  console.log('=====', kind); console.log(documentToMarkdown(d));
}
app.close();
