import type { Document } from '../document';
import { MatrixFieldsSchema, SCALE_LABELS } from '../kinds/matrix';
import { formatPercent, formatRank, scoreMatrix } from '../kinds/matrixScoring';
import { ACTION_STATUS_LABELS, MILESTONE_LABELS, PostmortemFieldsSchema, type ActionItem } from '../kinds/postmortem';
import { table } from './tables';

/**
 * Structured data (a matrix, a timeline, action items) lives in front matter;
 * for people reading the file on a git host it is also rendered as Markdown
 * between these markers. A reader of the file takes the front matter and
 * drops the block, so the two can never disagree.
 */
export const GENERATED_START = '<!-- designdesk:generated — edit the front matter or use DesignDesk; this block is rewritten -->';
export const GENERATED_END = '<!-- /designdesk:generated -->';

function matrixBlock(doc: Document): string {
  const f = MatrixFieldsSchema.parse(doc.fields);
  const score = scoreMatrix(f);
  const byOption = new Map(score.options.map((o) => [o.optionId, o]));
  const out: string[] = [];
  if (f.requirements.length) out.push('## Requirements', '', ...f.requirements.map((r) => `- ${r}`), '');
  out.push(`## Matrix`, '', `Scale: ${SCALE_LABELS[f.scale]}.`, '');
  if (f.options.length && f.criteria.length) {
    const header = ['Criterion', 'Weight', ...f.options.map((o) => o.name || o.id)];
    const rows = f.criteria.map((c) => [
      c.name || c.id,
      c.weight,
      ...f.options.map((o) => {
        const r = f.ratings[c.id]?.[o.id];
        if (!r || (r.rating === null && !r.note)) return '';
        return [r.rating ?? '', r.note ? `(${r.note})` : ''].filter(Boolean).join(' ');
      }),
    ]);
    rows.push(['**Weighted score**', '', ...f.options.map((o) => { const s = byOption.get(o.id); return s ? `**${formatPercent(s.total)}**` : ''; })]);
    rows.push(['**Rank**', '', ...f.options.map((o) => { const s = byOption.get(o.id); return s ? formatRank(s.rank, s.tied) : ''; })]);
    out.push(table(header, rows), '');
  } else {
    out.push('_No criteria or options yet._', '');
  }
  if (f.decision) out.push('## Decision', '', f.decision, '');
  if (f.rationale) out.push('## Rationale', '', f.rationale, '');
  if (f.revisitWhen) out.push('## Revisit when', '', f.revisitWhen, '');
  return out.join('\n');
}

function postmortemBlock(doc: Document): string {
  const f = PostmortemFieldsSchema.parse(doc.fields);
  const out: string[] = [
    `| Incident date | Duration | Severity | Users affected | Downtime (min) | Revenue impact |`,
    `| --- | --- | --- | --- | --- | --- |`,
    `| ${[f.incidentDate, f.duration, f.severity, f.impact.usersAffected ?? '', f.impact.downtimeMinutes ?? '', f.impact.revenueImpact].map((v) => String(v || ' ').replace(/\|/g, '\\|')).join(' | ')} |`,
    '',
  ];
  if (f.attendees.length) out.push(`Attendees: ${f.attendees.join(', ')}`, '');
  out.push('## Timeline', '');
  const milestones = f.timeline.some((t) => t.milestone);
  out.push(
    f.timeline.length
      ? milestones
        ? table(['Time (UTC)', 'Event', 'Milestone'], f.timeline.map((t) => [t.time, t.event, t.milestone ? MILESTONE_LABELS[t.milestone] : '']))
        : table(['Time (UTC)', 'Event'], f.timeline.map((t) => [t.time, t.event]))
      : '_No timeline yet._',
    '',
  );
  const factors = (f.contributingFactors ?? []).filter((c) => c.trim());
  if (factors.length) out.push('## Contributing Factors', '', ...factors.map((c, i) => `${i + 1}. ${c.replace(/\s+/g, ' ').trim().replace(/</g, '&lt;')}`), '');
  out.push('## Action Items', '');
  const status = (a: ActionItem): string => (a.status === 'wont-do' && a.reason?.trim() ? `${ACTION_STATUS_LABELS[a.status]}: ${a.reason.trim()}` : ACTION_STATUS_LABELS[a.status]);
  out.push(
    f.actionItems.length
      ? f.actionItems.some((a) => a.link)
        ? table(['Action', 'Owner', 'Due', 'Status', 'Addressed by'], f.actionItems.map((a) => [a.action, a.owner, a.due, status(a), a.link ?? '']))
        : table(['Action', 'Owner', 'Due', 'Status'], f.actionItems.map((a) => [a.action, a.owner, a.due, status(a)]))
      : '_No action items yet._',
    '',
  );
  return out.join('\n');
}

/** The rendered block of a document's structured data, or '' for kinds that have none. */
export function generatedBlock(doc: Document): string {
  const inner = doc.kind === 'matrix' ? matrixBlock(doc) : doc.kind === 'postmortem' ? postmortemBlock(doc) : '';
  return inner ? `${GENERATED_START}\n\n${inner.trimEnd()}\n\n${GENERATED_END}\n\n` : '';
}

/** Removes a generated block from a body read back from a file. */
export function stripGeneratedBlock(body: string): string {
  const start = body.indexOf(GENERATED_START.slice(0, 30));
  if (start < 0) return body;
  const end = body.indexOf(GENERATED_END, start);
  if (end < 0) return body;
  return body.slice(0, start) + body.slice(end + GENERATED_END.length).replace(/^\n+/, '');
}
