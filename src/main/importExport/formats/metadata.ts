import type { ImportedDoc } from '../importedDoc';
import { keepExtra, normalizeDate, splitNames, stripComments } from './common';
import { applyStatus, linkTarget } from './status';

/** How a metadata key of MADR / log4brains / adr-tools maps to ours, after lower-casing and dropping spaces, dashes, "(s)". */
const KEY_ALIASES: Record<string, string> = {
  status: 'status',
  date: 'date',
  lastupdated: 'date',
  deciders: 'decisionMakers',
  decider: 'decisionMakers',
  decisionmakers: 'decisionMakers',
  decisionmaker: 'decisionMakers',
  consulted: 'consulted',
  informed: 'informed',
  tags: 'tags',
  tag: 'tags',
  supersedes: 'supersedes',
  supersededby: 'supersededBy',
  author: 'author',
};

/** The canonical name of a metadata key, or null when it has no place of its own. */
export function canonicalKey(key: string): string | null {
  return KEY_ALIASES[key.toLowerCase().replace(/\(s\)/g, 's').replace(/[\s_-]+/g, '')] ?? null;
}

export interface MetaOptions {
  /** Tags written as "a b, c" (log4brains) split on blanks too. */
  tagsSplitOnSpace?: boolean;
  /** A day to use as creation date when the metadata has none (log4brains file names). */
  fallbackDate?: string | null;
  /** Format-specific status words (e.g. KEP's "implementable"). */
  statusSynonyms?: Record<string, string>;
}

/**
 * Applies decision-record metadata (status, date, deciders, consulted,
 * informed, tags, supersede links) to an imported document; every other key
 * is kept as an extra field under its own name, so an export can write it back.
 */
export function applyMeta(doc: ImportedDoc, entries: ReadonlyArray<readonly [string, unknown]>, options: MetaOptions = {}): void {
  let status: string | null = null;
  let date: string | null = null;
  for (const [key, value] of entries) {
    const canon = canonicalKey(key);
    switch (canon) {
      case 'status':
        status = value === null || value === undefined ? null : String(value);
        break;
      case 'date': {
        if (value === null || value === undefined || stripComments(String(value)) === '') break;
        const d = normalizeDate(value);
        if (d) date = d;
        else {
          doc.fields.dateText = String(value);
          doc.notes.push(`date "${String(value)}" is not a day as YYYY-MM-DD: kept as dateText`);
        }
        break;
      }
      case 'decisionMakers':
      case 'consulted':
      case 'informed':
        addNames(doc, canon, splitNames(value));
        break;
      case 'tags':
        addNames(doc, 'tags', splitNames(value, options.tagsSplitOnSpace ? /[\s,;]+/ : /[,;]/).map((t) => t.slice(0, 60)));
        break;
      case 'author':
        if (typeof value === 'string' && stripComments(value)) doc.fields.author = stripComments(value).slice(0, 200);
        else keepExtra(doc.fields, key, value);
        break;
      case 'supersedes':
      case 'supersededBy':
        for (const t of Array.isArray(value) ? value : [value]) {
          if (t === null || t === undefined || String(t).trim() === '') continue;
          doc.links.push({ relation: canon, ...linkTarget(String(t), doc.path) });
        }
        break;
      default:
        keepExtra(doc.fields, key, value);
    }
  }
  applyStatus(doc, status, options.statusSynonyms);
  if (date) doc.fields.date = date;
  doc.createdAt = date ?? options.fallbackDate ?? null;
}

function addNames(doc: ImportedDoc, key: string, names: string[]): void {
  const prev = Array.isArray(doc.fields[key]) ? (doc.fields[key] as string[]) : [];
  const merged = [...prev];
  for (const n of names) if (!merged.includes(n)) merged.push(n.slice(0, 200));
  doc.fields[key] = merged.slice(0, key === 'tags' ? 50 : 100);
}

/** Bullet metadata under an H1 ("- Status: accepted", "* Date: 2020-01-01"), as MADR 2, log4brains and Rust RFCs write it. */
export interface BulletBlock {
  entries: Array<[string, string]>;
  rest: string;
}

const BULLET_RE = /^\s{0,3}[-*+]\s+([A-Za-z][A-Za-z0-9 ()/'-]{0,40}?)\s*:\s*(.*)$/;

/**
 * Takes the block of "- Key: value" bullets that opens a text (after blank
 * lines and comments), when at least one key is in `known` (lower case);
 * otherwise null, and the list stays part of the body.
 */
export function takeBullets(text: string, known: readonly string[]): BulletBlock | null {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && (!lines[i]!.trim() || /^\s*<!--.*-->\s*$/.test(lines[i]!))) i++;
  const entries: Array<[string, string]> = [];
  while (i < lines.length) {
    const m = BULLET_RE.exec(lines[i]!);
    if (!m) break;
    entries.push([m[1]!.trim(), m[2]!.trim()]);
    i++;
  }
  if (!entries.some(([k]) => known.includes(k.toLowerCase()))) return null;
  return { entries, rest: lines.slice(i).join('\n') };
}
