// A process that saves continuously and says so after each save is committed,
// for tests/integration/crashSafety.test.ts, which SIGKILLs it at random:
//   node --import tsx tests/support/crashWriter.ts <workspace dir> <run number>
// Prints "ready" once the workspace is open, then one line per committed save:
//   ack <docId> <revision> <body marker>
// It holds the workspace lock like the web host does, so each run also
// proves that a lock left by a killed process is taken over.
import fs from 'node:fs';
import { createApp } from '../../src/main/app';

const [dir, runArg] = process.argv.slice(2);
const run = Number(runArg ?? 0);
const app = createApp({ workspaceDir: dir!, bridge: 'web', version: 'crash', lock: 'web', fallbackIdentity: () => ({ name: 'Crash', email: 'crash@example.test' }) });
// fs.writeSync, not process.stdout.write: a pipe's stdout is asynchronous in Node, so in a loop that never
// yields the acks would pile up in this process and die with it; the next save must start after its ack left.
const write = (line: string): void => void fs.writeSync(1, `${line}\n`);
write('ready');

const mine: { id: string; revision: number }[] = [];
const filler = 'The quick brown fox jumps over the lazy dog. '.repeat(40);
for (let n = 0; ; n++) {
  const marker = `r${run}-n${n}`;
  if (mine.length < 3 || n % 7 === 0) {
    const doc = app.documents.create(n % 2 ? 'rfc' : 'postmortem', `Crash ${marker}`);
    const saved = app.documents.update({ id: doc.id, baseRevision: doc.revision, body: `${marker}\n\n${filler}` });
    mine.push({ id: saved.id, revision: saved.revision });
    write(`ack ${saved.id} ${saved.revision} ${marker}`);
  } else {
    const target = mine[n % mine.length]!;
    const saved = app.documents.update({ id: target.id, baseRevision: target.revision, body: `${marker}\n\n${filler}`, title: `Crash ${marker}` });
    target.revision = saved.revision;
    write(`ack ${saved.id} ${saved.revision} ${marker}`);
  }
}
