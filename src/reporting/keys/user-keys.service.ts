import '../reporting.events.js';
import './keys.events.js';
import type { Transaction } from 'kysely';
import sodium from 'sodium-native';
import { z } from 'zod';
import type { FormRefusal } from '../../identity/login.js';
import { checkPassword, type PasswordProblem } from '../../identity/password-policy.js';
import { isRecipient } from '../../identity/role.js';
import { findRolesOfUser, findUserById } from '../../identity/user.repository.js';
import { appendAuditEvent, recordAuditEvent } from '../../platform/audit/audit.js';
import type { AuditOrigin } from '../../platform/audit/audit-events.js';
import {
  CryptoError,
  formatRecoveryKey,
  generateKeyPair,
  KDF_INTERACTIVE,
  KDF_MODERATE,
  type KdfOptions,
  newRecoveryKey,
  openSealed,
  parseRecoveryKey,
  sealToPublicKey,
  unwrapSecretKey,
  unwrapSecretKeyWithRecoveryKey,
  wrapSecretKey,
  wrapSecretKeyWithRecoveryKey,
} from '../../platform/crypto/envelope.js';
import { verifySecret } from '../../platform/crypto/password-hash.js';
import type { Db } from '../../platform/db/database.js';
import type { Database, UserRow } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import type { Auth, ServiceContext } from '../../platform/http/request-context.js';
import type { KeyThrottle } from './key-throttle.js';
import type { PendingKeyPair, UnlockedKeys } from './keyring.js';
import {
  findUserKeys,
  insertUserKeys,
  replaceRecoveryWrappedKey,
  replaceWrappedSecretKey,
  type UserKeyRecord,
  type WrappedWith,
} from './user-keys.repository.js';

/**
 * Recipients' key pairs (docs/security.md, "Keys"): one X25519 key pair per user with a recipient
 * role; the secret key is stored only wrapped, once under the login password (local accounts) or
 * a key passphrase (accounts without a password, which log in through OIDC), and once under a
 * recovery key shown to the person once. Unwrapped keys go to the keyring of the session (the
 * routes do that); nothing here logs or returns key material except to its owner's session.
 */

export type { WrappedWith } from './user-keys.repository.js';

/**
 * What a local account's key is wrapped with: its login password when it has one, else a key
 * passphrase of its own (the identity provider's password never reaches us).
 */
export function wrapModeOf(user: Pick<UserRow, 'password_hash'>): WrappedWith {
  return user.password_hash !== null ? 'password' : 'passphrase';
}

/**
 * The Argon2id cost per kind of secret. A password's own Argon2id hash (INTERACTIVE) sits beside
 * the wrapped key, so a slower KEK would not slow a guesser; a key passphrase has no such
 * neighbour and gets MODERATE.
 */
function kdfFor(wrappedWith: WrappedWith): KdfOptions {
  return wrappedWith === 'passphrase' ? KDF_MODERATE : KDF_INTERACTIVE;
}

/** Whether a secret key belongs to a public key: a sealed box to one opens with the other. */
function keyPairMatches(publicKey: Buffer, secretKey: Buffer): boolean {
  const probe = Buffer.from('integrity-desk key pair check');
  try {
    const opened = openSealed(publicKey, secretKey, sealToPublicKey(publicKey, probe));
    return opened.equals(probe);
  } catch (error) {
    if (error instanceof CryptoError) return false;
    throw error;
  }
}

/**
 * The unlocked keys of a record, from its unwrapped secret key; zeroes the secret key and throws
 * CryptoError('decrypt_failed') when it does not belong to the stored public key (a damaged or
 * swapped record).
 */
function unlockedFrom(record: UserKeyRecord, secretKey: Buffer): UnlockedKeys {
  if (!keyPairMatches(record.publicKey, secretKey)) {
    sodium.sodium_memzero(secretKey);
    throw new CryptoError('decrypt_failed');
  }
  return { userId: record.userId, publicKey: record.publicKey, secretKey };
}

interface MadeKeyPair {
  readonly keys: UnlockedKeys;
  readonly recoveryKey: Buffer;
  readonly wrappedSecretKey: string;
  readonly recoveryWrappedKey: string;
  readonly wrappedWith: WrappedWith;
}

