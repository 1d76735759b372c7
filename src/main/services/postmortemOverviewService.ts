import type { PostmortemOverview, SeverityScaleInfo } from '../../shared/contract/postmortems';
import { ActionItemSchema, OptionalDateSchema, TimelineEntrySchema, type ActionItem, type TimelineEntry } from '../../shared/kinds/postmortem';
import { milestoneTimes, overviewOf, type IncidentFacts } from '../../shared/kinds/postmortemMetrics';
import type { Db } from '../store/openDatabase';
import type { SettingsStore } from '../store/settingsStore';
import { readSeverityScale } from './severityScale';

interface PostmortemRow {
  incidentDate: unknown;
  severity: unknown;
  timeline: string | null;
  actionItems: string | null;
}

/** The rows of a JSON array that read as `schema`; a row that does not (a hand-edited file) is left out. */
function parseRows<T>(json: string | null, parse: (v: unknown) => T | null): T[] {
  if (json === null) return [];
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value)) return [];
  return value.map(parse).filter((v): v is T => v !== null);
}

/** The severity scale and the incident overview across live postmortems, read straight from their fields. */
export class PostmortemOverviewService {
  private readonly listStmt;

  constructor(
    db: Db,
    private readonly settings: SettingsStore,
    private readonly now: () => Date,
  ) {
    // Only the four fields the overview reads, so a workspace of long postmortems is not parsed whole.
    this.listStmt = db.prepare<[], PostmortemRow>(
      `SELECT json_extract(fields, '$.incidentDate') AS incidentDate, json_extract(fields, '$.severity') AS severity,
              json_extract(fields, '$.timeline') AS timeline, json_extract(fields, '$.actionItems') AS actionItems
       FROM documents WHERE kind = 'postmortem' AND deleted_at IS NULL ORDER BY number`,
    );
  }

  /** The severity scale postmortems pick from: the team repository's, or the default SEV-1 to SEV-4. */
  severities(): SeverityScaleInfo {
    return readSeverityScale(this.settings);
  }

  /**
   * Time to detect, mitigate and resolve per severity over the last
   * quarters (median per quarter of the incident date), and the share of
   * action items done on time per quarter of their due date. Values that do
   * not read (a hand-edited file) count as missing, never as an error.
   */
  overview(input: { today?: string; quarters?: number } = {}): PostmortemOverview {
    const today = input.today ?? this.now().toISOString().slice(0, 10);
    const facts: IncidentFacts[] = [];
    let withoutMilestones = 0;
    const rows = this.listStmt.all();
    for (const r of rows) {
      const date = OptionalDateSchema.safeParse(r.incidentDate);
      const incidentDate = date.success ? date.data : '';
      const timeline = parseRows<TimelineEntry>(r.timeline, (v) => TimelineEntrySchema.safeParse(v).data ?? null);
      const actionItems = parseRows<ActionItem>(r.actionItems, (v) => ActionItemSchema.safeParse(v).data ?? null);
      const times = milestoneTimes(timeline, incidentDate);
      if (times.detect === null && times.mitigate === null && times.resolve === null) withoutMilestones += 1;
      const severity = typeof r.severity === 'string' && r.severity.trim() ? r.severity.trim() : 'SEV-3';
      facts.push({ incidentDate, severity, times, actionItems });
    }
    const data = overviewOf(facts, today, input.quarters ?? 4);
    const scale = this.severities().levels.map((l) => l.name);
    const known = new Set(scale.map((s) => s.toLowerCase()));
    const others = [...new Set(data.rows.map((r) => r.severity).filter((s) => !known.has(s.toLowerCase())))].sort();
    return { ...data, severities: [...scale, ...others], postmortems: rows.length, withoutMilestones };
  }
}
