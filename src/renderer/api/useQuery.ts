import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './client';

/** Hands out request numbers and says whether an answer is still the latest asked for. */
export class LatestOnly {
  private seq = 0;

  /** A new request: the answers of every earlier one become stale. */
  begin(): number {
    return ++this.seq;
  }

  /** Makes every request so far stale (the view is gone). */
  drop(): void {
    this.seq++;
  }

  isLatest(token: number): boolean {
    return token === this.seq;
  }
}

export interface Query<T> {
  /** The latest answer (kept while a newer request is on its way, so a view does not flash empty). */
  data: T | undefined;
  error: string | null;
  /** True until the first answer (or error) for the current key. */
  loading: boolean;
  /** Asks again with the same key (after a change the view made itself). */
  reload: () => void;
}

/**
 * How every view loads data from the main side (ADR 0034): `key` names what
 * is shown (a channel, the document id and its revision, ...); a new key asks
 * again, and only the answer to the latest request is ever applied, so a slow
 * answer for the previous document (or the previous identity, or the previous
 * day) can never overwrite the current one. `null` asks for nothing.
 */
export function useQuery<T>(key: string | null, load: () => Promise<T>): Query<T> {
  const [state, setState] = useState<{ key: string | null; data: T | undefined; error: string | null; loading: boolean }>({ key, data: undefined, error: null, loading: key !== null });
  const [again, setAgain] = useState(0);
  const latest = useRef(new LatestOnly());
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    if (key === null) return;
    const token = latest.current.begin();
    setState((s) => ({ key, data: s.key === key ? s.data : undefined, error: null, loading: s.key !== key || s.data === undefined }));
    loadRef.current().then(
      (data) => latest.current.isLatest(token) && setState({ key, data, error: null, loading: false }),
      (e: unknown) => latest.current.isLatest(token) && setState((s) => ({ key, data: s.data, error: errorMessage(e), loading: false })),
    );
    const tracker = latest.current;
    return () => tracker.drop();
  }, [key, again]);
  const reload = useCallback(() => setAgain((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
