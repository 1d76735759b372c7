import type { DocKind } from '../../shared/kinds/kinds';

/** The formats an import understands; `auto` picks one per file. */
export const IMPORT_FORMATS = ['adr-tools', 'madr', 'log4brains', 'kep', 'rust-rfc', 'markdown'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The layouts an export writes. */
export const EXPORT_FORMATS = ['designdesk', 'madr', 'adr-tools'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Files above this size are refused by an import (a decision record is a few
 * kilobytes; a megabyte is already a book). Matches the body limit of a document.
 */
export const MAX_IMPORT_FILE_BYTES = 1_000_000;

/**
 * A link between two source files, as the source wrote it: a relative file
 * (`0002-use-x.md`), a number (`ADR-0123`), or both. Resolved to our numbers
 * once every file of the import is read.
 */
export interface SourceLink {
  relation: 'supersedes' | 'supersededBy';
  /** Path of the target relative to the import root (posix), when the source gave a file. */
  path?: string;
  /** The target's number in the source, when the source gave one. */
  number?: number;
  /** The link as written, kept when it cannot be resolved. */
  text: string;
}

/** One decision read from a file of another tool, in our terms, before it is stored. */
export interface ImportedDoc {
  format: ImportFormat;
  /** Path of the file relative to the import root, with '/' separators: the source key. */
  path: string;
  kind: DocKind;
  /** The number the source gave it, if any (0 and missing are renumbered). */
  sourceNumber: number | null;
  title: string;
  /** A status of the kind's lifecycle, or the source's status verbatim when it maps to none. */
  status: string;
  body: string;
  /** The kind's fields plus every source field that has no place of its own (kept, never dropped). */
  fields: Record<string, unknown>;
  /** Creation day, YYYY-MM-DD, when the source says. */
  createdAt: string | null;
  links: SourceLink[];
  /** What a person should know about this file: unknown status, renumbering, unreadable date... */
  notes: string[];
  /** True when something needs a person's look (an unknown status, an unresolved link). */
  flagged: boolean;
}

/** What a format parser is given: one decision file, and for a KEP its kep.yaml. */
export interface SourceFile {
  path: string;
  text: string;
  /** For a KEP README.md: the text of the kep.yaml beside it. */
  kepYaml?: string;
}
