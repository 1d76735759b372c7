import { EXPORT_FORMATS, type ExportFormat } from '../../importExport/importedDoc';
import { UsageError, str, type Command } from '../context';
import { parseKind } from '../resolveRef';

/** `designdesk export DIR`: writes the workspace's documents in a layout others read. */
export const exportCommand: Command = {
  name: 'export',
  summary: 'write the documents to a folder (designdesk repo, MADR or adr-tools layout)',
  usage: [`export DIR [--format ${EXPORT_FORMATS.join('|')}] [--kind KIND] [--json]`],
  details: `Writes every live document to DIR, creating it if needed:
  designdesk  the team repo format: designdesk.yml, rfcs/NNNN-slug.md, adrs/NNNN-slug.md,
              decisions/NNNN-slug.md, postmortems/YYYY-MM-DD-slug.md (default)
  madr        ADRs as MADR 4 files in docs/decisions/NNNN-slug.md
  adr-tools   ADRs as adr-tools files in doc/adr/NNNN-slug.md, plus .adr-dir
Files of the same name are replaced; in the designdesk layout a document already
in DIR keeps its file (as in a synced repo), and nothing is deleted. MADR and adr-tools hold ADRs only; other
kinds are listed as skipped. Fields those formats have no place for are kept
(MADR: extra front-matter keys; adr-tools: a <!-- designdesk ... --> comment),
so importing the export gives the same documents back. Paths are checked (no
"..", absolute paths or device names such as CON) and symbolic links inside
DIR are never followed.

Options:
  --format FORMAT   ${EXPORT_FORMATS.join(', ')} (default designdesk)
  --kind KIND       only this kind
  --json            print the report as JSON

Example:
  designdesk export ../team-decisions --format madr`,
  options: { format: { type: 'string' }, kind: { type: 'string' }, json: { type: 'boolean' } },
  args: { min: 1, max: 1 },
  workspace: true,
  run(ctx) {
    const format = str(ctx.values, 'format') ?? 'designdesk';
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format is one of ${EXPORT_FORMATS.join(', ')}.`);
    const kind = str(ctx.values, 'kind');
    const report = ctx.app().exporter.exportTo(ctx.resolvePath(ctx.args[0]!), { format: format as ExportFormat, ...(kind !== undefined ? { kind: parseKind(kind) } : {}) });
    if (ctx.values.json) ctx.json(report);
    else {
      ctx.out(`Exported to ${report.dir} (${report.format})`);
      for (const e of report.entries) ctx.out(e.action === 'written' ? `written  ${e.ref.padEnd(8)} ${e.path}` : `skipped  ${e.ref.padEnd(8)} ${e.reason}`);
      ctx.out(`\n${report.counts.written} written, ${report.counts.skipped} skipped.`);
    }
    if (report.counts.problems) ctx.err(`designdesk export: ${report.counts.problems} document(s) could not be written; see the skipped lines.`);
    return report.counts.problems > 0 ? 1 : 0;
  },
};
