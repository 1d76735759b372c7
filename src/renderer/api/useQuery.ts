import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './client';
import { LatestOnly } from './latestOnly';

export interface QueryState<T> {
  key: string | null;
  data: T | undefined;
  error: string | null;
  loading: boolean;
}

/**
 * A request for `key` begins. An answer for another key is never shown as
 * this key's (it is cleared); this key's own answer stays visible while the
 * new one is on its way (a reload, a new stamp), so the view does not flash.
 */
export function asking<T>(s: QueryState<T>, key: string): QueryState<T> {
  const same = s.key === key;
  return { key, data: same ? s.data : undefined, error: null, loading: !same || s.data === undefined };
}

/** The view's own change (a mutation's answer) replaces the data of `key`; a state that shows another key is left alone. */
export function settingData<T>(s: QueryState<T>, key: string | null, next: T | ((prev: T | undefined) => T)): QueryState<T> {
  if (key === null || s.key !== key) return s;
  const data = typeof next === 'function' ? (next as (prev: T | undefined) => T)(s.data) : next;
  return { key, data, error: null, loading: false };
}

export interface Query<T> {
  /** The latest answer (kept while a newer request for the same key is on its way, so a view does not flash empty). */
  data: T | undefined;
  error: string | null;
  /** True until the first answer (or error) for the current key. */
  loading: boolean;
  /** Asks again with the same key (after a change the view made itself). */
  reload: () => void;
  /**
   * Shows the answer of the view's own change (a save, a resolve) without
   * asking again; answers still on their way predate it and are dropped. A
   * setter kept from an earlier key does nothing.
   */
  setData: (next: T | ((prev: T | undefined) => T)) => void;
}

export interface QueryOptions {
  /**
   * What the answer also depends on without changing what is shown (the
   * document's revision or status, a sync counter, a poll tick): a new stamp
   * asks again, keeping the current answer visible until the new one lands.
   * Compared by identity, as an effect's dependency is.
   */
  stamp?: unknown;
}

/**
 * How every view loads data from the main side (ADR 0034): `key` names what
 * is shown (a channel, the document id, the identity, ...); a new key asks
 * again, and only the answer to the latest request is ever applied, so a slow
 * answer for the previous document (or the previous identity, or the previous
 * day) can never overwrite the current one. `null` asks for nothing (and
 * keeps what was shown). Lint (scripts/eslint-no-effect-fetch.js) refuses a
 * view that calls the API client from an effect of its own instead.
 */
export function useQuery<T>(key: string | null, load: () => Promise<T>, options: QueryOptions = {}): Query<T> {
  const [state, setState] = useState<QueryState<T>>({ key, data: undefined, error: null, loading: key !== null });
  const [again, setAgain] = useState(0);
  const latest = useRef(new LatestOnly());
  const loadRef = useRef(load);
  loadRef.current = load;
  const keyRef = useRef(key);
  keyRef.current = key;
  const { stamp } = options;
  useEffect(() => {
    if (key === null) return;
    const token = latest.current.begin();
    setState((s) => asking(s, key));
    loadRef.current().then(
      (data) => latest.current.isLatest(token) && setState({ key, data, error: null, loading: false }),
      (e: unknown) => latest.current.isLatest(token) && setState((s) => ({ key, data: s.key === key ? s.data : undefined, error: errorMessage(e), loading: false })),
    );
    const tracker = latest.current;
    return () => tracker.drop();
  }, [key, stamp, again]);
  const reload = useCallback(() => setAgain((n) => n + 1), []);
  const setData = useCallback(
    (next: T | ((prev: T | undefined) => T)) => {
      if (keyRef.current !== key || key === null) return;
      latest.current.begin();
      setState((s) => settingData(s, key, next));
    },
    [key],
  );
  // Until the effect has asked for a new key, the state still holds the previous key's answer: never show it as this one's.
  const shown = key === null || state.key === key;
  return { data: shown ? state.data : undefined, error: shown ? state.error : null, loading: shown ? state.loading : true, reload, setData };
}
