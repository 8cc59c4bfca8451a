import { generateRecoveryCodes, hashRecoveryCode } from '../../src/identity/recovery-code.js';
import type { Role } from '../../src/identity/role.js';
import { SESSION_COOKIE } from '../../src/identity/session.service.js';
import { sealTotpSecret, totpKey } from '../../src/identity/totp.crypto.js';
import { base32Decode, base32Encode, generateTotpSecret, totpCode } from '../../src/identity/totp.js';
import { hashSecret } from '../../src/platform/crypto/password-hash.js';
import { randomToken, sha256Hex } from '../../src/platform/crypto/tokens.js';
import type { Db } from '../../src/platform/db/database.js';
import { type TestApp, TestClient } from './app.js';
import { unique } from './database.js';

/** A user made for a test, with the password in clear when one was set. */
export interface TestUser {
  readonly id: string;
  readonly username: string;
  readonly email: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly password: string | undefined;
  /** The TOTP secret in base32 when the user was made with `totp: true`. */
  readonly totpSecret?: string;
  /** Unused recovery codes in clear when the user was made with `totp: true`. */
  readonly recoveryCodes?: readonly string[];
}

/** Argon2id is slow on purpose; tests reuse one hash per password (each hash has its own salt anyway). */
const passwordHashes = new Map<string, Promise<string>>();
function hashForTest(password: string): Promise<string> {
  let hash = passwordHashes.get(password);
  if (!hash) {
    hash = hashSecret(password);
    passwordHashes.set(password, hash);
  }
  return hash;
}

/**
 * Inserts a user straight into the database (no service, no audit event), with a unique username
 * and e-mail address unless given. A password is hashed only when given (hashing is slow).
 */
export async function createUserForTest(
  db: Db,
  options: {
    readonly roles: readonly Role[];
    readonly password?: string;
    readonly username?: string;
    readonly email?: string;
    readonly name?: string;
    readonly active?: boolean;
    readonly entityId?: string | null;
    /** Enrols a confirmed TOTP second factor with ten recovery codes. */
    readonly totp?: boolean;
  },
): Promise<TestUser> {
  const username = options.username ?? unique('user');
  const email = options.email ?? `${username}@example.test`;
  const name = options.name ?? `Test ${username}`;
  const row = await db
    .insertInto('users')
    .values({
      username,
      email,
      name,
      active: options.active ?? true,
      entity_id: options.entityId ?? null,
      password_hash: options.password ? await hashForTest(options.password) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (options.roles.length > 0) {
    await db
      .insertInto('user_roles')
      .values(options.roles.map((role) => ({ user_id: row.id, role })))
      .execute();
  }
  const user: TestUser = {
    id: row.id,
    username,
    email,
    name,
    roles: options.roles,
    password: options.password,
  };
  if (!options.totp) return user;
  const secret = generateTotpSecret();
  const recoveryCodes = generateRecoveryCodes();
  await db
    .updateTable('users')
    .set({ totp_secret: sealTotpSecret(await totpKey(db), row.id, secret), totp_enabled_at: new Date() })
    .where('id', '=', row.id)
    .execute();
  await db
    .insertInto('recovery_codes')
    .values(recoveryCodes.map((code) => ({ user_id: row.id, code_hash: hashRecoveryCode(code) })))
    .execute();
  return { ...user, totpSecret: base32Encode(secret), recoveryCodes };
}

/** The TOTP code of a base32 secret at `now`, `steps` time steps later or earlier. */
export function totpCodeAt(secret: string, now: Date, steps = 0): string {
  return totpCode(base32Decode(secret), now.getTime() + steps * 30_000);
}

/**
 * A client signed in as `user`: a session row is written directly (active stage, password
 * method) and its cookie set, so tests skip the login pages.
 */
export async function loginAs(t: TestApp, user: { readonly id: string }): Promise<TestClient> {
  const value = randomToken(32);
  const now = t.clock.now();
  await t.db
    .insertInto('sessions')
    .values({
      id_hash: sha256Hex(value),
      user_id: user.id,
      stage: 'active',
      method: 'password',
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + t.config.session.maxHours * 3_600_000),
    })
    .execute();
  const client = new TestClient(t.app);
  client.cookies.set(SESSION_COOKIE, value);
  return client;
}
