import { z } from 'zod';

export const DOC_KINDS = ['rfc', 'adr', 'matrix', 'postmortem'] as const;
export const DocKindSchema = z.enum(DOC_KINDS);
export type DocKind = z.infer<typeof DocKindSchema>;

export interface KindInfo {
  /** What a person calls it. */
  label: string;
  plural: string;
  /** Prefix of the display reference, e.g. RFC-12. */
  prefix: string;
  /** Folder in the team repo. */
  folder: string;
}

export const KINDS: Record<DocKind, KindInfo> = {
  rfc: { label: 'RFC', plural: 'RFCs', prefix: 'RFC', folder: 'rfcs' },
  adr: { label: 'ADR', plural: 'ADRs', prefix: 'ADR', folder: 'adrs' },
  matrix: { label: 'Decision matrix', plural: 'Decision matrices', prefix: 'DM', folder: 'decisions' },
  postmortem: { label: 'Postmortem', plural: 'Postmortems', prefix: 'PM', folder: 'postmortems' },
};

/** The display reference of a document: RFC-12, ADR-3, DM-1, PM-4. */
export function displayRef(kind: DocKind, num: number): string {
  return `${KINDS[kind].prefix}-${num}`;
}

/**
 * One value per kind, built from DOC_KINDS: every table keyed by kind (zod
 * objects, labels, menu entries) is made with this, so a new kind in the
 * table above reaches each of them, or fails to compile where a value is owed.
 */
export function perKind<T>(make: (kind: DocKind) => T): Record<DocKind, T> {
  return Object.fromEntries(DOC_KINDS.map((k) => [k, make(k)])) as Record<DocKind, T>;
}

/** The kind whose display prefix this is (upper case: "RFC", "DM"), or undefined. */
export const KIND_BY_PREFIX: ReadonlyMap<string, DocKind> = new Map(DOC_KINDS.map((k) => [KINDS[k].prefix, k]));

/** Regex source matching any one display prefix, as a group: "(RFC|ADR|DM|PM)". Prefixes are letters only. */
export const PREFIX_SOURCE = `(${DOC_KINDS.map((k) => KINDS[k].prefix).join('|')})`;

const REF_RE = new RegExp(`^${PREFIX_SOURCE}-(\\d{1,6})$`, 'i');

/** Parses "RFC-12" (any case) into kind and number, or returns null. */
export function parseDisplayRef(ref: string): { kind: DocKind; number: number } | null {
  const m = REF_RE.exec(ref.trim());
  if (!m) return null;
  const kind = KIND_BY_PREFIX.get(m[1]!.toUpperCase())!;
  const number = Number(m[2]);
  return number > 0 ? { kind, number } : null;
}
