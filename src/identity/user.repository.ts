import { type Expression, type ExpressionBuilder, type SqlBool, sql, type Transaction } from 'kysely';
import type { Db } from '../platform/db/database.js';
import type { Database, UserRow } from '../platform/db/schema.js';

/** The number of user accounts (0 means the first-run setup is still open). */
export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Finds a user by login name or e-mail address, case-insensitively. */
export async function findUserByLogin(db: Db, login: string): Promise<UserRow | undefined> {
  const value = login.trim().toLowerCase();
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) =>
      eb.or([eb(eb.fn('lower', ['username']), '=', value), eb(eb.fn('lower', ['email']), '=', value)]),
    )
    .executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findRolesOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
  return rows.map((r) => r.role);
}

/** A user as the administration pages list and edit them. */
export interface UserSummary {
  readonly id: string;
  readonly username: string;
  readonly email: string;
  readonly name: string;
  readonly active: boolean;
  readonly entityId: string | null;
  readonly entityNameNl: string | null;
  readonly entityNameEn: string | null;
  readonly managerId: string | null;
  readonly managerUsername: string | null;
  readonly managerName: string | null;
  readonly roles: readonly string[];
  readonly secondFactorEnabled: boolean;
  readonly lastLoginAt: Date | null;
}

export interface UserListFilter {
  /** Matched case-insensitively anywhere in name, username or e-mail address. */
  readonly query?: string | undefined;
  readonly role?: string | undefined;
  readonly active?: boolean | undefined;
  readonly offset: number;
  readonly limit: number;
}

function userSummaryQuery(db: Db) {
  return db
    .selectFrom('users')
    .leftJoin('entities', 'entities.id', 'users.entity_id')
    .leftJoin('users as managers', 'managers.id', 'users.manager_id')
    .select([
      'users.id',
      'users.username',
      'users.email',
      'users.name',
      'users.active',
      'users.entity_id',
      'users.manager_id',
      'users.totp_enabled_at',
      'users.last_login_at',
      'entities.name_nl as entity_name_nl',
      'entities.name_en as entity_name_en',
      'managers.username as manager_username',
      'managers.name as manager_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('user_roles')
        .select((inner) => inner.fn.agg<string[]>('array_agg', ['user_roles.role']).as('roles'))
        .whereRef('user_roles.user_id', '=', 'users.id')
        .as('roles'),
    );
}

type UserSummaryRow = Awaited<ReturnType<ReturnType<typeof userSummaryQuery>['executeTakeFirstOrThrow']>>;

function toUserSummary(row: UserSummaryRow): UserSummary {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    name: row.name,
    active: row.active,
    entityId: row.entity_id,
    entityNameNl: row.entity_name_nl,
    entityNameEn: row.entity_name_en,
    managerId: row.manager_id,
    managerUsername: row.manager_username,
    managerName: row.manager_name,
    roles: [...(row.roles ?? [])].sort(),
    secondFactorEnabled: row.totp_enabled_at !== null,
    lastLoginAt: row.last_login_at,
  };
}

/** Escapes `%`, `_` and `\` so a search term matches literally inside an ILIKE pattern. */
function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of users sorted by name (then id, so the order is total; served by `users_name_idx`),
 * with the number of users that match the filter.
 */
export async function listUsers(
  db: Db,
  filter: UserListFilter,
): Promise<{ readonly users: UserSummary[]; readonly total: number }> {
  let base = db.selectFrom('users');
  if (filter.query) {
    const pattern = likeContains(filter.query);
    base = base.where((eb) =>
      eb.or([
        eb('users.name', 'ilike', pattern),
        eb('users.username', 'ilike', pattern),
        eb('users.email', 'ilike', pattern),
      ]),
    );
  }
  if (filter.role) {
    const role = filter.role;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles')
          .select('user_roles.role')
          .whereRef('user_roles.user_id', '=', 'users.id')
          .where('user_roles.role', '=', role),
      ),
    );
  }
  if (filter.active !== undefined) base = base.where('users.active', '=', filter.active);
  const [ids, count] = await Promise.all([
    base
      .select('users.id')
      .orderBy('users.name')
      .orderBy('users.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow(),
  ]);
  if (ids.length === 0) return { users: [], total: Number(count.count) };
  const rows = await userSummaryQuery(db)
    .where(
      'users.id',
      'in',
      ids.map((r) => r.id),
    )
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
  return { users: rows.map(toUserSummary), total: Number(count.count) };
}

export async function findUserSummary(db: Db, id: string): Promise<UserSummary | undefined> {
  const row = await userSummaryQuery(db).where('users.id', '=', id).executeTakeFirst();
  return row && toUserSummary(row);
}

/** Numbers for the administration overview. */
export async function countUsersByActivity(
  db: Db,
): Promise<{ readonly total: number; readonly active: number }> {
  const row = await db
    .selectFrom('users')
    .select((eb) => [
      eb.fn.countAll<string>().as('total'),
      eb.fn.count<string>('users.id').filterWhere('users.active', '=', true).as('active'),
    ])
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), active: Number(row.active) };
}

