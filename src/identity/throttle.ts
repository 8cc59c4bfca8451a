import { clientKey, RateLimiter } from '../platform/http/rate-limit.js';

/**
 * The identity domain's throttles, kept in this process's memory only (never stored, so client
 * addresses are not retained). One set per app instance.
 *
 * - Password logins: failures per account (by user id when the account exists, else by the login
 *   name typed, so an unknown name locks the same way and reveals nothing) and per client address.
 *   Only failures count; an office behind one address logging in all morning is not blocked.
 *   An attempt is counted before its (slow) check and taken back when it succeeds, so attempts
 *   sent at the same moment cannot all pass the limit before the first failure is counted.
 *   An IPv6 client is counted by its /64 ({@link clientKey}).
 * - Second factor: failed codes per user.
 * - Setup: attempts with a wrong token per client address.
 */
export interface ThrottleLimits {
  readonly accountFailures: number;
  readonly clientFailures: number;
  readonly secondFactorFailures: number;
  readonly setupFailures: number;
  readonly windowMs: number;
}

export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = {
  accountFailures: 5,
  clientFailures: 30,
  secondFactorFailures: 5,
  setupFailures: 10,
  windowMs: 15 * 60_000,
};

/** Seconds until a blocked key may try again, or null when it is not blocked. */
export type Blocked = number | null;

/** The key an account's failures are counted under. */
export function accountKey(user: { readonly id: string } | undefined, login: string): string {
  return user ? `user:${user.id}` : `login:${login.trim().toLowerCase().slice(0, 254)}`;
}

export class IdentityThrottle {
  readonly #account: RateLimiter;
  readonly #client: RateLimiter;
  readonly #secondFactor: RateLimiter;
  readonly #setup: RateLimiter;

  constructor(limits: ThrottleLimits = DEFAULT_THROTTLE_LIMITS) {
    this.#account = new RateLimiter({ limit: limits.accountFailures, windowMs: limits.windowMs });
    this.#client = new RateLimiter({ limit: limits.clientFailures, windowMs: limits.windowMs });
    this.#secondFactor = new RateLimiter({
      limit: limits.secondFactorFailures,
      windowMs: limits.windowMs,
    });
    this.#setup = new RateLimiter({ limit: limits.setupFailures, windowMs: limits.windowMs });
  }

  /** Whether a client address has failed too often to be let in to try a password at all. */
  clientBlocked(client: string, nowMs: number): Blocked {
    return blockedFor(this.#client, clientKey(client), nowMs);
  }

  accountBlocked(key: string, nowMs: number): Blocked {
    return blockedFor(this.#account, key, nowMs);
  }

  /** Counts a failed (or, before its check, any) password attempt for the account and the client. */
  loginFailed(key: string, client: string, nowMs: number): void {
    this.#account.hit(key, nowMs);
    this.#client.hit(clientKey(client), nowMs);
  }

  /**
   * A successful login clears the account's failures (not the client's) and takes back the
   * client's count of this attempt.
   */
  loginSucceeded(key: string, client: string, nowMs: number): void {
    this.#account.reset(key);
    this.#client.refund(clientKey(client), nowMs);
  }

  secondFactorBlocked(userId: string, nowMs: number): Blocked {
    return blockedFor(this.#secondFactor, userId, nowMs);
  }

  secondFactorFailed(userId: string, nowMs: number): void {
    this.#secondFactor.hit(userId, nowMs);
  }

  secondFactorSucceeded(userId: string): void {
    this.#secondFactor.reset(userId);
  }

  setupBlocked(client: string, nowMs: number): Blocked {
    return blockedFor(this.#setup, clientKey(client), nowMs);
  }

  /** Counts a setup attempt with a wrong token. */
  setupFailed(client: string, nowMs: number): void {
    this.#setup.hit(clientKey(client), nowMs);
  }
}

function blockedFor(limiter: RateLimiter, key: string, nowMs: number): Blocked {
  if (!limiter.isBlocked(key, nowMs)) return null;
  // One more hit on a key that is already over its limit changes nothing but tells the wait.
  return limiter.hit(key, nowMs).retryAfterSeconds;
}
