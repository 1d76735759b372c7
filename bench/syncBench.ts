// Figures 1, 2, 3 and 8: the app's sync (in a child process, syncWorker.ts)
// against the git CLI doing the same work on the same files, rep by rep,
// side by side, through the same local `git http-backend` server.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GitServer } from '../tests/support/gitServer';
import { editParagraph } from './corpus';
import { bundle } from './bundle';
import { gitSteps, listFiles, runCommand, tempDir } from './measure';
import type { OpResult, WorkerReply, WorkerRequest } from './syncWorker';

const WORKER_SOURCE = fileURLToPath(new URL('./syncWorker.ts', import.meta.url));
const APP_SYNC_WORKER = fileURLToPath(new URL('../src/main/sync/syncWorker.ts', import.meta.url));
const CLI_SOURCE = fileURLToPath(new URL('../src/main/cli/cli.ts', import.meta.url));

/** One side-by-side sample: the app's time and peak memory, the git CLI's. */
export interface PairSample {
  ours: number;
  cli: number;
  oursPeakRss: number;
  oursRestRss: number;
  cliPeakRss: number | null;
}

export interface SyncSamples {
  publish: PairSample[];
  edit: PairSample[];
  pull: PairSample[];
  /** Files in the published tree and their total size (what figure 1 moves). */
  published: { files: number; bytes: number };
  /** Figure 9: publishes watched from the process serving the window, the sync in its worker thread and, for reference, in that process's own thread. */
  watched: { worker: OpResult[]; inThread: OpResult[] };
  /** Figure 10: a second workspace's first sync of the published repository, against `git clone`. */
  join: PairSample[];
  /** Figure 11: `designdesk set` + `designdesk sync` as processes, against git add/commit/push of one changed file. */
  cli: PairSample[];
}

export interface SyncBenchOptions {
  root: string;
  workspaceDir: string;
  server: GitServer;
  /** Document ids in corpus order (documents to edit are picked from them). */
  docIds: readonly string[];
  /** Live documents in the workspace: what a publish pushes. */
  documents: number;
  reps: { publish: number; edit: number; pull: number; watched: number; join: number; cli: number };
  /** Documents a teammate changes before each pull. */
  pullSize: number;
  log: (line: string) => void;
}

