import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { DocumentSummary } from '../../../shared/document';
import { displayRef, KINDS } from '../../../shared/kinds/kinds';
import type { LibrarySort, SortDir } from '../../../shared/search/librarySort';
import { useAppStore } from '../../store';
import { StatusBadge } from '../StatusBadge';
import { exactTime, timeAgo } from '../../../shared/format/relativeTime';

/** Fixed row height: every cell is one line, so the virtualizer never has to measure. */
export const ROW_HEIGHT = 44;

const COLUMNS: { label: string; sort?: LibrarySort }[] = [
  { label: 'Number', sort: 'number' },
  { label: 'Title', sort: 'title' },
  { label: 'Kind' },
  { label: 'Status' },
  { label: 'Author' },
  { label: 'Updated', sort: 'updated' },
];

function SortHeader({ label, sort }: { label: string; sort: LibrarySort | undefined }) {
  const current = useAppStore((s) => s.librarySort);
  const setSort = useAppStore((s) => s.setLibrarySort);
  if (!sort) {
    return (
      <div role="columnheader" className="library-cell">
        {label}
      </div>
    );
  }
  const active = current.by === sort;
  const nextDir: SortDir | undefined = active ? (current.dir === 'asc' ? 'desc' : 'asc') : undefined;
  return (
    <div role="columnheader" className="library-cell" aria-sort={active ? (current.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => setSort(sort, nextDir)} title={`Sort by ${label.toLowerCase()}`}>
        {label}
        <span className="sort-arrow" aria-hidden="true">
          {active ? (current.dir === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </div>
  );
}

/**
 * Every document that passes the filters, as a table that only renders the
 * rows in view (10,000 documents scroll as smoothly as 10). A row's title is
 * a link that opens the document.
 */
export function LibraryTable({ rows }: { rows: readonly DocumentSummary[] }) {
  const navigate = useAppStore((s) => s.navigate);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (i) => rows[i]!.id,
  });
  const now = Date.now();

  return (
    <div className="library-table" role="table" aria-label="Documents" aria-rowcount={rows.length + 1}>
      <div role="rowgroup" className="library-head">
        <div role="row" className="library-row" aria-rowindex={1}>
          {COLUMNS.map((c) => (
            <SortHeader key={c.label} label={c.label} sort={c.sort} />
          ))}
        </div>
      </div>
      <div role="rowgroup" className="library-body" ref={scrollRef} data-testid="library-scroll">
        <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const s = rows[item.index]!;
            const open = (): void => navigate({ name: 'doc', id: s.id });
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className="library-row doc-row"
                data-testid="doc-row"
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={(e) => {
                  if (!(e.target as HTMLElement).closest('a')) open();
                }}
              >
                <div role="cell" className="library-cell doc-ref">
                  {displayRef(s.kind, s.number)}
                </div>
                <div role="cell" className="library-cell library-title">
                  <a
                    href={`#doc/${s.id}`}
                    className="doc-link"
                    title={s.title}
                    onClick={(e) => {
                      e.preventDefault();
                      open();
                    }}
                  >
                    {s.title}
                  </a>
                </div>
                <div role="cell" className="library-cell library-kind">
                  {KINDS[s.kind].label}
                </div>
                <div role="cell" className="library-cell">
                  <StatusBadge kind={s.kind} status={s.status} />
                  {s.conflicted && <span className="badge badge-sync-conflict" title="A sync kept two versions: resolve it in Sync conflicts">Conflict</span>}
                </div>
                <div role="cell" className="library-cell library-author" title={s.author}>
                  {s.author}
                </div>
                <div role="cell" className="library-cell library-updated">
                  <time dateTime={s.updatedAt} title={exactTime(s.updatedAt)}>
                    {timeAgo(s.updatedAt, now, { dateAfterDays: 7 })}
                  </time>
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