/** A fresh key pair with both wraps (slow: one Argon2id), before any transaction is opened. */
async function makeKeyPair(
  userId: string,
  passphrase: string,
  wrappedWith: WrappedWith,
): Promise<MadeKeyPair> {
  const pair = generateKeyPair();
  const recoveryKey = newRecoveryKey();
  try {
    const wrappedSecretKey = await wrapSecretKey(pair.secretKey, passphrase, kdfFor(wrappedWith));
    const recoveryWrappedKey = wrapSecretKeyWithRecoveryKey(pair.secretKey, recoveryKey);
    return {
      keys: { userId, publicKey: pair.publicKey, secretKey: pair.secretKey },
      recoveryKey,
      wrappedSecretKey,
      recoveryWrappedKey,
      wrappedWith,
    };
  } catch (error) {
    discard(pair.secretKey, recoveryKey);
    throw error;
  }
}

function discard(...secrets: Buffer[]): void {
  for (const secret of secrets) sodium.sodium_memzero(secret);
}

/** Stores a made key pair and records `keys.created`; false when the user already had one. */
async function storeKeyPair(
  trx: Transaction<Database>,
  made: MadeKeyPair,
  now: Date,
  origin: AuditOrigin,
): Promise<boolean> {
  const inserted = await insertUserKeys(
    trx,
    {
      userId: made.keys.userId,
      publicKey: made.keys.publicKey,
      wrappedSecretKey: made.wrappedSecretKey,
      wrappedWith: made.wrappedWith,
      recoveryWrappedKey: made.recoveryWrappedKey,
    },
    now,
  );
  if (inserted) {
    await appendAuditEvent(
      trx,
      { type: 'keys.created', data: { userId: made.keys.userId, wrappedWith: made.wrappedWith } },
      origin,
      now,
    );
  }
  return inserted;
}

/**
 * Creates a user's key pair inside the caller's transaction (for the demo seeder and scripts;
 * does not check roles) and records `keys.created`. Runs one Argon2id inside the transaction.
 * @returns the unlocked keys (the caller owns the secret key) and the recovery key, formatted
 *   for a person (52 characters in groups of four), to be shown once.
 * @throws AppError('conflict') when the user already has a key pair.
 */
export async function createKeyPairFor(
  trx: Transaction<Database>,
  input: {
    readonly userId: string;
    readonly passphrase: string;
    readonly wrappedWith: WrappedWith;
    readonly now: Date;
    readonly origin: AuditOrigin;
  },
): Promise<{ readonly keys: UnlockedKeys; readonly recoveryKey: string }> {
  const made = await makeKeyPair(input.userId, input.passphrase, input.wrappedWith);
  if (!(await storeKeyPair(trx, made, input.now, input.origin))) {
    discard(made.keys.secretKey, made.recoveryKey);
    throw new AppError('conflict');
  }
  const recoveryKey = formatRecoveryKey(made.recoveryKey);
  discard(made.recoveryKey);
  return { keys: made.keys, recoveryKey };
}

// ——— At login ———

/** What became of a user's key pair at a password login. */
export type LoginKeys =
  /** Not a recipient: no key pair is opened or made. */
  | { readonly status: 'not_needed' }
  | { readonly status: 'opened'; readonly keys: UnlockedKeys }
  /**
   * Made just now and **not stored**: the caller keeps it in the session's keyring entry
   * (`Keyring.putPending`, which owns the secret key and the recovery key from then on) until the
   * login is complete and the recovery key page stores it (`storePendingKeys`). A login that is
   * never finished thus leaves no key pair whose recovery key nobody saw.
   */
  | {
      readonly status: 'pending';
      readonly keys: UnlockedKeys;
      readonly recoveryKey: Buffer;
      readonly pending: PendingKeyPair;
    }
  /**
   * Left locked: wrapped under a key passphrase (not the password), or the password did not open
   * the wrap (reset by someone else, or a damaged record). The keys page explains what to do.
   */
  | { readonly status: 'locked'; readonly reason: 'wrapped_with_passphrase' | 'unwrap_failed' };

/**
 * Opens a recipient's key pair with the password they just logged in with, or makes one (wrapped
 * under that password and under a new recovery key) when they have none, without storing it.
 * Call only after the password was verified: it adds one Argon2id to a successful login of a
 * recipient, never to a failed one.
 * @throws only on infrastructure failures (the database); a wrap that does not open is `locked`.
 */
