import type { Db } from '../platform/db/database.js';
import type { SessionRow } from '../platform/db/schema.js';

/** A session row joined with what a request needs of its user. */
export interface SessionWithUser {
  readonly session: SessionRow;
  readonly user: {
    readonly id: string;
    readonly name: string;
    readonly username: string;
    readonly active: boolean;
  };
  readonly roles: readonly string[];
}

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function findSessionWithUser(db: Db, idHash: string): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('sessions')
    .select(['users.name', 'users.username', 'users.active'])
    .select((eb) =>
      eb
        .selectFrom('user_roles')
        .select((inner) => inner.fn.agg<string[]>('array_agg', ['user_roles.role']).as('roles'))
        .whereRef('user_roles.user_id', '=', 'users.id')
        .as('roles'),
    )
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { name, username, active, roles, ...session } = row;
  return {
    session,
    user: { id: session.user_id, name, username, active },
    roles: roles ?? [],
  };
}

export async function touchSession(db: Db, idHash: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a user (log out everywhere, deactivation, password or role change). */
export async function deleteSessionsOfUser(db: Db, userId: string, exceptIdHash?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptIdHash) query = query.where('id_hash', '<>', exceptIdHash);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function listSessionsOfUser(db: Db, userId: string): Promise<SessionRow[]> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

export async function deleteExpiredSessions(db: Db, now: Date, idleCutoff: Date): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleCutoff)]))
    .execute();
}
