import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeGitError } from '../../src/main/sync/gitErrors';
import { GitRepo, type RemoteTarget, type TransferOptions } from '../../src/main/sync/gitRepo';
import type { AppError } from '../../src/shared/errors';

/** A GitRepo on a temp folder, as the sync uses it, for tests of the transport. */
export function tempGitRepo(): GitRepo {
  return new GitRepo(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-transport-')), 'repo.git'));
}

/** Puts a first commit on `main` of a bare repository with the git CLI. */
export function seedBareRepo(bareDir: string, files: Record<string, string> = { 'README.md': '# Team designs\n' }): string {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-seed-'));
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: work, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Seed', GIT_AUTHOR_EMAIL: 'seed@example.com', GIT_COMMITTER_NAME: 'Seed', GIT_COMMITTER_EMAIL: 'seed@example.com' } });
  git('init', '--quiet', '-b', 'main');
  for (const [p, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(work, p)), { recursive: true });
    fs.writeFileSync(path.join(work, p), text);
  }
  git('add', '-A');
  git('commit', '--quiet', '-m', 'Seed');
  git('push', '--quiet', bareDir, 'main');
  const head = git('rev-parse', 'HEAD').trim();
  fs.rmSync(work, { recursive: true, force: true });
  return head;
}

/** Commits one file on top of `parent` and pushes it; `bytes` of random text make a pack that large. */
export async function pushOne(repo: GitRepo, target: RemoteTarget, parent: string | null, file: string, options: TransferOptions = {}, bytes = 0): Promise<string> {
  const batch = repo.newBatch();
  const text = bytes ? crypto.randomBytes(bytes / 2).toString('hex') : `# ${file}\n\n${new Date().toISOString()}\n`;
  const blob = GitRepo.stageText(batch, text);
  const base = parent ? await repo.treeOf(parent) : null;
  const tree = await repo.buildTree(base, new Map([[file, blob]]), batch);
  const commit = await repo.commit(tree, parent, `Add ${file}`, { name: 'Ada', email: 'ada@example.com' }, new Date(), batch);
  await repo.push(target, commit, parent, batch, options);
  return commit;
}

/** What a user would see for a failed call: the AppError describeGitError makes of it. */
export async function refusalOf(work: Promise<unknown>, url: string, branch = 'main'): Promise<AppError> {
  try {
    await work;
  } catch (e) {
    return describeGitError(e, url, branch);
  }
  throw new Error('expected the call to fail');
}
