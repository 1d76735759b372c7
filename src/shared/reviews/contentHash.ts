import type { DocKind } from '../kinds/kinds';
import { stableJson } from '../sync/mergeDocument';
import { bodyHash, fingerprint } from './bodyHash';

/**
 * The fields of each kind that are part of what reviewers approve; every
 * other field, and the title, is metadata (author, reviewers, dates of the record,
 * decision-makers, supersede links, tags, attendees, action items and their
 * progress). See docs/adr (substantive changes) and docs/format.md.
 */
export const SUBSTANTIVE_FIELDS: Record<DocKind, readonly string[]> = {
  rfc: [],
  adr: [],
  matrix: ['scale', 'requirements', 'criteria', 'options', 'ratings', 'decision', 'rationale', 'revisitWhen'],
  postmortem: ['incidentDate', 'duration', 'severity', 'impact', 'timeline', 'contributingFactors'],
};

export interface ContentSubject {
  kind: DocKind;
  body: string;
  fields: Readonly<Record<string, unknown>>;
}

/** Runs of whitespace become one space, and the ends are trimmed: reflowing a paragraph or adding blank lines changes nothing. */
const words = (s: string): string => s.split(/\s+/).filter(Boolean).join(' ');

function wordsDeep(value: unknown): unknown {
  if (typeof value === 'string') return words(value);
  if (Array.isArray(value)) return value.map(wordsDeep);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, wordsDeep(v)]));
  return value;
}

/**
 * What a reviewer approves, as one string: the body and the kind's
 * substantive fields, with whitespace-only differences removed.
 */
export function substantiveContent(doc: ContentSubject): string {
  const fields = Object.fromEntries(SUBSTANTIVE_FIELDS[doc.kind].filter((k) => doc.fields[k] !== undefined).map((k) => [k, wordsDeep(doc.fields[k])]));
  return stableJson({ body: words(doc.body), fields });
}

/**
 * The revision a verdict is given on: a fingerprint of the substantive
 * content. Two texts with the same hash differ only in whitespace or
 * metadata; any other edit gives another hash (`s1-`: the first definition).
 */
export function contentHash(doc: ContentSubject): string {
  return `s1-${fingerprint(substantiveContent(doc))}`;
}

/** The text a record is compared with: the body hash of old records and the content hash of new ones. */
export interface TextVersion {
  bodyHash: string;
  contentHash: string;
}

export function textVersion(doc: ContentSubject): TextVersion {
  return { bodyHash: bodyHash(doc.body), contentHash: contentHash(doc) };
}

/**
 * Whether a record was made on another text than `now`: by its content hash
 * when it has one, else (records written before content hashes) by its body
 * hash.
 */
export function madeOnOtherText(record: { bodyHash: string; contentHash?: string | undefined }, now: TextVersion): boolean {
  return record.contentHash !== undefined ? record.contentHash !== now.contentHash : record.bodyHash !== now.bodyHash;
}
