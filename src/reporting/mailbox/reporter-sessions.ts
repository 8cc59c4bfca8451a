import sodium from 'sodium-native';
import { randomToken, sha256Hex } from '../../platform/crypto/tokens.js';

/** The cookie that carries a reporter session's token (session-only, path `/report/follow-up`). */
export const REPORTER_SESSION_COOKIE = 'report_session';

/** What a reporter session grants: one report, opened with its receipt. */
export interface ReporterLease {
  readonly reportId: string;
  /**
   * A copy of the report key owned by the request that asked for it: the caller zeroes it when
   * done ({@link releaseLease}). A copy, so that a logout in a parallel request (which zeroes the
   * session's own key) can never leave a request in flight encrypting with a zeroed key.
   */
  readonly reportKey: Buffer;
}

export interface ReporterSessionLimits {
  /** Inactivity after which a session ends. */
  readonly idleMs: number;
  /** Age after which a session ends whatever happens. */
  readonly absoluteMs: number;
  /** Sessions held at most (the least recently used go first when full). */
  readonly maxSessions: number;
  /** Sessions per report at most (the oldest of that report go first). */
  readonly maxPerReport: number;
}

/** 30 minutes idle (the rule), 4 hours at most, 1,000 sessions, 3 per report. */
export const DEFAULT_REPORTER_SESSION_LIMITS: ReporterSessionLimits = {
  idleMs: 30 * 60_000,
  absoluteMs: 4 * 3_600_000,
  maxSessions: 1_000,
  maxPerReport: 3,
};

interface Entry {
  readonly reportId: string;
  readonly reportKey: Buffer;
  readonly createdMs: number;
  lastUsedMs: number;
}

/**
 * The reporters' sessions, in this process's memory only: nothing of them is written to the
 * database, a log or the audit trail, and a restart (or another app instance) forgets them all —
 * the reporter then enters the receipt again. The browser holds a random 256-bit token in a
 * session-only cookie; the map is keyed by its SHA-256, so the token itself is not kept either.
 *
 * A session holds the report's id and key. It ends after 30 minutes without a request, after
 * 4 hours in any case, at "log out", or when evicted because the map is full; the key is zeroed
 * (`sodium_memzero`) whenever a session ends. The caps bound memory: someone holding one valid
 * receipt cannot crowd out other reporters (at most {@link ReporterSessionLimits.maxPerReport}
 * sessions per report), and a full map drops its least recently used session.
 */
export class ReporterSessions {
  readonly #entries = new Map<string, Entry>();
  readonly #limits: ReporterSessionLimits;

  constructor(limits: Partial<ReporterSessionLimits> = {}) {
    this.#limits = { ...DEFAULT_REPORTER_SESSION_LIMITS, ...limits };
  }

  /**
   * Starts a session for a report and returns the token for the cookie. Takes ownership of
   * `reportKey` (it is zeroed when the session ends).
   */
  open(reportId: string, reportKey: Buffer, nowMs: number): string {
    this.sweep(nowMs);
    const ofReport = [...this.#entries].filter(([, e]) => e.reportId === reportId);
    ofReport.sort(([, a], [, b]) => a.createdMs - b.createdMs);
    while (ofReport.length >= this.#limits.maxPerReport) {
      const [id] = ofReport.shift()!;
      this.#drop(id);
    }
    while (this.#entries.size >= this.#limits.maxSessions) {
      // Map order is insertion order and `get` re-inserts: the first entry is the least recently used.
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#drop(oldest);
    }
    const token = randomToken(32);
    this.#entries.set(sha256Hex(token), { reportId, reportKey, createdMs: nowMs, lastUsedMs: nowMs });
    return token;
  }

  /**
   * The session of a token, as a lease with its own copy of the key, or null when there is none
   * or it has expired (an expired one is ended here). Counts as activity.
   */
  get(token: string | undefined, nowMs: number): ReporterLease | null {
    if (!token || token.length > 100) return null;
    const id = sha256Hex(token);
    const entry = this.#entries.get(id);
    if (!entry) return null;
    if (this.#expired(entry, nowMs)) {
      this.#drop(id);
      return null;
    }
    entry.lastUsedMs = nowMs;
    this.#entries.delete(id);
    this.#entries.set(id, entry);
    return { reportId: entry.reportId, reportKey: Buffer.from(entry.reportKey) };
  }

  /** Ends the session of a token ("log out"); its key is zeroed. Unknown tokens are ignored. */
  end(token: string | undefined): void {
    if (!token || token.length > 100) return;
    this.#drop(sha256Hex(token));
  }

  /** Ends every expired session. */
  sweep(nowMs: number): void {
    for (const [id, entry] of this.#entries) {
      if (this.#expired(entry, nowMs)) this.#drop(id);
    }
  }

  /** Ends every session (the app is closing). */
  clear(): void {
    for (const id of [...this.#entries.keys()]) this.#drop(id);
  }

  get size(): number {
    return this.#entries.size;
  }

  #expired(entry: Entry, nowMs: number): boolean {
    return (
      nowMs - entry.lastUsedMs > this.#limits.idleMs || nowMs - entry.createdMs > this.#limits.absoluteMs
    );
  }

  #drop(id: string): void {
    const entry = this.#entries.get(id);
    if (!entry) return;
    this.#entries.delete(id);
    sodium.sodium_memzero(entry.reportKey);
  }
}

/** Zeroes a lease's copy of the report key once the request is done with it. */
export function releaseLease(lease: ReporterLease | null): void {
  if (lease) sodium.sodium_memzero(lease.reportKey);
}
