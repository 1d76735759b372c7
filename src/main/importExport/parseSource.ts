import type { DocKind } from '../../shared/kinds/kinds';
import { detectFormat, toolFileReason } from './detect';
import { parseAdrTools } from './formats/adrTools';
import { parseKep } from './formats/kep';
import { parseMarkdown } from './formats/markdown';
import { parseLog4brains, parseMadr } from './formats/madr';
import { parseRustRfc } from './formats/rustRfc';
import type { ImportedDoc, ImportFormat, SourceFile } from './importedDoc';

/** One parser per format; each takes the kind to import as (its default: ADR, or RFC for KEPs and Rust RFCs). */
export const PARSERS: Record<ImportFormat, (src: SourceFile, kind?: DocKind) => ImportedDoc> = {
  'adr-tools': parseAdrTools,
  madr: parseMadr,
  log4brains: parseLog4brains,
  kep: parseKep,
  'rust-rfc': parseRustRfc,
  markdown: parseMarkdown,
};

export type ParseOutcome = { ok: true; doc: ImportedDoc } | { ok: false; reason: string; format?: ImportFormat };

/**
 * One file to one document: tool pages (templates, index, README) are
 * skipped with the reason; `auto` detects the format per file; a parser that
 * gives up yields a reason, never an exception.
 */
export function parseSource(src: SourceFile, format: ImportFormat | 'auto' = 'auto', kind?: DocKind): ParseOutcome {
  const tool = toolFileReason(src);
  if (tool) return { ok: false, reason: tool };
  const chosen = format === 'auto' ? detectFormat(src) : format;
  try {
    return { ok: true, doc: PARSERS[chosen](src, kind) };
  } catch (e) {
    return { ok: false, format: chosen, reason: `not imported as ${chosen}: ${e instanceof Error ? e.message : String(e)}` };
  }
}