/** Which of a username and an e-mail address another user (not `exceptId`) already has. */
export async function findLoginConflicts(
  db: Db,
  input: { readonly username?: string; readonly email?: string; readonly exceptId?: string },
): Promise<{ readonly username: boolean; readonly email: boolean }> {
  const username = input.username?.toLowerCase();
  const email = input.email?.toLowerCase();
  let query = db.selectFrom('users').select(['username', 'email']);
  query = query.where((eb) =>
    eb.or([
      ...(username ? [eb(eb.fn('lower', ['username']), '=', username)] : []),
      ...(email ? [eb(eb.fn('lower', ['email']), '=', email)] : []),
      eb.val(false),
    ]),
  );
  if (input.exceptId) query = query.where('id', '<>', input.exceptId);
  const rows = await query.execute();
  return {
    username: rows.some((r) => r.username.toLowerCase() === username),
    email: rows.some((r) => r.email.toLowerCase() === email),
  };
}

export interface NewUser {
  readonly username: string;
  readonly email: string;
  readonly name: string;
  readonly entityId: string | null;
  readonly managerId: string | null;
  readonly passwordHash: string | null;
  readonly roles: readonly string[];
}

/** Inserts a user and their roles; returns the new id. */
export async function insertUser(db: Db, input: NewUser, now: Date): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({
      username: input.username,
      email: input.email,
      name: input.name,
      entity_id: input.entityId,
      manager_id: input.managerId,
      password_hash: input.passwordHash,
      password_changed_at: input.passwordHash ? now : null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addUserRoles(db, row.id, input.roles);
  return row.id;
}

export async function addUserRoles(db: Db, userId: string, roles: readonly string[]): Promise<void> {
  if (roles.length === 0) return;
  await db
    .insertInto('user_roles')
    .values(roles.map((role) => ({ user_id: userId, role })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function removeUserRoles(db: Db, userId: string, roles: readonly string[]): Promise<void> {
  if (roles.length === 0) return;
  await db.deleteFrom('user_roles').where('user_id', '=', userId).where('role', 'in', roles).execute();
}

export async function updateUserProfile(
  db: Db,
  id: string,
  input: {
    readonly name: string;
    readonly email: string;
    readonly entityId: string | null;
    readonly managerId: string | null;
  },
  now: Date,
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      name: input.name,
      email: input.email,
      entity_id: input.entityId,
      manager_id: input.managerId,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function setUserActive(db: Db, id: string, active: boolean, now: Date): Promise<void> {
  await db.updateTable('users').set({ active, updated_at: now }).where('id', '=', id).execute();
}

/** Removes a user's TOTP secret and recovery codes: the next login asks to enrol again. */
export async function clearSecondFactor(db: Db, id: string, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({
      totp_secret: null,
      totp_pending_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
  await db.deleteFrom('recovery_codes').where('user_id', '=', id).execute();
}

/**
 * The ids of the active admins, locked until the transaction ends: two admins removing each
 * other at the same moment are serialised, so the last one standing cannot be removed.
 */
export async function lockActiveAdmins(trx: Transaction<Database>): Promise<string[]> {
  const rows = await trx
    .selectFrom('users')
    .select('users.id')
    .where(isActiveWithRole('admin'))
    .orderBy('users.id')
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}

/** Whether `userId` is `managerId` or one of the managers above them (a new link would close a loop). */
export async function isInManagementChain(db: Db, managerId: string, userId: string): Promise<boolean> {
  const result = await sql<{ found: boolean }>`
    with recursive chain(id) as (
      select ${managerId}::uuid
      union
      select u.manager_id from users u join chain c on u.id = c.id where u.manager_id is not null
    )
    select exists(select 1 from chain where id = ${userId}::uuid) as found`.execute(db);
  return result.rows[0]?.found === true;
}

/** Active users with the manager role, for the manager field's suggestions (bounded). */
export async function listManagerCandidates(
  db: Db,
  limit = 500,
): Promise<{ readonly username: string; readonly name: string }[]> {
  return db
    .selectFrom('users')
    .select(['users.username', 'users.name'])
    .where(isActiveWithRole('manager'))
    .orderBy('users.name')
    .orderBy('users.id')
    .limit(limit)
    .execute();
}

/** A filter on `users`: active, and holding `role`. */
function isActiveWithRole(role: string) {
  return (eb: ExpressionBuilder<Database, 'users'>): Expression<SqlBool> =>
    eb.and([
      eb('users.active', '=', true),
      eb.exists(
        eb
          .selectFrom('user_roles')
          .select('user_roles.role')
          .whereRef('user_roles.user_id', '=', 'users.id')
          .where('user_roles.role', '=', role),
      ),
    ]);
}
