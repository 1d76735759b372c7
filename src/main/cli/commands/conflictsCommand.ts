import { structuredPatch } from 'diff';
import type { SyncConflict } from '../../../shared/contract/sync';
import type { Command } from '../context';
import { plural } from '../output';
import { resolveRef } from '../resolveRef';
import { terminalJson, terminalLine } from '../../../shared/format/printable';

/** Lines of context around each change, as `diff -u` and git show them. */
const CONTEXT_LINES = 3;
/** Past this many changed lines a diff is not computed (Myers' cost grows with it): the texts are in --json. */
const MAX_DIFF_EDITS = 1000;

/** What collided, in the app's words (ConflictCard). */
export function whatCollided(c: SyncConflict): string {
  if (c.conflict === 'deleted-remotely') return 'deleted in the team repository, edited in this workspace';
  const parts: string[] = [];
  if (c.fields.length) parts.push(`both changed ${c.fields.map((f) => `"${terminalLine(f)}"`).join(', ')}`);
  if (c.body) parts.push('both changed the same lines of the text');
  return parts.join('; ') || 'both changed the document';
}

/** A unified-style diff of two texts: `@@` hunk headers, then ` `, `-`, `+` lines, each escaped for the terminal. */
export function unifiedDiff(from: string, to: string): string[] {
  const patch = structuredPatch('a', 'b', from, to, undefined, undefined, { context: CONTEXT_LINES, maxEditLength: MAX_DIFF_EDITS });
  if (!patch) return [`(too many changed lines to show here; "--json" prints both texts in full)`];
  if (patch.hunks.length === 0) return ['(no difference)'];
  const out: string[] = [];
  for (const h of patch.hunks) {
    out.push(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`);
    for (const line of h.lines) out.push(line.startsWith('\\') ? line : `${line[0]}${terminalLine(line.slice(1))}`);
  }
  return out;
}

/** One conflict as the terminal shows it: what collided, then each side against the base (or mine against theirs when there is no base). */
export function renderConflict(c: SyncConflict): string[] {
  const out = [
    `${c.ref}  ${terminalLine(c.title)}`,
    `  file:      ${terminalLine(c.path)}`,
    `  conflict:  ${whatCollided(c)}`,
    `  found:     ${c.detectedAt}`,
  ];
  const section = (label: string, from: string, to: string): void => {
    out.push('', `  ${label}`, ...unifiedDiff(from, to).map((l) => `    ${l}`));
  };
  if (c.base === null) {
    out.push('', '  base:      none (this workspace never synced this file)');
    section('mine (this workspace) -> theirs (team repository):', c.mine, c.theirs ?? '');
  } else {
    section('base (last sync) -> mine (this workspace):', c.base, c.mine);
    if (c.theirs === null) out.push('', '  base (last sync) -> theirs (team repository): the file was deleted');
    else section('base (last sync) -> theirs (team repository):', c.base, c.theirs);
  }
  return out;
}

/** `designdesk conflicts [REF]`: the documents a sync left in conflict, with base, mine and theirs. */
export const conflictsCommand: Command = {
  name: 'conflicts',
  summary: 'show the sync conflicts (base, mine and theirs of each)',
  usage: ['conflicts [REF] [--json]'],
  details: `Lists the documents a sync left in conflict (both sides changed the same field
or the same lines), or only REF: what collided, the file, and each side
against the last synced version (the base), as unified diffs. Text from the
documents is printed with control characters escaped.

Exit code 1 when there is any conflict (as "designdesk sync" exits), 0 when
there is none. Resolve each with "designdesk resolve REF --take ...".

Options:
  --json   print the conflicts as JSON, with the full texts of base, mine and
           theirs and a suggested merge (docs/cli.md, "conflicts and resolve")

Example:
  designdesk conflicts --json | jq -r '.[] | select(.ref == "RFC-12") | .suggestion' > merged.md`,
  options: { json: { type: 'boolean' } },
  args: { min: 0, max: 1 },
  workspace: true,
  async run(ctx) {
    let conflicts = await ctx.call('sync:conflicts', {});
    const ref = ctx.args[0];
    if (ref !== undefined) {
      const doc = await resolveRef(ctx, ref);
      conflicts = conflicts.filter((c) => c.id === doc.id);
    }
    if (ctx.values.json) ctx.io.stdout(`${terminalJson(conflicts)}\n`);
    else if (conflicts.length === 0) ctx.out(ref === undefined ? 'No sync conflicts.' : `${terminalLine(ref.toUpperCase())} has no sync conflict.`);
    else ctx.out(conflicts.map((c) => renderConflict(c).join('\n')).join('\n\n'));
    if (conflicts.length && !ctx.values.json) {
      ctx.err(
        `designdesk conflicts: ${plural(conflicts.length, 'document')} in conflict. Resolve each with "designdesk resolve REF --take mine|theirs" or "--take merged --file FILE", then run "designdesk sync".`,
      );
    }
    return conflicts.length ? 1 : 0;
  },
};
