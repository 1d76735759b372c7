import { z } from 'zod';
import { PersonSchema } from '../document';
import { locateAnchor } from './anchors';
import type { Anchor } from './schemas';

/**
 * Suggested changes: a reviewer proposes replacement text for a passage,
 * and the author accepts it (the text is edited, and the history credits
 * the reviewer) or declines it. Both acts are review records, so they
 * travel in reviews/<document id>.yml and merge as sets by id like every
 * other record (merge.ts); docs/format.md, "Suggested changes".
 */

export const SUGGESTION_MAX = 20_000;
export const SUGGESTION_OUTCOMES = ['accepted', 'declined'] as const;
export type SuggestionOutcome = (typeof SUGGESTION_OUTCOMES)[number];

/**
 * The two record schemas, built from the parts every review record shares
 * (schemas.ts passes its own, so this file does not import it back).
 */
export function suggestionRecordSchemas<B extends z.ZodRawShape, V extends z.ZodRawShape>(parts: { base: B; version: V; anchor: z.ZodType<Anchor>; recordId: z.ZodString }) {
  return {
    /** A proposed replacement of the anchored passage (`replacement` may be empty: "delete this"). */
    suggestion: z.object({
      ...parts.base,
      ...parts.version,
      type: z.literal('suggestion'),
      anchor: parts.anchor,
      replacement: z.string().max(SUGGESTION_MAX, `a suggested text is at most ${SUGGESTION_MAX.toLocaleString('en')} characters`),
      note: z.string().max(5000),
    }),
    /** The author's answer to a suggestion; an accepted one names the revision its edit made. */
    outcome: z.object({
      ...parts.base,
      type: z.literal('suggestion-outcome'),
      suggestionId: parts.recordId,
      outcome: z.enum(SUGGESTION_OUTCOMES),
      revision: z.number().int().nonnegative().optional(),
    }),
  };
}

export const SuggestionViewSchema = z.object({
  id: z.string(),
  by: PersonSchema,
  at: z.string(),
  anchor: z.object({ section: z.string(), quote: z.string(), prefix: z.string(), suffix: z.string() }),
  replacement: z.string(),
  note: z.string(),
  state: z.enum(['open', ...SUGGESTION_OUTCOMES]),
  decidedBy: PersonSchema.nullable(),
  decidedAt: z.string().nullable(),
  /** 'outdated' when the passage is no longer in the text (an open one can then only be declined). */
  location: z.enum(['found', 'outdated']),
  section: z.string(),
});
export type SuggestionView = z.infer<typeof SuggestionViewSchema>;

interface SuggestionLike {
  type: string;
  id: string;
  at: string;
  by: { name: string; email: string };
}
interface SuggestionRecordLike extends SuggestionLike {
  type: 'suggestion';
  anchor: Anchor;
  replacement: string;
  note: string;
}
interface OutcomeRecordLike extends SuggestionLike {
  type: 'suggestion-outcome';
  suggestionId: string;
  outcome: SuggestionOutcome;
}

const order = (a: SuggestionLike, b: SuggestionLike): number => (a.at !== b.at ? (a.at < b.at ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The suggestions of a document with their state, oldest first. The first
 * outcome recorded for a suggestion stands (two laptops answering it at once
 * keep the earlier answer; the later one is still in the file and history).
 */
export function deriveSuggestions(records: readonly SuggestionLike[], body: string): SuggestionView[] {
  const sorted = [...records].sort(order);
  const out = new Map<string, SuggestionView>();
  for (const r of sorted) {
    if (r.type !== 'suggestion') continue;
    const s = r as SuggestionRecordLike;
    const loc = locateAnchor(body, s.anchor);
    out.set(s.id, {
      id: s.id,
      by: s.by,
      at: s.at,
      anchor: s.anchor,
      replacement: s.replacement,
      note: s.note,
      state: 'open',
      decidedBy: null,
      decidedAt: null,
      location: loc.state,
      section: loc.state === 'found' ? loc.section : s.anchor.section,
    });
  }
  for (const r of sorted) {
    if (r.type !== 'suggestion-outcome') continue;
    const o = r as OutcomeRecordLike;
    const s = out.get(o.suggestionId);
    if (s && s.state === 'open') Object.assign(s, { state: o.outcome, decidedBy: o.by, decidedAt: o.at });
  }
  return [...out.values()];
}

/** The body with the suggestion's passage replaced, or null when the passage is not in the body any more. */
export function applySuggestion(body: string, anchor: Anchor, replacement: string): string | null {
  if (!anchor.quote) return null;
  const text = body.replace(/\r\n?/g, '\n');
  const loc = locateAnchor(text, anchor);
  if (loc.state !== 'found') return null;
  return text.slice(0, loc.start) + replacement + text.slice(loc.end);
}
