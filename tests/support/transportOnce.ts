// One connection test and fetch of a remote in a process of its own, for
// tests that need process-wide settings (NODE_EXTRA_CA_CERTS is read at
// start, proxy variables):
//   node --import tsx tests/support/transportOnce.ts <url> [branch]
// Prints {"ok":true,"branches":[...],"head":"..."} or {"ok":false,"error":{code,message}}.
import { describeGitError } from '../../src/main/sync/gitErrors';
import { tempGitRepo } from './transportRepo';

const url = process.argv[2]!;
const branch = process.argv[3] ?? 'main';
const repo = tempGitRepo();
repo
  .listBranches({ url, branch })
  .then(async (branches) => ({ ok: true, branches, head: await repo.fetch({ url, branch }) }))
  .catch((e: unknown) => ({ ok: false, error: describeGitError(e, url, branch).toJSON() }))
  .then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
