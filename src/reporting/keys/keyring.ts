import sodium from 'sodium-native';

/** A recipient's unlocked key pair, bound to one staff session. */
export interface UnlockedKeys {
  readonly userId: string;
  readonly publicKey: Buffer;
  readonly secretKey: Buffer;
}

interface Entry extends UnlockedKeys {
  lastUsedMs: number;
}

/**
 * The decrypted secret keys of signed-in recipients, in process memory only, keyed by the
 * session's id hash (docs/security.md). An entry lives as long as its session: it is moved when
 * the session id rotates, dropped at logout, on "log out everywhere", and after the session's
 * idle time. A restart or another app instance starts empty: the recipient then unlocks again
 * with their password (or key passphrase) at `/keys/unlock`. Secret keys are zeroed when dropped.
 */
export class Keyring {
  readonly #entries = new Map<string, Entry>();
  readonly #idleMs: number;

  constructor(options: { readonly idleMinutes: number }) {
    this.#idleMs = options.idleMinutes * 60_000;
  }

  /** Holds `keys` for the session; replaces (and zeroes) what it held before. */
  put(sessionIdHash: string, keys: UnlockedKeys, nowMs: number): void {
    this.dropSession(sessionIdHash);
    this.#entries.set(sessionIdHash, { ...keys, lastUsedMs: nowMs });
  }

  /** The keys of the session, or null when locked or idle too long (then dropped). */
  get(sessionIdHash: string, nowMs: number): UnlockedKeys | null {
    const entry = this.#entries.get(sessionIdHash);
    if (!entry) return null;
    if (nowMs - entry.lastUsedMs > this.#idleMs) {
      this.dropSession(sessionIdHash);
      return null;
    }
    entry.lastUsedMs = nowMs;
    return entry;
  }

  /** Follows a session id rotation (login steps, elevation). */
  move(fromIdHash: string, toIdHash: string): void {
    const entry = this.#entries.get(fromIdHash);
    if (!entry || fromIdHash === toIdHash) return;
    this.#entries.delete(fromIdHash);
    this.dropSession(toIdHash);
    this.#entries.set(toIdHash, entry);
  }

  dropSession(sessionIdHash: string): void {
    const entry = this.#entries.get(sessionIdHash);
    if (!entry) return;
    this.#entries.delete(sessionIdHash);
    sodium.sodium_memzero(entry.secretKey);
  }

  /** Drops every session's keys of a user, except the kept session's. */
  dropUser(userId: string, keepIdHash?: string): void {
    for (const [idHash, entry] of this.#entries) {
      if (entry.userId === userId && idHash !== keepIdHash) this.dropSession(idHash);
    }
  }

  /** Drops entries idle longer than the session idle time. */
  sweep(nowMs: number): void {
    for (const [idHash, entry] of this.#entries) {
      if (nowMs - entry.lastUsedMs > this.#idleMs) this.dropSession(idHash);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}
