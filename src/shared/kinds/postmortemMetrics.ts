import { isClosed, timelineSortKey, type ActionItem, type Milestone, type TimelineEntry } from './postmortem';

/** Minutes from the incident's start to its detection, mitigation and resolution; null when not marked or not readable. */
export interface MilestoneTimes {
  /** The moment the times are measured from, as YYYY-MM-DDTHH:MM:SS (the date 0000-00-00 when the incident date is not known). */
  start: string | null;
  detect: number | null;
  mitigate: number | null;
  resolve: number | null;
}

/** Milliseconds since the epoch of a sort key "YYYY-MM-DDTHH:MM:SS" (year 0000 included: only differences matter). */
function keyMillis(key: string): number {
  const [y, mo, d, h, mi, s] = key.split(/[-T:]/).map(Number) as [number, number, number, number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, 0);
  return date.getTime();
}

/** The earliest readable moment among rows marked `milestone`, or null. */
function firstMarked(rows: readonly TimelineEntry[], milestone: Milestone, incidentDate: string): string | null {
  let best: string | null = null;
  for (const r of rows) {
    if (r.milestone !== milestone) continue;
    const key = timelineSortKey(r.time, incidentDate);
    if (key !== null && (best === null || key < best)) best = key;
  }
  return best;
}

/**
 * Time to detect, mitigate and resolve, in whole minutes from the incident's
 * start: the row marked "start", or else the earliest row with a readable
 * time. Each uses the earliest row marked with that milestone. A milestone
 * before the start gives null rather than a negative time.
 */
export function milestoneTimes(timeline: readonly TimelineEntry[], incidentDate: string): MilestoneTimes {
  let start = firstMarked(timeline, 'start', incidentDate);
  if (start === null) {
    for (const r of timeline) {
      const key = timelineSortKey(r.time, incidentDate);
      if (key !== null && (start === null || key < start)) start = key;
    }
  }
  const since = (m: Milestone): number | null => {
    const at = firstMarked(timeline, m, incidentDate);
    if (at === null || start === null) return null;
    const minutes = Math.round((keyMillis(at) - keyMillis(start)) / 60_000);
    return minutes >= 0 ? minutes : null;
  };
  return { start, detect: since('detection'), mitigate: since('mitigation'), resolve: since('resolution') };
}

/** "47 min", "2 h 15 min", "1 d 3 h": a duration in minutes as a person reads it. */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  return m > 0 ? `${h} h ${m} min` : `${h} h`;
}

/** The quarter of a YYYY-MM-DD date as "2026-Q4", or null for anything else. */
export function quarterOf(date: string): string | null {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(date);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return `${m[1]}-Q${Math.ceil(month / 3)}`;
}

/** The `count` quarters ending with the one holding `today` (YYYY-MM-DD), oldest first. */
export function lastQuarters(today: string, count: number): string[] {
  const q = quarterOf(today);
  if (!q) return [];
  let year = Number(q.slice(0, 4));
  let n = Number(q.slice(6));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.unshift(`${year}-Q${n}`);
    n -= 1;
    if (n === 0) {
      n = 4;
      year -= 1;
    }
  }
  return out;
}

/** The median of some numbers (the mean of the middle two for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
}

/** One postmortem as the overview counts it. */
export interface IncidentFacts {
  incidentDate: string;
  severity: string;
  times: MilestoneTimes;
  actionItems: readonly Pick<ActionItem, 'due' | 'status' | 'closed'>[];
}

export interface SeverityQuarter {
  quarter: string;
  severity: string;
  incidents: number;
  /** Medians in minutes over the incidents that have the milestone; null when none has. */
  detect: number | null;
  mitigate: number | null;
  resolve: number | null;
}

export interface ActionItemsOnTime {
  quarter: string;
  /** Items due in the quarter whose outcome is known: closed (done) with a date, or still open past their due date. */
  counted: number;
  /** Of those, done on or before the due date. */
  onTime: number;
}

export interface PostmortemOverviewData {
  quarters: string[];
  rows: SeverityQuarter[];
  actionItems: ActionItemsOnTime[];
}

/**
 * The overview of the last `count` quarters: per quarter of the incident
 * date and per severity, the median time to detect, mitigate and resolve;
 * and per quarter of the due date, how many action items were done on time.
 * An item is counted once its outcome is known (done with a closing date, or
 * past due and still open); "won't do" items and items without a due date
 * are not counted. Incidents outside the quarters are ignored.
 */
export function overviewOf(incidents: readonly IncidentFacts[], today: string, count: number): PostmortemOverviewData {
  const quarters = lastQuarters(today, count);
  const inRange = new Set(quarters);
  const groups = new Map<string, { quarter: string; severity: string; facts: IncidentFacts[] }>();
  const items = new Map<string, ActionItemsOnTime>(quarters.map((q) => [q, { quarter: q, counted: 0, onTime: 0 }]));
  for (const inc of incidents) {
    const q = quarterOf(inc.incidentDate);
    if (q && inRange.has(q)) {
      const key = `${q}\u0000${inc.severity}`;
      const g = groups.get(key) ?? { quarter: q, severity: inc.severity, facts: [] };
      g.facts.push(inc);
      groups.set(key, g);
    }
    for (const it of inc.actionItems) {
      const slot = items.get(quarterOf(it.due) ?? '');
      if (!slot || it.status === 'wont-do') continue;
      if (it.status === 'done' && it.closed) {
        slot.counted += 1;
        if (it.closed <= it.due) slot.onTime += 1;
      } else if (!isClosed(it.status) && it.due < today) {
        slot.counted += 1;
      }
    }
  }
  const pick = (facts: IncidentFacts[], k: 'detect' | 'mitigate' | 'resolve'): number | null =>
    median(facts.map((f) => f.times[k]).filter((v): v is number => v !== null));
  const rows = [...groups.values()]
    .map((g) => ({ quarter: g.quarter, severity: g.severity, incidents: g.facts.length, detect: pick(g.facts, 'detect'), mitigate: pick(g.facts, 'mitigate'), resolve: pick(g.facts, 'resolve') }))
    .sort((a, b) => (a.quarter === b.quarter ? a.severity.localeCompare(b.severity) : a.quarter < b.quarter ? -1 : 1));
  return { quarters, rows, actionItems: [...items.values()] };
}