/** The child process running the app's syncs. */
class SyncWorker {
  private pending: ((r: WorkerReply) => void) | null = null;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (m: WorkerReply) => {
      const p = this.pending;
      this.pending = null;
      p?.(m);
    });
    child.on('exit', (code) => {
      const p = this.pending;
      this.pending = null;
      p?.({ ok: false, error: `the sync worker exited (code ${code})` });
    });
  }

  /**
   * Starts the worker from its bundle (the app's code as it ships), or from
   * source through tsx when profiling (BENCH_PROFILE_DIR), so that profiles
   * name the source files; a profiled process also syncs in its own thread,
   * which the profile records (a worker thread's work is not in it).
   */
  static async start(workspaceDir: string, syncs: 'worker' | 'in-thread' = 'worker'): Promise<SyncWorker> {
    const fromSource = !!process.env.BENCH_PROFILE_DIR;
    const entry = fromSource ? WORKER_SOURCE : await bundle(WORKER_SOURCE, 'syncWorker', 'bench');
    const appWorker = syncs === 'worker' && !fromSource ? [await bundle(APP_SYNC_WORKER, 'sync-worker', 'bench')] : [];
    const child = fork(entry, [workspaceDir, ...appWorker], { execArgv: [...(fromSource ? ['--import', 'tsx'] : []), '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const worker = new SyncWorker(child);
    await worker.next();
    return worker;
  }

  private next(): Promise<OpResult> {
    return new Promise((resolve, reject) => {
      this.pending = (r) => (r.ok ? resolve(r.result) : reject(new Error(r.error)));
    });
  }

  request(req: WorkerRequest): Promise<OpResult> {
    const reply = this.next();
    this.child.send(req);
    return reply;
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.request({ op: 'close' }).catch(() => undefined);
    await exited;
  }
}

const mb = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MB`;

/** A bare repository on the server cloned from another one (same commits), open to pushes. */
async function cloneBareOnServer(server: GitServer, from: string, name: string): Promise<string> {
  await runCommand('git', ['clone', '--quiet', '--bare', server.repoDir(from), server.repoDir(name)], server.root);
  await runCommand('git', ['config', 'http.receivepack', 'true'], server.repoDir(name));
  return `${server.baseUrl}/${name}`;
}

async function cloneWorkTree(root: string, url: string, name: string): Promise<string> {
  const dir = tempDir(root, name);
  await runCommand('git', ['clone', '--quiet', url, '.'], dir);
  return dir;
}

/** Runs figures 1, 2, 3 (and the memory of 8) and returns every sample. */
export async function runSyncBench(o: SyncBenchOptions): Promise<SyncSamples> {
  let worker = await SyncWorker.start(o.workspaceDir);
  const samples: SyncSamples = { publish: [], edit: [], pull: [], published: { files: 0, bytes: 0 }, watched: { worker: [], inThread: [] }, join: [], cli: [] };
  try {
    // 1. Publish everything to an empty remote, against `git add -A && git commit && git push` of the same files.
    let files = '';
    let lastRepo = '';
    for (let r = 0; r < o.reps.publish; r++) {
      lastRepo = `publish-${r}.git`;
      const url = o.server.createRepo(lastRepo);
      const cliUrl = o.server.createRepo(`cli-publish-${r}.git`);
      // The app goes first on even reps, the git CLI on odd ones; the first rep also exports the published tree.
      let mine: OpResult | null = r % 2 === 0 ? await worker.request({ op: 'publish', url }) : null;
      if (r === 0) {
        files = tempDir(o.root, 'published');
        await runCommand('bash', ['-c', 'git --git-dir="$0" archive main | tar -x -C "$1"', o.server.repoDir(lastRepo), files], o.root);
        const list = listFiles(files);
        samples.published = { files: list.length, bytes: list.reduce((n, f) => n + fs.statSync(path.join(files, f)).size, 0) };
      }
      const work = tempDir(o.root, `cli-publish-${r}`);
      fs.cpSync(files, work, { recursive: true });
      await gitSteps(work, [
        ['init', '--quiet', '-b', 'main'],
        ['remote', 'add', 'origin', cliUrl],
      ]);
      const cli = await gitSteps(work, [
        ['add', '-A'],
        ['commit', '--quiet', '-m', 'Publish every document'],
        ['push', '--quiet', 'origin', 'main'],
      ]);
      mine ??= await worker.request({ op: 'publish', url });
      if (mine.out !== o.documents) throw new Error(`publish ${r + 1} pushed ${mine.out} documents, expected ${o.documents}`);
      samples.publish.push({ ours: mine.ms, cli: cli.ms, oursPeakRss: mine.peakRss, oursRestRss: mine.restRss, cliPeakRss: cli.peakRss });
      o.log(`  publish ${r + 1}/${o.reps.publish}: app ${mine.ms.toFixed(0)} ms, git CLI ${cli.ms.toFixed(0)} ms; app memory ${mb(mine.restRss)} -> peak ${mb(mine.peakRss)}`);
      fs.rmSync(work, { recursive: true, force: true, maxRetries: 5 });
    }

    // 9. Publish again while the window's calls come in: the sync in its worker thread, then (reference) in the serving thread, rep by rep.
    const inThread = await SyncWorker.start(o.workspaceDir, 'in-thread');
    try {
      for (let r = 0; r < o.reps.watched; r++) {
        const pair = [
          ['worker', worker],
          ['in-thread', inThread],
        ] as const;
        for (const [name, w] of r % 2 === 0 ? pair : [...pair].reverse()) {
          const res = await w.request({ op: 'publishWatched', url: o.server.createRepo(`watched-${name}-${r}.git`) });
          if (res.out !== o.documents || !res.watch) throw new Error(`watched publish ${r + 1} (${name}) pushed ${res.out} documents, expected ${o.documents}`);
          samples.watched[name === 'worker' ? 'worker' : 'inThread'].push(res);
          // The workspace is now bound to this repository (same documents): the edits and pulls below use it.
          lastRepo = `watched-${name}-${r}.git`;
          o.log(`  watched publish ${r + 1}/${o.reps.watched} (${name}): ${res.ms.toFixed(0)} ms, longest stall ${res.watch.maxStallMs.toFixed(0)} ms, ${res.watch.getMs.length} docs:get + search:query meanwhile`);
        }
      }
    } finally {
      await inThread.close();
    }

    // 10. A second workspace joins the published repository (its first sync), against `git clone` of it.
    const joinUrl = `${o.server.baseUrl}/${lastRepo}`;
    for (let r = 0; r < o.reps.join; r++) {
      const cloneFirst = r % 2 === 1;
      const clone = async () => {
        const dir = tempDir(o.root, `cli-join-${r}`);
        const run = await runCommand('git', ['clone', '--quiet', joinUrl, '.'], dir);
        fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
        return run;
      };
      const cli = cloneFirst ? await clone() : null;
      const mine = await worker.request({ op: 'join', url: joinUrl, dir: tempDir(o.root, `join-${r}`) });
      const cli2 = cli ?? (await clone());
      if (mine.in !== o.documents) throw new Error(`join ${r + 1} took in ${mine.in} documents, expected ${o.documents}`);
      samples.join.push({ ours: mine.ms, cli: cli2.ms, oursPeakRss: mine.peakRss, oursRestRss: mine.restRss, cliPeakRss: cli2.peakRss });
      o.log(`  join ${r + 1}/${o.reps.join}: app ${mine.ms.toFixed(0)} ms, git clone ${cli2.ms.toFixed(0)} ms; app memory ${mb(mine.restRss)} -> peak ${mb(mine.peakRss)}`);
    }

    // The everyday syncs run in a fresh process (the app as opened in the morning), not in the one that just published everything.
    await worker.close();
    worker = await SyncWorker.start(o.workspaceDir);

    // 2. Edit one document and sync, against the git CLI committing and pushing the same change in a clone of the same repository.
    const cliEditUrl = await cloneBareOnServer(o.server, lastRepo, 'cli-edit.git');
    const cliEdit = await cloneWorkTree(o.root, cliEditUrl, 'cli-edit');
    for (let r = 0; r < o.reps.edit; r++) {
      const docId = o.docIds[(r * 7919 + 13) % o.docIds.length]!;
      const mine = await worker.request({ op: 'editSync', n: r, docId });
      if (mine.out !== 1 || !mine.path || mine.text === undefined) throw new Error(`edit ${r + 1} pushed ${mine.out} documents (${mine.path ?? 'no path'}), expected 1`);
      fs.writeFileSync(path.join(cliEdit, mine.path), mine.text);
      const cli = await gitSteps(cliEdit, [
        ['add', '-A'],
        ['commit', '--quiet', '-m', `Edit ${mine.path}`],
        ['push', '--quiet', 'origin', 'main'],
      ]);
      samples.edit.push({ ours: mine.ms, cli: cli.ms, oursPeakRss: mine.peakRss, oursRestRss: mine.restRss, cliPeakRss: cli.peakRss });
      o.log(`  edit+sync ${r + 1}/${o.reps.edit}: app ${mine.ms.toFixed(0)} ms, git CLI ${cli.ms.toFixed(0)} ms; app memory ${mb(mine.restRss)} -> peak ${mb(mine.peakRss)}`);
    }

    // 3. A teammate (git CLI) changes documents and pushes; the app syncs, against `git pull` in another clone.
    const url = `${o.server.baseUrl}/${lastRepo}`;
    const teammate = await cloneWorkTree(o.root, url, 'teammate');
    const puller = await cloneWorkTree(o.root, url, 'cli-pull');
    const docFiles = listFiles(teammate).filter((f) => /^(rfcs|adrs|decisions|postmortems)\/.+\.md$/.test(f));
    const size = Math.min(o.pullSize, docFiles.length);
    for (let r = 0; r < o.reps.pull; r++) {
      await gitSteps(teammate, [['pull', '--quiet', '--ff-only']]);
      const step = Math.max(1, Math.floor(docFiles.length / size));
      for (let i = 0; i < size; i++) {
        const file = path.join(teammate, docFiles[(i * step + r) % docFiles.length]!);
        fs.writeFileSync(file, `${fs.readFileSync(file, 'utf8').trimEnd()}\n\n${editParagraph(7, r * 1000 + i)}\n`);
      }
      await gitSteps(teammate, [
        ['commit', '--quiet', '-a', '-m', `Teammate edits ${size} documents`],
        ['push', '--quiet', 'origin', 'main'],
      ]);
      const cliFirst = r % 2 === 1;
      const cli = cliFirst ? await gitSteps(puller, [['pull', '--quiet', '--ff-only']]) : null;
      const mine = await worker.request({ op: 'sync' });
      const cli2 = cli ?? (await gitSteps(puller, [['pull', '--quiet', '--ff-only']]));
      if (mine.in !== size) throw new Error(`pull ${r + 1} took in ${mine.in} documents, expected ${size}`);
      samples.pull.push({ ours: mine.ms, cli: cli2.ms, oursPeakRss: mine.peakRss, oursRestRss: mine.restRss, cliPeakRss: cli2.peakRss });
      o.log(`  pull ${size} ${r + 1}/${o.reps.pull}: app ${mine.ms.toFixed(0)} ms, git CLI ${cli2.ms.toFixed(0)} ms; app memory ${mb(mine.restRss)} -> peak ${mb(mine.peakRss)}`);
    }
  } finally {
    await worker.close();
  }
  samples.cli = await cliEditSync(o);
  return samples;
}

/**
 * Figure 11: the command line end to end, process start included, in the
 * workspace the edits above synced (bound to the last published
 * repository): `designdesk set RFC-1 title=...` then `designdesk sync`,
 * against the git CLI changing the same file's title line in a clone of its
 * own repository, then add, commit and push.
 */
async function cliEditSync(o: SyncBenchOptions): Promise<PairSample[]> {
  // cli.cjs finds sync-worker.cjs beside it, as in dist/main.
  const cli = await bundle(CLI_SOURCE, 'cli', 'cli');
  await bundle(APP_SYNC_WORKER, 'sync-worker', 'cli');
  const designdesk = (...args: string[]) => runCommand(process.execPath, [cli, ...args, '--workspace', o.workspaceDir], o.root, { env: { ...process.env } });
  const remote = (JSON.parse((await designdesk('remote', 'show', '--json')).stdout) as { url: string }).url;
  const name = remote.split('/').pop()!;
  const cliUrl = await cloneBareOnServer(o.server, name, 'cli-e2e.git');
  const clone = await cloneWorkTree(o.root, cliUrl, 'cli-e2e');
  const rfc = listFiles(clone).find((f) => /^rfcs\/0001-.+\.md$/.test(f));
  if (!rfc) throw new Error('figure 11: the published repository has no rfcs/0001-*.md');
  const out: PairSample[] = [];
  for (let r = 0; r < o.reps.cli; r++) {
    const title = `Bench edit ${r + 1} from the command line`;
    const t0 = performance.now();
    const set = await designdesk('set', 'RFC-1', `title=${title}`);
    const synced = await designdesk('sync', '--json');
    const ours = performance.now() - t0;
    if ((JSON.parse(synced.stdout) as { out: number }).out !== 1) throw new Error(`figure 11 rep ${r + 1}: the sync did not push one document: ${synced.stdout.slice(0, 300)}`);
    const text = fs.readFileSync(path.join(clone, rfc), 'utf8').replace(/^title: .*$/m, `title: ${title}`).replace(/^# .*$/m, `# ${title}`);
    fs.writeFileSync(path.join(clone, rfc), text);
    const git = await gitSteps(clone, [
      ['add', '-A'],
      ['commit', '--quiet', '-m', title],
      ['push', '--quiet', 'origin', 'main'],
    ]);
    out.push({ ours, cli: git.ms, oursPeakRss: Math.max(set.peakRss ?? 0, synced.peakRss ?? 0), oursRestRss: 0, cliPeakRss: git.peakRss });
    o.log(`  designdesk set + sync ${r + 1}/${o.reps.cli}: ${ours.toFixed(0)} ms, git add/commit/push ${git.ms.toFixed(0)} ms`);
  }
  return out;
}
