// Summarizes a V8 .cpuprofile (from `node --cpu-prof`): self time per
// function and per package, the top entries only. Used to write the notes
// in docs/performance.md:
//   node --import tsx bench/profileSummary.ts <file.cpuprofile> [--top 25]
import fs from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a script comes from: a package name, node's own code, or a project folder. */
function areaOf(url: string): string {
  if (!url) return '(native / vm)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.startsWith('node:')) return 'node core';
  const src = /\/(src\/[^/]+\/[^/]+|bench|tests)\//.exec(url);
  return src ? src[1]! : url.replace(/^file:\/\//, '');
}

/** Self time in ms per function and per area, largest first. */
export function summarize(profile: CpuProfile, top = 25): { total: number; functions: [string, number][]; areas: [string, number][] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const fns = new Map<string, number>();
  const areas = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    const file = n.callFrame.url.split('/').slice(-1)[0] ?? '';
    const key = `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`;
    fns.set(key, (fns.get(key) ?? 0) + ms);
    const area = areaOf(n.callFrame.url);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    total += ms;
  }
  const sorted = (m: Map<string, number>): [string, number][] => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { total, functions: sorted(fns), areas: sorted(areas) };
}

/** Self time of the functions named `name`, split by their callers' call stacks (innermost project frames first). */
export function callersOf(profile: CpuProfile, name: string, depth = 6): [string, number][] {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    if (n.callFrame.functionName !== name) return;
    const chain: string[] = [];
    let p = parent.get(id);
    while (p !== undefined && chain.length < depth) {
      const f = byId.get(p)!.callFrame;
      if (f.url && !f.url.includes('node_modules') && !f.url.startsWith('node:')) chain.push(`${f.functionName || '(anonymous)'}@${f.url.split('/').slice(-1)[0]}:${f.lineNumber + 1}`);
      p = parent.get(p);
    }
    const key = chain.join(' < ') || '(no project frame)';
    out.set(key, (out.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...out].sort((a, b) => b[1] - a[1]);
}

/** Inclusive time (the function and everything it called) of project functions, largest first: where a run's time went. */
export function inclusive(profile: CpuProfile, top = 25): [string, number][] {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let p: number | undefined = id; p !== undefined; p = parent.get(p)) {
      const f = byId.get(p)!.callFrame;
      if (!f.url || f.url.includes('node_modules') || f.url.startsWith('node:')) continue;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-1)[0]}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.set(key, (out.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
  });
  return [...out].sort((a, b) => b[1] - a[1]).slice(0, top);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').slice(-1)[0]!)) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' }, callers: { type: 'string' }, inclusive: { type: 'boolean', default: false } } });
  for (const file of positionals) {
    const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
    if (values.callers) {
      console.log(`${file}: callers of ${values.callers}`);
      for (const [chain, ms] of callersOf(profile, values.callers).slice(0, Number(values.top))) console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${chain}`);
      continue;
    }
    if (values.inclusive) {
      console.log(`${file}: inclusive time of project functions`);
      for (const [f, ms] of inclusive(profile, Number(values.top))) console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${f}`);
      continue;
    }
    const s = summarize(profile, Number(values.top));
    console.log(`${file}: ${s.total.toFixed(0)} ms sampled`);
    console.log('  by area (self time):');
    for (const [a, ms] of s.areas) console.log(`    ${ms.toFixed(0).padStart(7)} ms  ${((100 * ms) / s.total).toFixed(1).padStart(5)}%  ${a}`);
    console.log('  by function (self time):');
    for (const [f, ms] of s.functions) console.log(`    ${ms.toFixed(0).padStart(7)} ms  ${((100 * ms) / s.total).toFixed(1).padStart(5)}%  ${f}`);
  }
}
