import { diffLines, diffWordsWithSpace, type Change } from 'diff';

/** A run of text and whether it is kept, added (in the newer text) or removed (only in the older one). */
export interface Seg {
  text: string;
  change: 'same' | 'added' | 'removed';
}

/** The inline view: runs of text with changes marked word by word, and collapsed unchanged stretches. */
export type InlineBlock = { type: 'text'; segs: Seg[] } | { type: 'skip'; lines: number };

export interface SideCell {
  /** 1-based line number on its side. */
  n: number;
  change: Seg['change'];
  segs: Seg[];
}

/** The side-by-side view: the older text on the left, the newer on the right, changed lines paired. */
export type SideRow = { type: 'line'; left: SideCell | null; right: SideCell | null } | { type: 'skip'; lines: number };

export interface TextDiff {
  inline: InlineBlock[];
  sideBySide: SideRow[];
  addedLines: number;
  removedLines: number;
  identical: boolean;
  /** The texts were too different to compare in time: shown as all removed, then all added. */
  approximate: boolean;
}

type Hunk = { type: 'same'; lines: string[] } | { type: 'change'; removed: string[]; added: string[] };

const LINE_DIFF_TIMEOUT_MS = 2000;
const WORD_DIFF_TIMEOUT_MS = 300;
/** Word-level marking only for changes small enough to read word by word. */
const WORD_DIFF_MAX_CHARS = 20_000;

function splitLines(value: string): string[] {
  if (value === '') return [];
  return (value.endsWith('\n') ? value.slice(0, -1) : value).split('\n');
}

function toHunks(changes: Change[]): Hunk[] {
  const hunks: Hunk[] = [];
  for (const c of changes) {
    const lines = splitLines(c.value);
    const last = hunks[hunks.length - 1];
    if (!c.added && !c.removed) {
      hunks.push({ type: 'same', lines });
    } else if (last?.type === 'change') {
      (c.added ? last.added : last.removed).push(...lines);
    } else {
      hunks.push({ type: 'change', removed: c.removed ? lines : [], added: c.added ? lines : [] });
    }
  }
  return hunks;
}

/** Word-level segments of one change, or the whole removed then added text when too large. */
function wordSegs(before: string, after: string): Seg[] {
  const whole: Seg[] = [
    ...(before ? [{ text: before, change: 'removed' as const }] : []),
    ...(after ? [{ text: after, change: 'added' as const }] : []),
  ];
  if (!before || !after || before.length + after.length > WORD_DIFF_MAX_CHARS) return whole;
  const parts = diffWordsWithSpace(before, after, { timeout: WORD_DIFF_TIMEOUT_MS });
  if (!parts) return whole;
  return tidy(parts.map((p) => ({ text: p.value, change: p.added ? 'added' : p.removed ? 'removed' : 'same' })));
}

/**
 * Reads better: in a run of changes that both removes and adds, all removed
 * text comes before all added text, and the lone spaces between them join in.
 */
function tidy(segs: Seg[]): Seg[] {
  const isGap = (k: number): boolean => segs[k]?.change === 'same' && /^[ \t]+$/.test(segs[k]!.text) && segs[k + 1] !== undefined && segs[k + 1]!.change !== 'same';
  const out: Seg[] = [];
  let i = 0;
  while (i < segs.length) {
    if (segs[i]!.change === 'same') {
      out.push(segs[i++]!);
      continue;
    }
    let j = i;
    while (j < segs.length && (segs[j]!.change !== 'same' || isGap(j))) j++;
    const run = segs.slice(i, j);
    const removed = run.filter((s) => s.change !== 'added').map((s) => s.text).join('');
    const added = run.filter((s) => s.change !== 'removed').map((s) => s.text).join('');
    if (run.some((s) => s.change === 'removed') && run.some((s) => s.change === 'added')) {
      out.push({ text: removed, change: 'removed' }, { text: added, change: 'added' });
    } else {
      out.push(...run);
    }
    i = j;
  }
  return out;
}

/**
 * Which lines of an unchanged stretch stay visible around the changes; the
 * rest collapse. A stretch that is the whole text (no change at all) shows
 * its first `context` lines.
 */
