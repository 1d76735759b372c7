// The checks `npm test` runs before the test files, side by side: the
// typecheck (tsc -b), the lint (ESLint, no warnings allowed) and the build
// (the renderer with Vite, then the main side). They do not depend on each
// other, so on a 2-core machine running them together takes about as long as
// the slowest. Each one's output is held and printed whole when it ends, so
// the log reads as if they had run one after the other; the first failure is
// reported by name and the exit code is non-zero.
//   node scripts/checks.mjs            (npm test calls it)
import { spawn } from 'node:child_process';

const CHECKS = [
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['build', 'npm', ['run', '-s', 'build']],
];

function run([name, cmd, args]) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    const out = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => out.push(b));
    child.on('error', (e) => out.push(Buffer.from(`${e.message}\n`)));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const text = Buffer.concat(out).toString();
      process.stdout.write(`\n[checks] ${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s\n`);
      if (text.trim()) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
      resolve({ name, code });
    });
  });
}

const results = await Promise.all(CHECKS.map(run));
const failed = results.filter((r) => r.code !== 0).map((r) => r.name);
if (failed.length) {
  process.stderr.write(`[checks] failed: ${failed.join(', ')}\n`);
  process.exit(1);
}
