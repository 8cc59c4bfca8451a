import type { Db } from '../platform/db/database.js';
import type { UserRow } from '../platform/db/schema.js';

/** The user who signed in before with this identity provider subject, if any. */
export async function findUserByOidcSubject(db: Db, subject: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('oidc_subject', '=', subject).executeTakeFirst();
}

/** The user with this e-mail address, compared case-insensitively (served by `users_email_key`). */
export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst();
}

/**
 * Stores the subject on a user who has none yet. Returns false when the user already has one
 * (a subject is linked once and never replaced here).
 */
export async function linkOidcSubject(db: Db, userId: string, subject: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ oidc_subject: subject, updated_at: now })
    .where('id', '=', userId)
    .where('oidc_subject', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Which of these usernames are taken, compared case-insensitively, in lower case. */
export async function findTakenUsernames(db: Db, candidates: readonly string[]): Promise<Set<string>> {
  if (candidates.length === 0) return new Set();
  const rows = await db
    .selectFrom('users')
    .select((eb) => eb.fn<string>('lower', ['username']).as('username'))
    .where(
      (eb) => eb.fn('lower', ['username']),
      'in',
      candidates.map((c) => c.toLowerCase()),
    )
    .execute();
  return new Set(rows.map((r) => r.username));
}

/** Records the moment of a successful login. */
export async function recordLastLogin(db: Db, userId: string, now: Date): Promise<void> {
  await db.updateTable('users').set({ last_login_at: now }).where('id', '=', userId).execute();
}
