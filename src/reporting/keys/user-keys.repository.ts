import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

/** How a user's secret key is wrapped: under the login password, or a separate key passphrase. */
export type WrappedWith = 'password' | 'passphrase';

/** A user's stored key pair: the public key in clear, the secret key only wrapped (twice). */
export interface UserKeyRecord {
  readonly userId: string;
  readonly publicKey: Buffer;
  /** `sk1.argon2id…` record (src/platform/crypto/envelope.ts). */
  readonly wrappedSecretKey: string;
  readonly wrappedWith: WrappedWith;
  /** `sk1.recovery…` record under the recovery key. */
  readonly recoveryWrappedKey: string;
  readonly createdAt: Date;
  /** When the passphrase wrap last changed (a new recovery wrap leaves it alone). */
  readonly updatedAt: Date;
}

/** The user's key pair, or undefined when they have none. */
export async function findUserKeys(db: Db, userId: string): Promise<UserKeyRecord | undefined> {
  const row = await db.selectFrom('user_keys').selectAll().where('user_id', '=', userId).executeTakeFirst();
  if (!row) return undefined;
  return {
    userId: row.user_id,
    publicKey: row.public_key,
    wrappedSecretKey: row.wrapped_secret_key,
    wrappedWith: row.wrapped_with,
    recoveryWrappedKey: row.recovery_wrapped_key,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Stores a new key pair unless the user already has one (two logins at the same moment).
 * @returns whether this call stored it.
 */
export async function insertUserKeys(
  trx: Transaction<Database>,
  record: Omit<UserKeyRecord, 'createdAt' | 'updatedAt'>,
  now: Date,
): Promise<boolean> {
  const inserted = await trx
    .insertInto('user_keys')
    .values({
      user_id: record.userId,
      public_key: record.publicKey,
      wrapped_secret_key: record.wrappedSecretKey,
      wrapped_with: record.wrappedWith,
      recovery_wrapped_key: record.recoveryWrappedKey,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * Replaces the passphrase wrap of a user's secret key, only if the stored wrap is still
 * `expected` (so a concurrent change is not silently overwritten).
 * @returns whether the row was changed.
 */
export async function replaceWrappedSecretKey(
  trx: Transaction<Database>,
  input: {
    readonly userId: string;
    readonly expected: string;
    readonly wrappedSecretKey: string;
    readonly wrappedWith: WrappedWith;
  },
  now: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('user_keys')
    .set({ wrapped_secret_key: input.wrappedSecretKey, wrapped_with: input.wrappedWith, updated_at: now })
    .where('user_id', '=', input.userId)
    .where('wrapped_secret_key', '=', input.expected)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Replaces the recovery wrap of a user's secret key, only if the stored one is still `expected`.
 * `updated_at` is left alone: it tells when the passphrase wrap changed, which the keys page
 * compares with the password's last change.
 * @returns whether the row was changed.
 */
export async function replaceRecoveryWrappedKey(
  trx: Transaction<Database>,
  input: { readonly userId: string; readonly expected: string; readonly recoveryWrappedKey: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('user_keys')
    .set({ recovery_wrapped_key: input.recoveryWrappedKey })
    .where('user_id', '=', input.userId)
    .where('recovery_wrapped_key', '=', input.expected)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
