import { anonymousClientKey, RateLimiter } from '../../platform/http/rate-limit.js';

export interface ReceiptThrottleLimits {
  /** Receipt attempts per client address (IPv6 by /64) per window; successes are taken back. */
  readonly perClient: number;
  readonly clientWindowMs: number;
  /** Receipt attempts from everyone together per window, successes included. */
  readonly global: number;
  readonly globalWindowMs: number;
}

/**
 * 10 failed attempts per client per 15 minutes; 60 attempts a minute from everyone together.
 * Each attempt costs two Argon2id computations (about 0.3 s of a core, 64 MiB each), so the global
 * ceiling also bounds the load guessing can cause.
 */
export const DEFAULT_RECEIPT_THROTTLE_LIMITS: ReceiptThrottleLimits = {
  perClient: 10,
  clientWindowMs: 15 * 60_000,
  global: 60,
  globalWindowMs: 60_000,
};

export type ThrottleDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * Throttles receipt entry, in this process's memory only (never stored: the client address is a
 * key of a counter that is forgotten when its window ends). Two limits:
 * - per client: failed attempts from one address. An attempt is counted before its slow check
 *   and taken back when the receipt was right, so parallel guesses cannot slip past the limit;
 * - global: every attempt from everyone, a ceiling against guessing spread over many addresses.
 *
 * A receipt has about 53 bits: guessing one is hopeless even without these limits; they keep
 * the guessing from costing the server its CPU and memory.
 */
export class ReceiptThrottle {
  readonly #client: RateLimiter;
  readonly #global: RateLimiter;

  constructor(limits: Partial<ReceiptThrottleLimits> = {}) {
    const l = { ...DEFAULT_RECEIPT_THROTTLE_LIMITS, ...limits };
    this.#client = new RateLimiter({ limit: l.perClient, windowMs: l.clientWindowMs });
    this.#global = new RateLimiter({ limit: l.global, windowMs: l.globalWindowMs, maxKeys: 1 });
  }

  /** Counts an attempt from `ip`, or says how long to wait. Call before checking the receipt. */
  attempt(ip: string, nowMs: number): ThrottleDecision {
    const key = anonymousClientKey(ip);
    if (this.#client.isBlocked(key, nowMs)) {
      return { allowed: false, retryAfterSeconds: this.#client.hit(key, nowMs).retryAfterSeconds };
    }
    const global = this.#global.hit('all', nowMs);
    if (!global.allowed) return { allowed: false, retryAfterSeconds: global.retryAfterSeconds };
    this.#client.hit(key, nowMs);
    return { allowed: true };
  }

  /** The receipt was right: the client's attempt is taken back (the global one stays counted). */
  succeeded(ip: string, nowMs: number): void {
    this.#client.refund(anonymousClientKey(ip), nowMs);
  }
}
