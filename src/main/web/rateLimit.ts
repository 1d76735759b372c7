/** How fast one bucket refills and how much it holds. */
export interface BucketRate {
  /** Requests per second, sustained. */
  perSecond: number;
  /** Requests allowed at once after a quiet spell. */
  burst: number;
}

export interface RateLimitOptions {
  /** Requests carrying the valid session token (the app itself). */
  session: BucketRate;
  /** Everything else: static files, refused calls, wrong or missing tokens. */
  anonymous: BucketRate;
  /** Clock in ms (tests pass a fake one). */
  now?: () => number;
  /** Most buckets kept; the idlest are dropped beyond this. */
  maxBuckets?: number;
}

/**
 * The web host's defaults (docs/security.md). A person's browser tab makes
 * well under 20 requests a second. The anonymous rate is enough to load the
 * app and too little to flood the host or the log without the token. The
 * session rate is only a backstop against a runaway loop: it sits well above
 * what the host serves (about 800 requests a second to 50 clients in
 * scripts/load-test.ts), so it never shapes real use or the load test.
 */
export const DEFAULT_RATE_LIMIT: Omit<RateLimitOptions, 'now'> = {
  session: { perSecond: 5000, burst: 10_000 },
  anonymous: { perSecond: 100, burst: 200 },
  maxBuckets: 10_000,
};

interface Bucket {
  tokens: number;
  at: number;
}

export interface RateLimiter {
  /** Takes one request from the client's bucket; false when it is empty (answer 429). */
  take(client: string, authenticated: boolean): boolean;
  /** Whole seconds until the client's bucket holds a request again (for Retry-After). */
  retryAfter(client: string, authenticated: boolean): number;
}

/** A token bucket per client address and credential state, all in memory, O(1) per request. */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const now = options.now ?? (() => performance.now());
  const maxBuckets = options.maxBuckets ?? DEFAULT_RATE_LIMIT.maxBuckets!;
  const buckets = new Map<string, Bucket>();

  function refill(key: string, rate: BucketRate): Bucket {
    const t = now();
    let b = buckets.get(key);
    if (!b) {
      if (buckets.size >= maxBuckets) buckets.delete(buckets.keys().next().value!);
      b = { tokens: rate.burst, at: t };
    } else {
      b.tokens = Math.min(rate.burst, b.tokens + ((t - b.at) / 1000) * rate.perSecond);
      b.at = t;
      buckets.delete(key); // re-inserted below: Map order is least recently used first
    }
    buckets.set(key, b);
    return b;
  }

  const rateOf = (authenticated: boolean): BucketRate => (authenticated ? options.session : options.anonymous);
  const keyOf = (client: string, authenticated: boolean): string => `${authenticated ? 's' : 'a'}|${client}`;

  return {
    take(client, authenticated) {
      const b = refill(keyOf(client, authenticated), rateOf(authenticated));
      if (b.tokens < 1) return false;
      b.tokens -= 1;
      return true;
    },
    retryAfter(client, authenticated) {
      const rate = rateOf(authenticated);
      const b = refill(keyOf(client, authenticated), rate);
      return Math.max(1, Math.ceil((1 - b.tokens) / rate.perSecond));
    },
  };
}
