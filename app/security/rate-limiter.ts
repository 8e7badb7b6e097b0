// A sliding-window rate limiter held in the server process: at most `limit` hits per key in any `windowMs`.
// The clock is an argument, so tests drive it without waiting. Keys are bounded in number (the oldest key is
// dropped first), so a flood of distinct addresses cannot grow memory without limit.

export type RateLimit = { readonly limit: number; readonly windowMs: number; readonly maxKeys?: number };

export type RateLimiter = {
  /** Whether one more hit would be allowed now; records nothing. */
  allows(key: string, nowMs: number): boolean;
  /** Records a hit; returns false (and records nothing) when the key is over its limit. */
  hit(key: string, nowMs: number): boolean;
  /** Milliseconds until the key may hit again (0 when it may now). */
  retryAfterMs(key: string, nowMs: number): number;
};

export function createRateLimiter(options: RateLimit): RateLimiter {
  const maxKeys = options.maxKeys ?? 10_000;
  const hits = new Map<string, number[]>();

  function recent(key: string, nowMs: number): number[] {
    const times = (hits.get(key) ?? []).filter((time) => nowMs - time < options.windowMs);
    if (times.length === 0) hits.delete(key);
    else hits.set(key, times);
    return times;
  }

  return {
    allows: (key, nowMs) => recent(key, nowMs).length < options.limit,
    hit(key, nowMs) {
      const times = recent(key, nowMs);
      if (times.length >= options.limit) return false;
      hits.delete(key);
      hits.set(key, [...times, nowMs]);
      while (hits.size > maxKeys) {
        const oldest = hits.keys().next().value;
        if (oldest === undefined) break;
        hits.delete(oldest);
      }
      return true;
    },
    retryAfterMs(key, nowMs) {
      const times = recent(key, nowMs);
      if (times.length < options.limit) return 0;
      const first = times[times.length - options.limit] ?? nowMs;
      return Math.max(0, first + options.windowMs - nowMs);
    },
  };
}

/**
 * The client's address as the server sees it: the first X-Forwarded-For entry (Next sets it from the socket
 * when no proxy did). Behind a reverse proxy, that proxy must overwrite the header, or clients can choose it.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