function visibleRange(count: number, isFirst: boolean, isLast: boolean, context: number): { head: number; tail: number } {
  const head = isFirst && !isLast ? 0 : context;
  const tail = isLast ? 0 : context;
  if (head + tail + 1 >= count) return { head: count, tail: 0 };
  return { head, tail };
}

/**
 * Compares an older text with a newer one line by line, marking changed lines
 * word by word, for both an inline and a side-by-side view. Unchanged
 * stretches longer than the context collapse into "N unchanged lines".
 */
export function diffTexts(older: string, newer: string, context = 3): TextDiff {
  const lineChanges = diffLines(older, newer, { timeout: LINE_DIFF_TIMEOUT_MS });
  const approximate = lineChanges === undefined;
  const changes: Change[] = lineChanges ?? [
    { value: older, removed: true, added: false, count: 0 },
    { value: newer, added: true, removed: false, count: 0 },
  ];
  const hunks = toHunks(changes);
  const result: TextDiff = { inline: [], sideBySide: [], addedLines: 0, removedLines: 0, identical: true, approximate };
  let oldNo = 0;
  let newNo = 0;
  hunks.forEach((h, i) => {
    if (h.type === 'same') {
      const { head, tail } = visibleRange(h.lines.length, i === 0, i === hunks.length - 1, context);
      const shown = (lines: string[]): void => {
        if (lines.length === 0) return;
        result.inline.push({ type: 'text', segs: [{ text: lines.join('\n') + '\n', change: 'same' }] });
        for (const line of lines) {
          const cell = (n: number): SideCell => ({ n, change: 'same', segs: [{ text: line, change: 'same' }] });
          result.sideBySide.push({ type: 'line', left: cell(++oldNo), right: cell(++newNo) });
        }
      };
      shown(h.lines.slice(0, head));
      const hidden = h.lines.length - head - tail;
      if (hidden > 0) {
        result.inline.push({ type: 'skip', lines: hidden });
        result.sideBySide.push({ type: 'skip', lines: hidden });
        oldNo += hidden;
        newNo += hidden;
      }
      shown(h.lines.slice(h.lines.length - tail));
      return;
    }
    result.identical = false;
    result.removedLines += h.removed.length;
    result.addedLines += h.added.length;
    const before = h.removed.join('\n');
    const after = h.added.join('\n');
    // The line break after the change belongs to whichever side has lines.
    const nl: Seg['change'] = h.removed.length === 0 ? 'added' : h.added.length === 0 ? 'removed' : 'same';
    result.inline.push({ type: 'text', segs: [...wordSegs(before, after), { text: '\n', change: nl }] });
    for (let k = 0; k < Math.max(h.removed.length, h.added.length); k++) {
      const l = h.removed[k];
      const r = h.added[k];
      const paired = l !== undefined && r !== undefined ? wordSegs(l, r) : null;
      result.sideBySide.push({
        type: 'line',
        // A line with no counterpart is marked by its cell; words are marked only within a pair.
        left: l === undefined ? null : { n: ++oldNo, change: 'removed', segs: paired ? paired.filter((s) => s.change !== 'added') : [{ text: l, change: 'same' }] },
        right: r === undefined ? null : { n: ++newNo, change: 'added', segs: paired ? paired.filter((s) => s.change !== 'removed') : [{ text: r, change: 'same' }] },
      });
    }
  });
  return result;
}

export interface FieldChange {
  key: string;
  before: string;
  after: string;
}

function show(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return v.length ? v.join(', ') : '—';
  return JSON.stringify(v);
}

/** The metadata fields that differ between two versions, as readable text. */
export function diffFields(older: Record<string, unknown>, newer: Record<string, unknown>): FieldChange[] {
  const keys = [...new Set([...Object.keys(older), ...Object.keys(newer)])];
  return keys
    .filter((k) => JSON.stringify(older[k]) !== JSON.stringify(newer[k]))
    .map((key) => ({ key, before: show(older[key]), after: show(newer[key]) }));
}