export async function openKeysAtPasswordLogin(
  db: Db,
  input: { readonly userId: string; readonly password: string },
): Promise<LoginKeys> {
  const [user, roles] = await Promise.all([
    findUserById(db, input.userId),
    findRolesOfUser(db, input.userId),
  ]);
  if (!user || !isRecipient(roles)) return { status: 'not_needed' };
  const record = await findUserKeys(db, user.id);
  if (!record) {
    const made = await makeKeyPair(user.id, input.password, 'password');
    return {
      status: 'pending',
      keys: made.keys,
      recoveryKey: made.recoveryKey,
      pending: {
        userId: made.keys.userId,
        publicKey: made.keys.publicKey,
        wrappedSecretKey: made.wrappedSecretKey,
        recoveryWrappedKey: made.recoveryWrappedKey,
        wrappedWith: made.wrappedWith,
      },
    };
  }
  if (record.wrappedWith !== 'password') return { status: 'locked', reason: 'wrapped_with_passphrase' };
  try {
    const secretKey = await unwrapSecretKey(record.wrappedSecretKey, input.password);
    return { status: 'opened', keys: unlockedFrom(record, secretKey) };
  } catch (error) {
    if (error instanceof CryptoError) return { status: 'locked', reason: 'unwrap_failed' };
    throw error;
  }
}

/**
 * What became of a pending key pair (made at the password step) once the login is complete:
 * - `stored`: inserted now, with `keys.created`, or already by another request of this session;
 * - `taken`: the user has another key pair meanwhile (another session finished first): the
 *   pending one must be discarded; the stored one opens only with the password (unlock page);
 * - `not_needed`: the user is no longer a recipient: discard it.
 */
export type PendingOutcome = 'stored' | 'taken' | 'not_needed';

/**
 * Stores the caller's pending key pair (both wraps and the public key; no secret in clear) and
 * records `keys.created`, in one transaction. Call when the session is fully logged in, right
 * before its recovery key is shown.
 * @throws AppError('not_authenticated') without an active session; AppError('forbidden') when
 *   the pending key pair is not the caller's.
 */
export async function storePendingKeys(
  ctx: ServiceContext,
  pending: PendingKeyPair,
): Promise<PendingOutcome> {
  const auth = requireActive(ctx);
  if (pending.userId !== auth.userId) throw new AppError('forbidden');
  if (!isRecipient(await findRolesOfUser(ctx.db, auth.userId))) return 'not_needed';
  const stored = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertUserKeys(trx, pending, ctx.now);
    if (inserted) {
      await appendAuditEvent(
        trx,
        { type: 'keys.created', data: { userId: pending.userId, wrappedWith: pending.wrappedWith } },
        ctx.origin,
        ctx.now,
      );
    }
    return inserted;
  });
  if (stored) return 'stored';
  // A row appeared meanwhile: this very key pair (a second request of this session), or another.
  const record = await findUserKeys(ctx.db, auth.userId);
  return record?.publicKey.equals(pending.publicKey) ? 'stored' : 'taken';
}

// ——— The keys page ———

/** @throws AppError('not_authenticated') without an active session. */
function requireActive(ctx: ServiceContext): Auth {
  const auth = ctx.auth;
  if (auth?.stage !== 'active') throw new AppError('not_authenticated');
  return auth;
}

async function requireUser(ctx: ServiceContext): Promise<{ auth: Auth; user: UserRow }> {
  const auth = requireActive(ctx);
  const user = await findUserById(ctx.db, auth.userId);
  if (!user) throw new AppError('not_authenticated');
  return { auth, user };
}

/** What the keys page shows of the caller's key pair (the keyring adds locked or unlocked). */
export interface KeyStatus {
  /** Whether the caller's roles make them a recipient (who needs a key pair). */
  readonly needed: boolean;
  /** What a new wrap would use: the login password, or a key passphrase. */
  readonly wrapMode: WrappedWith;
  readonly keyPair: {
    readonly createdAt: Date;
    readonly updatedAt: Date;
    readonly wrappedWith: WrappedWith;
    /**
     * The wrap is under the password, but the password changed after it was made and it could
     * not be moved along (reset by someone else, or the old wrap did not open): the password no
     * longer opens it; the recovery key does.
     */
    readonly outOfStep: boolean;
  } | null;
}

