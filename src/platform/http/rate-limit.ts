import { createHmac, randomBytes } from 'node:crypto';
import { isIPv6 } from 'node:net';

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

  /** Takes back one attempt counted for `key` in its current window (one that turned out fine). */
  refund(key: string, nowMs: number = Date.now()): void {
    const entry = this.#hits.get(key);
    if (entry && entry.resetAt > nowMs && entry.count > 0) entry.count -= 1;
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

/**
 * The key a client address is counted under: an IPv4 address as it is, an IPv6 address by its /64
 * prefix. A subscriber or a rented server gets a whole /64, so counting single IPv6 addresses
 * would let one client rotate through 2^64 of them past any per-client limit. An IPv4-mapped
 * address (`::ffff:192.0.2.1`, as a dual-stack socket reports IPv4 clients) counts as IPv4.
 */
export function clientKey(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  const address = ip.split('%', 1)[0] ?? ip;
  if (!isIPv6(address)) return ip;
  // An embedded IPv4 address (`64:ff9b::192.0.2.1`) fills the last two groups.
  const groups = (text: string | undefined): string[] =>
    text ? text.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : [];
  const [headText, tailText] = address.split('::');
  const head = groups(headText);
  const tail = groups(tailText);
  const full =
    tailText === undefined
      ? head
      : [...head, ...Array<string>(8 - head.length - tail.length).fill('0'), ...tail];
  return `${full
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

const anonymousKeySecret = randomBytes(32);

/**
 * {@link clientKey} as a keyed hash under a random key of this process: for the throttles of
 * reporter and visitor routes, so that not even the process memory holds their address.
 */
export function anonymousClientKey(ip: string): string {
  return createHmac('sha256', anonymousKeySecret).update(clientKey(ip)).digest('base64url').slice(0, 22);
}
