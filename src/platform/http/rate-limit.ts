/**
 * In-memory throttles (never stored: client addresses used as keys live only in this process).
 *
 * A fixed-window counter per key with a hard cap on keys, so a flood of distinct keys cannot
 * exhaust memory: when full, the oldest windows are dropped first.
 */
export class RateLimiter {
  readonly #hits = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly options: {
      /** Attempts allowed per window. */
      readonly limit: number;
      readonly windowMs: number;
      readonly maxKeys?: number;
    },
  ) {}

  /** Counts one attempt for `key`; returns whether it is still within the limit. */
  hit(key: string, nowMs: number = Date.now()): { allowed: boolean; retryAfterSeconds: number } {
    const entry = this.#entry(key, nowMs);
    entry.count += 1;
    return {
      allowed: entry.count <= this.options.limit,
      retryAfterSeconds: Math.max(1, Math.ceil((entry.resetAt - nowMs) / 1000)),
    };
  }

  /** Whether `key` is over its limit now, without counting an attempt. */
  isBlocked(key: string, nowMs: number = Date.now()): boolean {
    const entry = this.#hits.get(key);
    return entry !== undefined && entry.resetAt > nowMs && entry.count >= this.options.limit;
  }

  reset(key: string): void {
    this.#hits.delete(key);
  }

  #entry(key: string, nowMs: number): { count: number; resetAt: number } {
    let entry = this.#hits.get(key);
    if (!entry || entry.resetAt <= nowMs) {
      this.#hits.delete(key);
      const maxKeys = this.options.maxKeys ?? 100_000;
      if (this.#hits.size >= maxKeys) this.#evict(nowMs, maxKeys);
      entry = { count: 0, resetAt: nowMs + this.options.windowMs };
      this.#hits.set(key, entry);
    }
    return entry;
  }

  #evict(nowMs: number, maxKeys: number): void {
    for (const [k, v] of this.#hits) {
      if (v.resetAt <= nowMs) this.#hits.delete(k);
    }
    // Map iteration is insertion order: the first keys are the oldest windows.
    for (const k of this.#hits.keys()) {
      if (this.#hits.size < maxKeys) break;
      this.#hits.delete(k);
    }
  }
}
