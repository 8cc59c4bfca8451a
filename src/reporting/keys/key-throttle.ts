import { DEFAULT_THROTTLE_LIMITS } from '../../identity/throttle.js';
import { RateLimiter } from '../../platform/http/rate-limit.js';

/**
 * Failed attempts to open a key pair (password or key passphrase, recovery key), per account,
 * kept in this process's memory only. Same limit and window as failed password logins. An
 * attempt is counted before its slow check and forgotten when it succeeds, so attempts sent at
 * the same moment cannot all pass the limit.
 */
export class KeyThrottle {
  readonly #limiter: RateLimiter;

  constructor(
    limits: { readonly failures: number; readonly windowMs: number } = {
      failures: DEFAULT_THROTTLE_LIMITS.accountFailures,
      windowMs: DEFAULT_THROTTLE_LIMITS.windowMs,
    },
  ) {
    this.#limiter = new RateLimiter({ limit: limits.failures, windowMs: limits.windowMs });
  }

  /** Seconds until the account may try again, or null when it may try now. */
  blocked(userId: string, nowMs: number): number | null {
    if (!this.#limiter.isBlocked(userId, nowMs)) return null;
    return this.#limiter.hit(userId, nowMs).retryAfterSeconds;
  }

  /** Counts an attempt (before its check). */
  attempted(userId: string, nowMs: number): void {
    this.#limiter.hit(userId, nowMs);
  }

  /** Forgets the account's failures after a success. */
  succeeded(userId: string): void {
    this.#limiter.reset(userId);
  }
}
