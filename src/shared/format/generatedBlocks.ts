import type { Document } from '../document';
import { MatrixFieldsSchema, RATING_MARKS, SCALE_LABELS, type MatrixFields, type Rating } from '../kinds/matrix';
import { closeCall, formatPercent, formatRank, scoreMatrix, sensitivity, sensitivitySentence } from '../kinds/matrixScoring';
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

/** A rating as the playbook prints it: ✅ ⚠️ ❌ on the three-level scale, the number on 1-5. */
function ratingMark(rating: Rating | null): string {
  if (rating === null) return '';
  return typeof rating === 'number' ? String(rating) : RATING_MARKS[rating];
}

const SCORING_SUFFIX = { rating: '', 'lower-is-better': ' (lower is better)', 'higher-is-better': ' (higher is better)' } as const;

function matrixCell(f: MatrixFields, criterionId: string, optionId: string, scoring: keyof typeof SCORING_SUFFIX): string {
  const r = f.ratings[criterionId]?.[optionId];
  if (!r) return '';
  const main = scoring === 'rating' ? ratingMark(r.rating) : (r.value ?? '');
  return [main, r.note ? `(${r.note})` : ''].filter(Boolean).join(' ');
}

function matrixBlock(doc: Document): string {
  const f = MatrixFieldsSchema.parse(doc.fields);
  const score = scoreMatrix(f);
  const byOption = new Map(score.options.map((o) => [o.optionId, o]));
  const out: string[] = [];
  if (f.requirements.length) out.push('## Requirements', '', ...f.requirements.map((r) => `- ${r}`), '');
  const legend = f.scale === 'good-partial-poor' ? ` (${RATING_MARKS.good} good, ${RATING_MARKS.partial} partial, ${RATING_MARKS.poor} poor)` : '';
  out.push(`## Matrix`, '', `Scale: ${SCALE_LABELS[f.scale]}${legend}.`, '');
  if (f.options.length && f.criteria.length) {
    const header = ['Criterion', 'Weight', ...f.options.map((o) => o.name || o.id)];
    const rows = f.criteria.map((c) => {
      const scoring = c.scoring ?? 'rating';
      return [`${c.name || c.id}${SCORING_SUFFIX[scoring]}`, c.weight, ...f.options.map((o) => matrixCell(f, c.id, o.id, scoring))];
    });
    rows.push(['**Weighted score**', '', ...f.options.map((o) => { const s = byOption.get(o.id); return s ? `**${formatPercent(s.total)}**` : ''; })]);
    rows.push(['**Rank**', '', ...f.options.map((o) => { const s = byOption.get(o.id); return s ? formatRank(s.rank, s.tied) : ''; })]);
    out.push(table(header, rows), '');
    const name = (id: string): string => f.options.find((o) => o.id === id)?.name || id;
    const criterion = (id: string) => f.criteria.find((c) => c.id === id);
    const sens = sensitivity(f);
    if (sens) out.push(sensitivitySentence(sens, (id) => criterion(id)?.name || id, name, (id) => criterion(id)?.weight ?? 0), '');
    const close = closeCall(score, f.closeCallMargin);
    if (close) out.push(`**Close call:** ${name(close.firstId)} leads ${name(close.secondId)} by ${close.gapPoints} points (margin ${close.margin}).`, '');
  } else {
    out.push('_No criteria or options yet._', '');
  }
  if (f.decision) out.push('## Decision', '', f.decision, '');
  if (f.rationale) out.push('## Rationale', '', f.rationale, '');
  if (f.revisitWhen || f.revisitOn) {
    out.push('## Revisit when', '');
    if (f.revisitWhen) out.push(f.revisitWhen, '');
    if (f.revisitOn) out.push(`Revisit on ${f.revisitOn}.`, '');
  }
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
