import { DOC_KINDS } from '../../../shared/kinds/kinds';
import { IMPORT_FORMATS, MAX_IMPORT_FILE_BYTES, type ImportFormat } from '../../importExport/importedDoc';
import type { ImportReport } from '../../importExport/importService';
import { UsageError, str, type Command, type CommandContext } from '../context';
import { parseKind } from '../resolveRef';
import { printablePath } from '../../../shared/format/printable';

/** `designdesk import PATH`: brings another tool's decision log into the workspace. */
export const importCommand: Command = {
  name: 'import',
  summary: 'import decision records (adr-tools, MADR, log4brains, KEPs, Rust RFCs, Markdown)',
  usage: [`import PATH [--format auto|${IMPORT_FORMATS.join('|')}] [--kind KIND] [--dry-run] [--force] [--json]`],
  details: `PATH is a decision folder, a Markdown file, or a whole repository: in a repository
the decision folders are found (the folder named in .adr-dir, the project's and
every package's folder named in .log4brains.yml, doc/adr, docs/adr,
docs/decisions, keps/, text/); a log4brains package's ADRs are tagged with it. The format is detected per file unless --format
says. Templates, index pages and READMEs of those tools are skipped, and so are
files above ${MAX_IMPORT_FILE_BYTES} bytes. Every file gets a line: imported, updated or skipped
with the reason. Importing the same folder again updates its documents (never
duplicates); a document changed in DesignDesk since is not overwritten unless
--force (its text is kept as a version). A status that has no place in the
kind's lifecycle becomes the nearest one (draft -> proposed for an ADR), the
original kept as the importedStatus field; one with no nearest status is flagged.

Options:
  --format FORMAT   auto (default), ${IMPORT_FORMATS.join(', ')}
  --kind KIND       import as this kind (${DOC_KINDS.join(', ')}); default: adr, rfc for KEPs and Rust RFCs
  --dry-run         report what would happen, write nothing
  --force           overwrite documents changed in DesignDesk since their import
  --json            print the report as JSON

Exit code 1 when a file could not be imported (unreadable, too large, refused).

Examples:
  designdesk import ~/src/payments              # finds doc/adr, docs/decisions, ...
  designdesk import docs/adr --format madr --dry-run`,
  options: { format: { type: 'string' }, kind: { type: 'string' }, 'dry-run': { type: 'boolean' }, force: { type: 'boolean' }, json: { type: 'boolean' } },
  args: { min: 1, max: 1 },
  workspace: true,
  run(ctx) {
    const format = str(ctx.values, 'format') ?? 'auto';
    if (format !== 'auto' && !(IMPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format is one of auto, ${IMPORT_FORMATS.join(', ')}.`);
    const kind = str(ctx.values, 'kind');
    const report = ctx.app().importer.importPath(ctx.resolvePath(ctx.args[0]!), {
      format: format as ImportFormat | 'auto',
      ...(kind !== undefined ? { kind: parseKind(kind) } : {}),
      force: ctx.values.force === true,
      dryRun: ctx.values['dry-run'] === true,
    });
    if (ctx.values.json) ctx.json(report);
    else printReport(ctx, report, ctx.values['dry-run'] === true);
    return report.counts.problems > 0 ? 1 : 0;
  },
};

function printReport(ctx: CommandContext, r: ImportReport, dryRun: boolean): void {
  const where = r.folders.length === 1 && r.folders[0] === '' ? r.root : r.folders.map((f) => `${r.root}/${f}`).join(', ');
  ctx.out(`${dryRun ? 'Would import' : 'Imported'} from ${printablePath(where)}`);
  for (const e of r.entries) {
    const head = `${e.action.padEnd(8)} ${printablePath(e.path)}`;
    if (e.action === 'skipped') ctx.out(`${head}: ${e.reason ?? ''}`);
    else ctx.out(`${head} -> ${e.ref} (${e.format}, ${e.status})${e.flagged ? '  [needs a look]' : ''}`);
    for (const n of e.notes) ctx.out(`           ${n}`);
  }
  const c = r.counts;
  ctx.out(`\n${c.imported} imported, ${c.updated} updated, ${c.skipped} skipped${c.flagged ? `, ${c.flagged} flagged` : ''}${c.problems ? `, ${c.problems} failed` : ''}.`);
  if (c.problems) ctx.err(`designdesk import: ${c.problems} file(s) could not be imported; see the skipped lines above.`);
}