/**
 * Whether a key pair wrapped under the password was left behind by a password change (reset by
 * someone else, or the old wrap did not open): the password then no longer opens it.
 */
export function isOutOfStep(
  record: Pick<UserKeyRecord, 'wrappedWith' | 'updatedAt'>,
  user: Pick<UserRow, 'password_changed_at'>,
): boolean {
  return (
    record.wrappedWith === 'password' &&
    user.password_changed_at !== null &&
    user.password_changed_at.getTime() > record.updatedAt.getTime()
  );
}

/**
 * The caller's key pair as the keys page shows it.
 * @throws AppError('not_authenticated') without an active session.
 */
export async function getKeyStatus(ctx: ServiceContext): Promise<KeyStatus> {
  const { user } = await requireUser(ctx);
  const [roles, record] = await Promise.all([
    findRolesOfUser(ctx.db, user.id),
    findUserKeys(ctx.db, user.id),
  ]);
  return {
    needed: isRecipient(roles),
    wrapMode: wrapModeOf(user),
    keyPair: record
      ? {
          createdAt: record.createdAt,
          updatedAt: record.updatedAt,
          wrappedWith: record.wrappedWith,
          outOfStep: isOutOfStep(record, user),
        }
      : null,
  };
}

const secretField = (required: KeyMessage) =>
  z.string(required).min(1, required).max(1000, 'keys.error_secret_too_long');

/** The unlock form: the password or key passphrase the key pair is wrapped with. */
export const UnlockFormSchema = z.object({ secret: secretField('keys.error_secret_required') });
export type UnlockForm = z.infer<typeof UnlockFormSchema>;

/** The set-up form: the current password (local account), or a new key passphrase twice. */
export const SetUpFormSchema = z.object({
  secret: secretField('keys.error_secret_required'),
  confirm: z.string('keys.error_confirm_mismatch').max(1000, 'keys.error_confirm_mismatch').optional(),
});
export type SetUpForm = z.infer<typeof SetUpFormSchema>;

/** The recovery form: the recovery key, then the password or a new key passphrase (twice). */
export const RecoverFormSchema = z.object({
  recoveryKey: z
    .string('keys.error_recovery_key_required')
    .trim()
    .min(1, 'keys.error_recovery_key_required')
    .max(200, 'keys.error_recovery_key_format'),
  secret: secretField('keys.error_secret_required'),
  confirm: z.string('keys.error_confirm_mismatch').max(1000, 'keys.error_confirm_mismatch').optional(),
});
export type RecoverForm = z.infer<typeof RecoverFormSchema>;

/** Messages of refused key forms (catalogue keys). */
export type KeyMessage =
  | 'keys.error_secret_required'
  | 'keys.error_secret_too_long'
  | 'keys.error_unlock_wrong_password'
  | 'keys.error_unlock_wrong_passphrase'
  | 'keys.error_password_wrong'
  | 'keys.error_confirm_mismatch'
  | 'keys.error_throttled'
  | 'keys.error_no_key_pair'
  | 'keys.error_already_set_up'
  | 'keys.error_not_needed'
  | 'keys.error_changed_meanwhile'
  | 'keys.error_recovery_key_required'
  | 'keys.error_recovery_key_format'
  | 'keys.error_recovery_key_wrong'
  | PassphraseProblem;

const passphraseProblems = {
  'password.error_too_short': 'keys.error_passphrase_too_short',
  'password.error_too_long': 'keys.error_passphrase_too_long',
  'password.error_contains_username': 'keys.error_passphrase_contains_username',
  'password.error_contains_email': 'keys.error_passphrase_contains_email',
  'password.error_too_common': 'keys.error_passphrase_too_common',
} as const satisfies Record<PasswordProblem, string>;
type PassphraseProblem = (typeof passphraseProblems)[PasswordProblem];

function refuse(status: FormRefusal['status'], field: string, message: KeyMessage): FormRefusal<KeyMessage> {
  return { ok: false, status, field, message };
}

function throttled(retryAfterSeconds: number, field = 'secret'): FormRefusal<KeyMessage> {
  return { ...refuse(429, field, 'keys.error_throttled'), retryAfterSeconds };
}

