// Runs scripts/setup.sh when this clone is not set up yet, so that `npm start`
// and `npm test` are each enough on a fresh clone. Node built-ins only: it
// runs before node_modules exists. Set up means what setup.sh checks and
// stamps: node_modules installed from this package-lock.json for this Node,
// better-sqlite3 loading, Chromium and git present. When all of that holds it
// costs a hash of the lockfile and one require (well under a second).
//   node scripts/ensure-setup.mjs        (npm test and npm start call it)
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.DESIGNDESK_CHROMIUM ?? '/usr/bin/chromium';

/** The stamp setup.sh writes after a good npm ci (same formula as there). */
function wantedStamp(root) {
  const lock = crypto.createHash('sha256').update(fs.readFileSync(path.join(root, 'package-lock.json'))).digest('hex');
  return `${lock} node-${process.versions.modules}-${process.arch}`;
}

function onPath(cmd) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, cmd)));
}

/** What is missing, in words; empty when the clone is ready. */
export function setupGaps(root = ROOT) {
  const gaps = [];
  let stamp = '';
  try {
    stamp = fs.readFileSync(path.join(root, 'node_modules', '.designdesk-setup'), 'utf8');
  } catch {
    gaps.push('node_modules is not installed');
  }
  if (stamp && stamp !== wantedStamp(root)) gaps.push('node_modules was installed from another package-lock.json or Node');
  if (!gaps.length) {
    try {
      const Database = createRequire(path.join(root, 'package.json'))('better-sqlite3');
      new Database(':memory:').close();
    } catch {
      gaps.push('better-sqlite3 does not load');
    }
  }
  if (process.platform === 'linux' && !fs.existsSync(CHROMIUM)) gaps.push(`Chromium is not at ${CHROMIUM}`);
  if (!onPath(process.platform === 'win32' ? 'git.exe' : 'git')) gaps.push('git is not installed');
  return gaps;
}

/** Runs setup.sh when something is missing; exits the process when it fails. */
export function ensureSetup() {
  const gaps = setupGaps();
  if (!gaps.length) return;
  console.log(`[setup] ${gaps.join('; ')}: running scripts/setup.sh (once)`);
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'setup.sh')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('\n[setup] scripts/setup.sh failed; see above.');
    process.exit(r.status ?? 1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) ensureSetup();
