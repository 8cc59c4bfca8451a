import sodium from 'sodium-native';

/** A recipient's unlocked key pair, bound to one staff session. */
export interface UnlockedKeys {
  readonly userId: string;
  readonly publicKey: Buffer;
  readonly secretKey: Buffer;
}

/**
 * A key pair made at the password step of a login and not stored yet: its public half and both
 * wraps (no secret in clear), to insert into `user_keys` once the login is complete and the
 * recovery key is about to be shown (`/account/keys/recovery-key`).
 */
export interface PendingKeyPair {
  readonly userId: string;
  readonly publicKey: Buffer;
  /** `sk1.argon2id…` record under the login password. */
  readonly wrappedSecretKey: string;
  /** `sk1.recovery…` record under the recovery key. */
  readonly recoveryWrappedKey: string;
  readonly wrappedWith: 'password' | 'passphrase';
}

interface Entry {
  readonly keys: UnlockedKeys;
  lastUsedMs: number;
  /** A recovery key made in this session and not shown yet (see `takeRecoveryKey`). */
  recoveryKey: Buffer | null;
  /**
   * Set while the key pair is made but not stored (see `putPending`): the entry then counts as
   * locked (`get` returns null) and its recovery key is not handed over.
   */
  pending: PendingKeyPair | null;
}

/**
 * The decrypted secret keys of signed-in recipients, in process memory only, keyed by the
 * session's id hash (docs/security.md). An entry lives as long as its session: it is moved when
 * the session id rotates, dropped at logout, on "log out everywhere", and after the session's
 * idle time. A restart or another app instance starts empty: the recipient then unlocks again
 * with their password (or key passphrase) at `/account/keys/unlock`. Secret keys (and a recovery
 * key waiting to be shown) are zeroed when dropped.
 */
export class Keyring {
  readonly #entries = new Map<string, Entry>();
  readonly #idleMs: number;

  constructor(options: { readonly idleMinutes: number }) {
    this.#idleMs = options.idleMinutes * 60_000;
  }

  /**
   * Holds `keys` for the session; replaces (and zeroes) what it held before. `recoveryKey`, when
   * given, is a freshly made recovery key the person must still see once: the keyring owns the
   * Buffer from then on (`takeRecoveryKey` hands it over; dropping the session zeroes it).
   */
  put(sessionIdHash: string, keys: UnlockedKeys, nowMs: number, recoveryKey?: Buffer): void {
    this.dropSession(sessionIdHash);
    this.#entries.set(sessionIdHash, {
      keys: { userId: keys.userId, publicKey: keys.publicKey, secretKey: keys.secretKey },
      lastUsedMs: nowMs,
      recoveryKey: recoveryKey ?? null,
      pending: null,
    });
  }

  /**
   * Holds a key pair made at the password step of a login and not stored yet, with its recovery
   * key (the keyring owns both Buffers from then on). Until `confirmPending` it counts as locked;
   * if the login is never finished it is dropped (and zeroed) with the session, and nothing was
   * stored. Replaces (and zeroes) what the session held before.
   */
  putPending(
    sessionIdHash: string,
    made: { readonly keys: UnlockedKeys; readonly recoveryKey: Buffer; readonly pending: PendingKeyPair },
    nowMs: number,
  ): void {
    this.put(sessionIdHash, made.keys, nowMs, made.recoveryKey);
    const entry = this.#entries.get(sessionIdHash);
    if (entry) entry.pending = made.pending;
  }

  /** The key pair of the session waiting to be stored, or null (no secrets in it). */
  pendingOf(sessionIdHash: string, nowMs: number): PendingKeyPair | null {
    return this.#live(sessionIdHash, nowMs)?.pending ?? null;
  }

  /**
   * Marks the session's pending key pair as stored, when it is the one with `publicKey`: the keys
   * are then open and the recovery key can be handed over. Returns whether the session now holds
   * that key pair stored (also when an earlier call confirmed it).
   */
  confirmPending(sessionIdHash: string, publicKey: Buffer, nowMs: number): boolean {
    const entry = this.#live(sessionIdHash, nowMs);
    if (!entry?.keys.publicKey.equals(publicKey)) return false;
    entry.pending = null;
    entry.lastUsedMs = nowMs;
    return true;
  }

  /** The keys of the session, or null when locked, not stored yet, or idle too long (then dropped). */
  get(sessionIdHash: string, nowMs: number): UnlockedKeys | null {
    const entry = this.#live(sessionIdHash, nowMs);
    if (!entry || entry.pending) return null;
    entry.lastUsedMs = nowMs;
    return entry.keys;
  }

  /**
   * Hands over the recovery key waiting to be shown in this session, once: later calls return
   * null, and so do calls while its key pair is not stored yet (`confirmPending` first). The
   * caller owns the Buffer and should zero it after formatting it.
   */
  takeRecoveryKey(sessionIdHash: string, nowMs: number): Buffer | null {
    const entry = this.#live(sessionIdHash, nowMs);
    if (!entry?.recoveryKey || entry.pending) return null;
    const recoveryKey = entry.recoveryKey;
    entry.recoveryKey = null;
    return recoveryKey;
  }

  /** Whether a recovery key waits to be shown in this session (it is not handed over). */
  hasRecoveryKey(sessionIdHash: string, nowMs: number): boolean {
    return this.#live(sessionIdHash, nowMs)?.recoveryKey != null;
  }

  /**
   * Sets the recovery key waiting to be shown for a session that holds stored keys (replacing and
   * zeroing one that waited); returns false, and zeroes `recoveryKey`, when the session holds none.
   */
  holdRecoveryKey(sessionIdHash: string, recoveryKey: Buffer, nowMs: number): boolean {
    const entry = this.#live(sessionIdHash, nowMs);
    if (!entry || entry.pending) {
      sodium.sodium_memzero(recoveryKey);
      return false;
    }
    if (entry.recoveryKey) sodium.sodium_memzero(entry.recoveryKey);
    entry.recoveryKey = recoveryKey;
    return true;
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
    sodium.sodium_memzero(entry.keys.secretKey);
    if (entry.recoveryKey) sodium.sodium_memzero(entry.recoveryKey);
  }

  /** Drops every session's keys of a user, except the kept session's. */
  dropUser(userId: string, keepIdHash?: string): void {
    for (const [idHash, entry] of this.#entries) {
      if (entry.keys.userId === userId && idHash !== keepIdHash) this.dropSession(idHash);
    }
  }

  /** Drops entries idle longer than the session idle time. */
  sweep(nowMs: number): void {
    for (const [idHash, entry] of this.#entries) {
      if (nowMs - entry.lastUsedMs > this.#idleMs) this.dropSession(idHash);
    }
  }

  /**
   * Drops the keys of sessions that no longer exist: ended by "log out everywhere", a password
   * change, a deactivation or a role change (possibly on another instance). Their keys were
   * already unreachable (no request resolves to a deleted session); this frees and zeroes them.
   */
  async dropEndedSessions(
    stillExisting: (idHashes: readonly string[]) => Promise<ReadonlySet<string>>,
  ): Promise<void> {
    const held = [...this.#entries.keys()];
    if (held.length === 0) return;
    const alive = await stillExisting(held);
    for (const idHash of held) if (!alive.has(idHash)) this.dropSession(idHash);
  }

  get size(): number {
    return this.#entries.size;
  }

  #live(sessionIdHash: string, nowMs: number): Entry | null {
    const entry = this.#entries.get(sessionIdHash);
    if (!entry) return null;
    if (nowMs - entry.lastUsedMs > this.#idleMs) {
      this.dropSession(sessionIdHash);
      return null;
    }
    return entry;
  }
}