/** Checks a new key passphrase against the password policy and its confirmation. */
function passphraseRefusal(user: UserRow, passphrase: string, confirm: string | undefined) {
  const problem = checkPassword(passphrase, { username: user.username, email: user.email });
  if (problem) return refuse(422, 'secret', passphraseProblems[problem]);
  if (confirm !== passphrase) return refuse(422, 'confirm', 'keys.error_confirm_mismatch');
  return null;
}

/**
 * Opens the caller's key pair with the password or key passphrase it is wrapped with, and records
 * `keys.unlocked`. Failures count per account (like logins); the caller puts the keys in the
 * keyring of the session.
 * @throws AppError('not_authenticated') without an active session.
 */
export async function unlockKeys(
  ctx: ServiceContext,
  throttle: KeyThrottle,
  input: UnlockForm,
): Promise<{ readonly ok: true; readonly keys: UnlockedKeys } | FormRefusal<KeyMessage>> {
  const auth = requireActive(ctx);
  const record = await findUserKeys(ctx.db, auth.userId);
  if (!record) return refuse(409, 'secret', 'keys.error_no_key_pair');
  const nowMs = ctx.now.getTime();
  const wait = throttle.blocked(auth.userId, nowMs);
  if (wait !== null) return throttled(wait);
  throttle.attempted(auth.userId, nowMs);
  let keys: UnlockedKeys;
  try {
    keys = unlockedFrom(record, await unwrapSecretKey(record.wrappedSecretKey, input.secret));
  } catch (error) {
    if (!(error instanceof CryptoError)) throw error;
    return refuse(
      422,
      'secret',
      record.wrappedWith === 'password'
        ? 'keys.error_unlock_wrong_password'
        : 'keys.error_unlock_wrong_passphrase',
    );
  }
  throttle.succeeded(auth.userId);
  await recordAuditEvent(
    ctx.db,
    { type: 'keys.unlocked', data: { userId: auth.userId, wrappedWith: record.wrappedWith } },
    ctx.origin,
    ctx.now,
  );
  return { ok: true, keys };
}

/**
 * Makes a key pair for a recipient who has none (an account that logs in through OIDC, or a
 * local one that has not logged in with its password since becoming a recipient). A local
 * account confirms its password (the wrap must follow the login password); an account without
 * one chooses a key passphrase (password policy; Argon2id at MODERATE cost).
 * @returns the keys and a recovery key (owned by the caller) to show once.
 * @throws AppError('not_authenticated') without an active session.
 */
export async function setUpKeys(
  ctx: ServiceContext,
  throttle: KeyThrottle,
  input: SetUpForm,
): Promise<
  { readonly ok: true; readonly keys: UnlockedKeys; readonly recoveryKey: Buffer } | FormRefusal<KeyMessage>
> {
  const { user } = await requireUser(ctx);
  if (!isRecipient(await findRolesOfUser(ctx.db, user.id)))
    return refuse(403, 'secret', 'keys.error_not_needed');
  if (await findUserKeys(ctx.db, user.id)) return refuse(409, 'secret', 'keys.error_already_set_up');
  const mode = wrapModeOf(user);
  if (mode === 'passphrase') {
    const refusal = passphraseRefusal(user, input.secret, input.confirm);
    if (refusal) return refusal;
  } else {
    const refusal = await checkOwnPassword(ctx, throttle, user, input.secret);
    if (refusal) return refusal;
  }
  const made = await makeKeyPair(user.id, input.secret, mode);
  const stored = await ctx.db.transaction().execute((trx) => storeKeyPair(trx, made, ctx.now, ctx.origin));
  if (!stored) {
    discard(made.keys.secretKey, made.recoveryKey);
    return refuse(409, 'secret', 'keys.error_already_set_up');
  }
  return { ok: true, keys: made.keys, recoveryKey: made.recoveryKey };
}

/** Verifies the caller's login password (throttled per account); a refusal, or null when right. */
async function checkOwnPassword(
  ctx: ServiceContext,
  throttle: KeyThrottle,
  user: UserRow,
  password: string,
): Promise<FormRefusal<KeyMessage> | null> {
  const nowMs = ctx.now.getTime();
  const wait = throttle.blocked(user.id, nowMs);
  if (wait !== null) return throttled(wait);
  throttle.attempted(user.id, nowMs);
  if (!(await isOwnPassword(user, password))) return refuse(422, 'secret', 'keys.error_password_wrong');
  throttle.succeeded(user.id);
  return null;
}

