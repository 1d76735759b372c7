import type { SearchHit } from '../../../shared/contract/search';
import { displayRef, KINDS } from '../../../shared/kinds/kinds';
import { useAppStore } from '../../store';
import { StatusBadge } from '../StatusBadge';
import { exactTime, timeAgo } from '../../../shared/format/relativeTime';
import { Highlighted } from './Highlighted';

function Result({ hit, now }: { hit: SearchHit; now: number }) {
  const navigate = useAppStore((s) => s.navigate);
  const open = (): void => navigate({ name: 'doc', id: hit.id });
  return (
    <li
      className={`result ${hit.exact ? 'result-exact' : ''}`}
      data-testid="search-result"
      onClick={(e) => {
        if (!(e.target as HTMLElement).closest('a')) open();
      }}
    >
      <div className="result-head">
        <span className="doc-ref">{displayRef(hit.kind, hit.number)}</span>
        <a
          href={`#doc/${hit.id}`}
          className="result-link"
          onClick={(e) => {
            e.preventDefault();
            open();
          }}
        >
          <Highlighted segments={hit.titleSegments} />
        </a>
        {hit.exact && <span className="result-exact-tag">Number match</span>}
        <StatusBadge kind={hit.kind} status={hit.status} />
      </div>
      {hit.snippet.length > 0 && (
        <p className="result-snippet">
          <Highlighted segments={hit.snippet} />
        </p>
      )}
      <p className="result-meta">
        {KINDS[hit.kind].label} · {hit.author} · updated{' '}
        <time dateTime={hit.updatedAt} title={exactTime(hit.updatedAt)}>
          {timeAgo(hit.updatedAt, now, { dateAfterDays: 7 })}
        </time>
      </p>
    </li>
  );
}

/** Ranked search results: the reference match first, then by relevance, each with the passage that matched. */
export function SearchResults({ results, canShowMore }: { results: readonly SearchHit[]; canShowMore: boolean }) {
  const showMore = useAppStore((s) => s.showMoreResults);
  const now = Date.now();
  return (
    <>
      <ol className="library-results" aria-label="Search results">
        {results.map((hit) => (
          <Result key={hit.id} hit={hit} now={now} />
        ))}
      </ol>
      {canShowMore && (
        <button type="button" className="button library-more" onClick={showMore}>
          Show more results
        </button>
      )}
    </>
  );
}
