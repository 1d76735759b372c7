import type { Document } from '../../shared/document';
import { DocIdSchema } from '../../shared/document';
import { AppError } from '../../shared/errors';
import { DOC_KINDS, KINDS, parseDisplayRef, type DocKind } from '../../shared/kinds/kinds';
import { UsageError, type CommandContext } from './context';

/**
 * The live document a REF names: a document id (26-character ULID) or a
 * display reference such as RFC-12 or adr-3. Unknown -> NOT_FOUND; neither
 * form -> a usage error.
 */
export async function resolveRef(ctx: CommandContext, ref: string): Promise<Document> {
  const id = ref.trim().toUpperCase();
  if (DocIdSchema.safeParse(id).success) return ctx.call('docs:get', { id });
  const parsed = parseDisplayRef(ref);
  if (!parsed) {
    throw new UsageError(`"${ref}" is not a document reference: use a display reference such as RFC-12, ADR-3, DM-1, PM-4, or a document id.`);
  }
  const hit = (await ctx.call('docs:list', { kind: parsed.kind })).find((d) => d.number === parsed.number);
  if (!hit) throw new AppError('NOT_FOUND', `There is no ${ref.toUpperCase()} in this workspace. "designdesk list --kind ${parsed.kind}" shows the ${KINDS[parsed.kind].plural}.`, { ref });
  return ctx.call('docs:get', { id: hit.id });
}

/** Every way a kind is written in the KINDS table, as typed on a command line: "Decision matrices" -> decision-matrices. */
function namesOf(kind: DocKind): string[] {
  const { label, plural, prefix, folder } = KINDS[kind];
  const p = prefix.toLowerCase();
  return [p, `${p}s`, folder, label, plural].map((n) => n.toLowerCase().replace(/\s+/g, '-'));
}

/**
 * Other names people type for a kind: plurals, short prefixes, the folder
 * (all from KINDS), and a few words no table holds (the matrix as a decision).
 */
const KIND_ALIASES: Record<string, DocKind> = {
  ...Object.fromEntries(DOC_KINDS.flatMap((k) => namesOf(k).map((n) => [n, k]))),
  matrices: 'matrix',
  decision: 'matrix',
};

/** A kind as typed (rfc, ADRs, matrix, decisions, dm, postmortems, pm; any case), or a usage error listing the kinds. */
export function parseKind(text: string): DocKind {
  const t = text.trim().toLowerCase();
  const kind = (DOC_KINDS as readonly string[]).includes(t) ? (t as DocKind) : KIND_ALIASES[t];
  if (!kind) throw new UsageError(`"${text}" is not a kind of document. Kinds: ${DOC_KINDS.join(', ')}.`);
  return kind;
}