async function isOwnPassword(user: UserRow, password: string): Promise<boolean> {
  return user.password_hash !== null && (await verifySecret(user.password_hash, password));
}

/**
 * Opens the caller's key pair with their recovery key and wraps it again: under their current
 * login password (checked) for a local account, else under a new key passphrase. For a password
 * reset by someone else, or a forgotten key passphrase. The recovery wrap is kept: the same
 * recovery key keeps working (a new one can be made on the keys page). Records `keys.recovered`.
 * @throws AppError('not_authenticated') without an active session.
 */
export async function recoverKeys(
  ctx: ServiceContext,
  throttle: KeyThrottle,
  input: RecoverForm,
): Promise<
  | { readonly ok: true; readonly keys: UnlockedKeys; readonly wrappedWith: WrappedWith }
  | FormRefusal<KeyMessage>
> {
  const { user } = await requireUser(ctx);
  const record = await findUserKeys(ctx.db, user.id);
  if (!record) return refuse(409, 'recoveryKey', 'keys.error_no_key_pair');
  let recoveryKey: Buffer;
  try {
    recoveryKey = parseRecoveryKey(input.recoveryKey);
  } catch (error) {
    if (!(error instanceof CryptoError)) throw error;
    return refuse(422, 'recoveryKey', 'keys.error_recovery_key_format');
  }
  try {
    const mode = wrapModeOf(user);
    if (mode === 'passphrase') {
      const refusal = passphraseRefusal(user, input.secret, input.confirm);
      if (refusal) return refusal;
    }
    const nowMs = ctx.now.getTime();
    const wait = throttle.blocked(user.id, nowMs);
    if (wait !== null) return throttled(wait, 'recoveryKey');
    throttle.attempted(user.id, nowMs);
    let keys: UnlockedKeys;
    try {
      keys = unlockedFrom(record, unwrapSecretKeyWithRecoveryKey(record.recoveryWrappedKey, recoveryKey));
    } catch (error) {
      if (!(error instanceof CryptoError)) throw error;
      return refuse(422, 'recoveryKey', 'keys.error_recovery_key_wrong');
    }
    if (mode === 'password' && !(await isOwnPassword(user, input.secret))) {
      discard(keys.secretKey);
      return refuse(422, 'secret', 'keys.error_password_wrong');
    }
    throttle.succeeded(user.id);
    let wrapped: string;
    try {
      wrapped = await wrapSecretKey(keys.secretKey, input.secret, kdfFor(mode));
    } catch (error) {
      discard(keys.secretKey);
      throw error;
    }
    const changed = await ctx.db.transaction().execute(async (trx) => {
      const done = await replaceWrappedSecretKey(
        trx,
        { userId: user.id, expected: record.wrappedSecretKey, wrappedSecretKey: wrapped, wrappedWith: mode },
        ctx.now,
      );
      if (done) {
        await appendAuditEvent(
          trx,
          { type: 'keys.recovered', data: { userId: user.id } },
          ctx.origin,
          ctx.now,
        );
      }
      return done;
    });
    if (!changed) {
      discard(keys.secretKey);
      return refuse(409, 'recoveryKey', 'keys.error_changed_meanwhile');
    }
    return { ok: true, keys, wrappedWith: mode };
  } finally {
    discard(recoveryKey);
  }
}

/** The form that makes a new recovery key: the password or key passphrase, asked again. */
export const ReplaceRecoveryFormSchema = z.object({ secret: secretField('keys.error_secret_required') });
export type ReplaceRecoveryForm = z.infer<typeof ReplaceRecoveryFormSchema>;

/**
 * Replaces the caller's recovery key with a new one, made from their unlocked keys; the old one
 * stops working. The password or key passphrase is asked again (it must open the stored wrap;
 * failures count per account): an unlocked session in the wrong hands cannot swap the recovery
 * key. Records `keys.recovery_key_replaced`.
 * @returns the new recovery key (owned by the caller), to show once.
 * @throws AppError('not_authenticated') without an active session; AppError('forbidden') when the
 *   keys are not the caller's; AppError('conflict') when the stored key pair is not the one unlocked.
 */
