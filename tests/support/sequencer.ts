import fs from 'node:fs';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The order vitest hands test files to its workers. Its own order runs the
// longest first when an earlier run left their durations (in
// node_modules/.vite), but a fresh clone has none: it then goes project by
// project and, within one, by file size. The bench smoke files are a few
// lines each yet the longest of all (each runs `npm run bench` on a small
// corpus; the typing part waits on a writer's pace for most of a minute), so
// on a fresh clone they started last and the run waited for them. Here the
// known heavy tiers go first, so the short files fill in around them.

/** What the order knows of a file: its path from the root, its size, and its last duration if any. */
export interface FileFacts {
  path: string;
  size: number;
  duration?: number | undefined;
}

/** Tiers by their typical cost per file, heaviest first. */
const TIERS: readonly RegExp[] = [/^tests\/integration\/bench\//, /^tests\/e2e\/accessibility-/, /^tests\/e2e\//, /^tests\/(integration|slow)\//, /^tests\//];

export function tierOf(file: string): number {
  const i = TIERS.findIndex((t) => t.test(file.split(path.sep).join('/')));
  return i === -1 ? TIERS.length : i;
}

/**
 * Longest first: by last duration where both files have one, otherwise the
 * heavier tier first, then the larger file. Stable for equal keys.
 */
export function compareFiles(a: FileFacts, b: FileFacts): number {
  if (a.duration !== undefined && b.duration !== undefined) return b.duration - a.duration;
  return tierOf(a.path) - tierOf(b.path) || b.size - a.size;
}

export class HeavyFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const facts = new Map(
      files.map((spec) => {
        const rel = path.relative(root, spec.moduleId);
        const cached = this.ctx.cache.getFileTestResults(`${spec.project.name}:${rel}`);
        const size = this.ctx.cache.getFileStats(`${spec.project.name}:${rel}`)?.size ?? sizeOf(spec.moduleId);
        return [spec, { path: rel, size, duration: cached && !cached.failed ? cached.duration : undefined }] as const;
      }),
    );
    return [...files].sort((a, b) => compareFiles(facts.get(a)!, facts.get(b)!));
  }
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
