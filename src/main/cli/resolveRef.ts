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

/** Other names people type for a kind: plurals, the matrix as a decision, short prefixes. */
const KIND_ALIASES: Record<string, DocKind> = {
  rfcs: 'rfc',
  adrs: 'adr',
  matrices: 'matrix',
  dm: 'matrix',
  dms: 'matrix',
  decision: 'matrix',
  decisions: 'matrix',
  'decision-matrix': 'matrix',
  'decision-matrices': 'matrix',
  postmortems: 'postmortem',
  pm: 'postmortem',
  pms: 'postmortem',
};

/** A kind as typed (rfc, ADRs, matrix, decisions, dm, postmortems, pm; any case), or a usage error listing the kinds. */
export function parseKind(text: string): DocKind {
  const t = text.trim().toLowerCase();
  const kind = (DOC_KINDS as readonly string[]).includes(t) ? (t as DocKind) : KIND_ALIASES[t];
  if (!kind) throw new UsageError(`"${text}" is not a kind of document. Kinds: ${DOC_KINDS.join(', ')}.`);
  return kind;
}