export async function replaceRecoveryKey(
  ctx: ServiceContext,
  throttle: KeyThrottle,
  keys: UnlockedKeys,
  input: ReplaceRecoveryForm,
): Promise<{ readonly ok: true; readonly recoveryKey: Buffer } | FormRefusal<KeyMessage>> {
  const auth = requireActive(ctx);
  if (keys.userId !== auth.userId) throw new AppError('forbidden');
  const record = await findUserKeys(ctx.db, auth.userId);
  if (!record?.publicKey.equals(keys.publicKey)) throw new AppError('conflict');
  const nowMs = ctx.now.getTime();
  const wait = throttle.blocked(auth.userId, nowMs);
  if (wait !== null) return throttled(wait);
  throttle.attempted(auth.userId, nowMs);
  try {
    discard(unlockedFrom(record, await unwrapSecretKey(record.wrappedSecretKey, input.secret)).secretKey);
  } catch (error) {
    if (!(error instanceof CryptoError)) throw error;
    return refuse(
      422,
      'secret',
      record.wrappedWith === 'password'
        ? 'keys.error_unlock_wrong_password'
        : 'keys.error_unlock_wrong_passphrase',
    );
  }
  throttle.succeeded(auth.userId);
  const recoveryKey = newRecoveryKey();
  const wrapped = wrapSecretKeyWithRecoveryKey(keys.secretKey, recoveryKey);
  const changed = await ctx.db.transaction().execute(async (trx) => {
    const done = await replaceRecoveryWrappedKey(trx, {
      userId: auth.userId,
      expected: record.recoveryWrappedKey,
      recoveryWrappedKey: wrapped,
    });
    if (done) {
      await appendAuditEvent(
        trx,
        { type: 'keys.recovery_key_replaced', data: { userId: auth.userId } },
        ctx.origin,
        ctx.now,
      );
    }
    return done;
  });
  if (!changed) {
    discard(recoveryKey);
    throw new AppError('conflict');
  }
  return { ok: true, recoveryKey };
}

// ——— Password change ———

/** What a password change does to the key pair, worked out before its transaction. */
export type KeyRewrap =
  /** No key pair, or one wrapped under a key passphrase: nothing to do. */
  | { readonly kind: 'none' }
  | {
      readonly kind: 'rewrap';
      readonly userId: string;
      readonly expected: string;
      readonly wrappedSecretKey: string;
    }
  /** The old password did not open the wrap: it is left as it is, for the recovery key. */
  | { readonly kind: 'left_for_recovery' };

/**
 * Unwraps the user's secret key with the old password and wraps it under the new one (two
 * Argon2id, so call it before the password change's transaction, then `applyKeyRewrap` in it).
 * Never fails the password change for the key's sake: a wrap the old password does not open
 * gives `left_for_recovery`.
 */
export async function prepareKeyRewrap(
  db: Db,
  input: { readonly userId: string; readonly oldPassword: string; readonly newPassword: string },
): Promise<KeyRewrap> {
  const record = await findUserKeys(db, input.userId);
  if (record?.wrappedWith !== 'password') return { kind: 'none' };
  let secretKey: Buffer;
  try {
    secretKey = await unwrapSecretKey(record.wrappedSecretKey, input.oldPassword);
  } catch (error) {
    if (error instanceof CryptoError) return { kind: 'left_for_recovery' };
    throw error;
  }
  try {
    const wrappedSecretKey = await wrapSecretKey(secretKey, input.newPassword, kdfFor('password'));
    return { kind: 'rewrap', userId: record.userId, expected: record.wrappedSecretKey, wrappedSecretKey };
  } finally {
    discard(secretKey);
  }
}

/**
 * Stores a prepared re-wrap in the password change's transaction and records `keys.rewrapped`.
 * When the wrap changed meanwhile (a recovery at the same moment) it is left alone.
 */
export async function applyKeyRewrap(
  trx: Transaction<Database>,
  rewrap: KeyRewrap,
  event: { readonly now: Date; readonly origin: AuditOrigin },
): Promise<void> {
  if (rewrap.kind !== 'rewrap') return;
  const changed = await replaceWrappedSecretKey(
    trx,
    {
      userId: rewrap.userId,
      expected: rewrap.expected,
      wrappedSecretKey: rewrap.wrappedSecretKey,
      wrappedWith: 'password',
    },
    event.now,
  );
  if (!changed) return;
  await appendAuditEvent(
    trx,
    { type: 'keys.rewrapped', data: { userId: rewrap.userId, wrappedWith: 'password' } },
    event.origin,
    event.now,
  );
}
