import type { DocKind } from '../kinds/kinds';
import { TEMPLATE_SECTIONS } from '../kinds/templates';

/** One guided sample: created with docs:create, filled with docs:update, then moved to `status` if the lifecycle allows. */
export interface SampleDocument {
  kind: DocKind;
  title: string;
  /** Text per template heading; headings left out stay empty. */
  sections: Record<string, string>;
  fields: Record<string, unknown>;
  status?: string;
}

/** The Markdown body of a sample: every template heading of its kind, in order, with the sample's text. */
export function sampleBody(sample: SampleDocument): string {
  return TEMPLATE_SECTIONS[sample.kind].map((s) => `${'#'.repeat(s.depth)} ${s.heading}\n\n${sample.sections[s.heading] ? `${sample.sections[s.heading]}\n\n` : ''}`).join('');
}

/** A date `days` from `today` (YYYY-MM-DD), for action items that are due soon or overdue whenever the sample is made. */
export function shiftDate(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * One realistic document of each kind, for the first-run guide: a team
 * deciding how to run background jobs. `me` is the person setting up.
 */
export function sampleDocuments(me: string, today: string): SampleDocument[] {
  return [
    {
      kind: 'rfc',
      title: 'Move search indexing to a background worker',
      status: 'in-review',
      fields: { author: me, reviewers: ['Grace Hopper', 'Linus Chen'] },
      sections: {
        Summary:
          'Index documents in a background worker instead of inside the save request, so saving stays under 50 ms even for 200-page documents. The search index becomes eventually consistent, typically within one second.',
        Motivation:
          'Saving a large postmortem takes 1.8 s today (p95), because the full-text index is rebuilt in the same transaction. Writers notice the pause and lose keystrokes on slow laptops. Support saw 14 tickets about "laggy typing" last quarter.',
        'Detailed Design': 'A durable job table in the same SQLite file, drained by one worker thread.',
        'Architecture Overview':
          '- The save path writes the document and inserts a row into `index_jobs` in one transaction.\n- A worker thread polls `index_jobs`, re-indexes the document and deletes the job.\n- On start-up the worker drains whatever is left, so a crash loses nothing.',
        'Data Model': '`index_jobs(doc_id TEXT PRIMARY KEY, queued_at TEXT)`: one pending job per document; a second save before indexing replaces the first.',
        'Alternatives Considered':
          '1. **Debounce indexing in the renderer**: simpler, but a closed window loses the pending index update.\n2. **An external search server**: powerful, but breaks the offline-first promise.',
        'Security Considerations': 'No new inputs cross a trust boundary: the worker reads documents from the same local database.',
        'Operational Considerations': 'Expose the queue length in the status bar while it is above 100, so a stuck worker is visible.',
        'Rollout Plan': 'Behind a setting for one release, measured with the save-latency benchmark; on by default in the next one.',
        'Open Questions': '- Should search show a "results may be a second old" hint while jobs are pending? (Grace to decide)',
      },
    },
    {
      kind: 'adr',
      title: 'Use SQLite in WAL mode for the local workspace',
      status: 'accepted',
      fields: { author: me, date: today, decisionMakers: [me, 'Grace Hopper'], consulted: ['Linus Chen'], informed: ['Support team'] },
      sections: {
        'Context and Problem Statement':
          'Every document lives on the writer’s laptop so the app works offline. We need storage that survives crashes, handles a 10,000-document workspace and lets a background reader run while the editor writes.',
        'Decision Drivers': '- No lost edits on a crash or power cut\n- Readers never block the writer\n- One file a user can back up',
        'Considered Options': '- SQLite in WAL mode\n- SQLite with the default rollback journal\n- One JSON file per document',
        'Decision Outcome': 'Chosen option: "SQLite in WAL mode", because it is the only option where search and sync can read while the editor writes, with crash safety built in.',
        Consequences:
          '- Good, because saves are atomic and readers see a consistent snapshot.\n- Bad, because the workspace is three files (`.sqlite`, `-wal`, `-shm`) while the app runs.',
        Confirmation: 'The store test opens every workspace with `journal_mode = WAL` and fails otherwise.',
        'Pros and Cons of the Options':
          '**SQLite with the default rollback journal**\n\n- Good, because it is the default.\n- Bad, because a long write blocks every reader.\n\n**One JSON file per document**\n\n- Good, because files diff nicely in git.\n- Bad, because a crash mid-write leaves a truncated file, and search needs its own index anyway.',
      },
    },
    {
      kind: 'matrix',
      title: 'Choose a job queue for the background worker',
      fields: {
        author: me,
        scale: 'good-partial-poor',
        requirements: ['Works offline, inside the app process', 'Survives a crash without losing jobs', 'No extra service for users to install'],
        criteria: [
          { id: 'offline', name: 'Works offline', weight: 5 },
          { id: 'durable', name: 'Durable across crashes', weight: 4 },
          { id: 'ops', name: 'Operational cost', weight: 3, scoring: 'lower-is-better' },
          { id: 'effort', name: 'Effort to build', weight: 2 },
        ],
        options: [
          { id: 'sqlite', name: 'Table in SQLite' },
          { id: 'memory', name: 'In-memory queue' },
          { id: 'redis', name: 'Redis' },
        ],
        ratings: {
          offline: { sqlite: { rating: 'good', note: '' }, memory: { rating: 'good', note: '' }, redis: { rating: 'poor', note: 'needs a server' } },
          durable: { sqlite: { rating: 'good', note: 'same transaction' }, memory: { rating: 'poor', note: 'lost on crash' }, redis: { rating: 'partial', note: 'AOF' } },
          ops: { sqlite: { rating: null, note: 'in the app', value: '$' }, memory: { rating: null, note: '', value: '$' }, redis: { rating: null, note: 'managed', value: '$$$' } },
          effort: { sqlite: { rating: 'partial', note: '~2 days' }, memory: { rating: 'good', note: '' }, redis: { rating: 'partial', note: '' } },
        },
        decision: 'Table in SQLite',
        rationale: 'It is the only option that is both offline and durable; the extra two days of work buy crash safety for free.',
        revisitWhen: 'A workspace regularly queues more than 10,000 jobs, or we add a server edition.',
      },
      sections: {
        Context: 'The background indexing RFC needs a queue. This matrix compares the three options the team proposed in the design review.',
        Notes: 'Ratings come from a one-day spike by Linus; Redis was rated against a managed instance.',
      },
    },
    {
      kind: 'postmortem',
      title: 'Sync stalled for 3 hours after a certificate expired',
      fields: {
        author: me,
        incidentDate: shiftDate(today, -9),
        duration: '3h 10m',
        severity: 'SEV-2',
        attendees: [me, 'Grace Hopper', 'Linus Chen'],
        impact: { usersAffected: 420, downtimeMinutes: 190, revenueImpact: 'None (internal tool)' },
        timeline: [
          { id: 't1', time: '07:55', event: 'The TLS certificate of git.example.internal expires.', milestone: 'start' },
          { id: 't2', time: '08:40', event: 'First support ticket: "Sync says NETWORK error".', milestone: 'detection' },
          { id: 't3', time: '09:15', event: 'On-call engineer finds the expired certificate.' },
          { id: 't4', time: '11:05', event: 'New certificate deployed; sync recovers for everyone.', milestone: 'resolution' },
        ],
        contributingFactors: ['The certificate was renewed by hand once a year.', 'The renewal reminder went to a mailbox nobody reads.', 'The sync error did not name the TLS failure.'],
        actionItems: [
          { id: 'a1', action: 'Alert 14 days before any certificate expires', owner: 'Grace Hopper', due: shiftDate(today, -2), status: 'open' },
          { id: 'a2', action: 'Show the TLS error text in the sync status bar', owner: 'Linus Chen', due: shiftDate(today, 12), status: 'in-progress' },
          { id: 'a3', action: 'Add certificate renewal to the runbook', owner: me, due: shiftDate(today, -5), status: 'done', closed: shiftDate(today, -6) },
        ],
      },
      sections: {
        Summary: 'The git server’s TLS certificate expired, so every sync failed with a network error for 3 hours 10 minutes. No edits were lost: the app kept working offline and synced once the certificate was renewed.',
        Impact: 'About 420 people could not share documents; reviews waiting on a push were delayed by half a day.',
        'Root Cause': 'The certificate was renewed by hand once a year, and the reminder went to a mailbox nobody reads since the team moved.',
        'What Went Well': '- Offline-first design: nobody lost work.\n- The error code (NETWORK) pointed at the transport within minutes.',
        'What Went Wrong': '- The sync error did not say *which* network error it was.\n- No alert on certificate expiry.',
        'Lessons Learned': 'Anything renewed by hand once a year will eventually be forgotten: automate it or alert on it.',
      },
    },
  ];
}
