// Imports every folder of a fixtures directory (default ../shared/fixtures)
// into a fresh workspace and checks the result against what the files say,
// read here independently of the importer with simple regexes: how many
// decision files, and each one's title, date and status.
//
//   node --import tsx scripts/check-fixtures.ts [FIXTURES_DIR]
//
// Prints a summary per folder; exits 1 on any mismatch, 2 when the folder
// does not exist.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/main/app';
import type { Document } from '../src/shared/document';

const ADR_STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'];
/** Statuses outside the ADR lifecycle that the fixtures use, and their nearest status (docs/cli.md, "Statuses outside the lifecycle"). */
const NEAREST_ADR_STATUS: Record<string, string> = { draft: 'proposed', 'on hold': 'proposed' };
const NOT_DECISIONS = /^(readme|index|.*template.*|license.*|changelog)\.md$/i;

interface Expected {
  file: string;
  title: string;
  date: string;
  status: string;
  /** The status as the file writes it when it is outside the lifecycle ('' otherwise). */
  importedStatus: string;
  supersededByLink: boolean;
}

/** What a decision file says, read with plain regexes (front matter or "- Key:" bullets). */
function expectationOf(file: string, text: string): Expected {
  const t = text.replace(/\r\n?/g, '\n');
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(t)?.[1] ?? '';
  const rest = fm ? t.slice(t.indexOf('\n---\n', 3) + 5) : t;
  const title = /^# (.+)$/m.exec(rest)?.[1]?.trim() ?? '';
  const date = /^date:\s*["']?(\d{4}-\d{2}-\d{2})/m.exec(fm)?.[1] ?? /^[-*] Date:\s*(\d{4}-\d{2}-\d{2})/m.exec(rest)?.[1] ?? '';
  const rawStatus = (/^status:\s*(.+)$/m.exec(fm)?.[1] ?? /^[-*] Status:\s*(.+)$/m.exec(rest)?.[1] ?? '')
    .replace(/<!--.*?-->/g, '')
    .replace(/^["']|["']$/g, '')
    .trim();
  let status: string;
  if (!rawStatus) status = 'proposed';
  else if (/^superseded by\b/i.test(rawStatus)) status = 'superseded';
  else if (ADR_STATUSES.includes(rawStatus.toLowerCase())) status = rawStatus.toLowerCase();
  else status = NEAREST_ADR_STATUS[rawStatus.toLowerCase()] ?? 'proposed';
  return { file, title, date, status, importedStatus: ADR_STATUSES.includes(rawStatus.toLowerCase()) || /^superseded by\b/i.test(rawStatus) ? '' : rawStatus, supersededByLink: /^superseded by\s+\S/i.test(rawStatus) };
}

function checkFolder(folder: string): { name: string; files: number; mismatches: string[] } {
  const name = path.basename(folder);
  const files = fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.md') && !NOT_DECISIONS.test(f))
    .sort();
  const expected = files.map((f) => expectationOf(f, fs.readFileSync(path.join(folder, f), 'utf8')));
  const wsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-fixtures-'));
  const app = createApp({ workspaceDir: wsDir, bridge: 'web', version: 'check', fallbackIdentity: () => ({ name: 'Fixture check', email: '' }) });
  const mismatches: string[] = [];
  try {
    const report = app.importer.importPath(folder);
    const docs: Document[] = app.documents.list().map((s) => app.documents.get(s.id));
    const byPath = new Map(docs.map((d) => [(d.fields.importedFrom as { path?: string } | undefined)?.path ?? '', d]));
    if (docs.length !== expected.length) mismatches.push(`${name}: ${expected.length} decision files, ${docs.length} documents imported`);
    if (report.counts.problems) mismatches.push(`${name}: ${report.counts.problems} file(s) failed: ${report.entries.filter((e) => e.problem).map((e) => `${e.path} (${e.reason})`).join('; ')}`);
    for (const e of expected) {
      const d = byPath.get(e.file);
      if (!d) {
        mismatches.push(`${name}/${e.file}: not imported`);
        continue;
      }
      const date = typeof d.fields.date === 'string' ? d.fields.date : '';
      if (d.title !== e.title) mismatches.push(`${name}/${e.file}: title "${d.title}", the file says "${e.title}"`);
      if (date !== e.date) mismatches.push(`${name}/${e.file}: date "${date}", the file says "${e.date}"`);
      if (d.status !== e.status) mismatches.push(`${name}/${e.file}: status "${d.status}", the file says "${e.status}"`);
      const kept = typeof d.fields.importedStatus === 'string' ? d.fields.importedStatus : '';
      if (kept !== e.importedStatus) mismatches.push(`${name}/${e.file}: importedStatus "${kept}", the file says "${e.importedStatus}"`);
      if (e.supersededByLink && typeof d.fields.supersededBy !== 'number') mismatches.push(`${name}/${e.file}: "superseded by" link not resolved`);
    }
  } finally {
    app.close();
    fs.rmSync(wsDir, { recursive: true, force: true });
  }
  return { name, files: expected.length, mismatches };
}

const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname ?? '.', '..', '..', 'shared', 'fixtures'));
if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
  console.error(`check-fixtures: no fixtures folder at ${root}`);
  process.exit(2);
}
const folders = fs
  .readdirSync(root, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => path.join(root, e.name))
  .sort();
let failed = 0;
for (const folder of folders) {
  const r = checkFolder(folder);
  const ok = r.mismatches.length === 0;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.files} decision files checked (count, titles, dates, statuses)`);
  for (const m of r.mismatches) console.log(`       ${m}`);
  if (!ok) failed++;
}
console.log(`${folders.length - failed} of ${folders.length} fixture folders match.`);
process.exit(failed ? 1 : 0);
