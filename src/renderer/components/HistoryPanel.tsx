import type { HistoryEntry } from '../../shared/document';
import type { DocKind } from '../../shared/kinds/kinds';
import { statusLabel } from '../../shared/kinds/lifecycle';
import { call } from '../api/client';
import { useQuery } from '../api/useQuery';
import { useAppStore } from '../store';
import { describeReviewEvent } from './reviews/reviewHistory';

function describe(h: HistoryEntry, kind: DocKind): string {
  const data = (h.data ?? {}) as Record<string, unknown>;
  switch (h.event) {
    case 'created':
      return 'created it';
    case 'renamed':
      return `renamed it from “${h.from ?? ''}” to “${h.to ?? ''}”`;
    case 'status':
      return `moved it from ${h.from ? statusLabel(kind, h.from) : '?'} to ${h.to ? statusLabel(kind, h.to) : '?'}${data.reason ? `: ${String(data.reason)}` : ''}`;
    case 'superseded':
      return `marked it superseded by ${String(data.by ?? 'a newer ADR')}`;
    case 'supersedes':
      return `recorded that it supersedes ${String(data.supersedes ?? 'an older ADR')}`;
    case 'deleted':
      return 'moved it to the trash';
    case 'undeleted':
      return 'took it back out of the trash';
    case 'restored':
      return `restored the version of ${data.versionAt ? new Date(String(data.versionAt)).toLocaleString() : 'an earlier time'}`;
    default:
      return describeReviewEvent(h) ?? h.event.replace(/[-_]/g, ' ');
  }
}

/** Who did what and when: status changes, renames, creation. */
export function HistoryPanel({ docId, kind, status }: { docId: string; kind: DocKind; status: string }) {
  const historySeq = useAppStore((s) => s.historySeq);
  // Asked again when the status or the history changes, keeping the list shown meanwhile; only the latest answer is shown.
  const { data, error } = useQuery(`docs:history:${docId}`, () => call('docs:history', { id: docId }), { stamp: `${status}:${historySeq}` });
  const entries: HistoryEntry[] = data ?? [];
  return (
    <section className="history" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {error && <p className="inline-error">{error}</p>}
      <ol className="history-list">
        {entries
          .slice()
          .reverse()
          .map((h) => (
            <li key={h.id}>
              <time dateTime={h.at}>{new Date(h.at).toLocaleString()}</time> <strong>{h.actor.name}</strong> {describe(h, kind)}
            </li>
          ))}
      </ol>
    </section>
  );
}
