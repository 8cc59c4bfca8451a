import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import { appendAuditEvent } from '../platform/audit/audit.js';
import type { AuditOrigin } from '../platform/audit/audit-events.js';
import { hashSecret } from '../platform/crypto/password-hash.js';
import type { Db } from '../platform/db/database.js';
import type { Database } from '../platform/db/schema.js';
import { AppError } from '../platform/errors.js';
import type { ServiceContext } from '../platform/http/request-context.js';
import { fieldError, refusal } from './admin-errors.js';
import { requireRole } from './authorize.js';
import { countEntities, type EntityInTree, findEntityById, listEntityTree } from './entity.repository.js';
import { uuidText } from './entity.service.js';
import { checkPassword } from './password-policy.js';
import { type Role, roles } from './role.js';
import { endAllSessions } from './session.service.js';
import {
  addUserRoles,
  clearSecondFactor,
  countUsersByActivity,
  findLoginConflicts,
  findUserByLogin,
  findUserSummary,
  insertUser,
  isInManagementChain,
  listManagerCandidates,
  listUsers,
  lockActiveAdmins,
  removeUserRoles,
  setUserActive,
  type UserSummary,
  updateUserProfile,
} from './user.repository.js';

/** Users per page in the administration list. */
export const USERS_PAGE_SIZE = 25;
/** Serialises changes of who manages whom, so two changes cannot together close a loop. */
const MANAGER_LOCK_KEY = 727_102;

// ——— Input schemas (messages are catalogue keys) ———

/** A form value that may be absent, single or repeated, as a list (checkbox groups). */
const list = z.preprocess(
  (v) => (v === undefined ? [] : typeof v === 'string' ? [v] : v),
  z.array(z.string('admin.user.error_role_unknown')),
);

const nameField = z
  .string('admin.user.error_name_required')
  .trim()
  .min(1, 'admin.user.error_name_required')
  .max(200, 'admin.user.error_name_too_long');
const emailField = z
  .string('admin.user.error_email_invalid')
  .trim()
  .toLowerCase()
  .max(254, 'admin.user.error_email_invalid')
  .pipe(z.email('admin.user.error_email_invalid'));
const optionalId = (message: 'admin.user.error_entity_unknown') =>
  z
    .string(message)
    .refine((v) => v === '' || uuidText.safeParse(v).success, message)
    .transform((v) => (v === '' ? null : v));
const managerField = z
  .string('admin.user.error_manager_unknown')
  .trim()
  .toLowerCase()
  .max(254, 'admin.user.error_manager_unknown')
  .transform((v) => (v === '' ? null : v));
const rolesField = list
  .pipe(
    z
      .array(z.enum(roles, 'admin.user.error_role_unknown'))
      .min(1, 'admin.user.error_roles_required')
      .max(roles.length * 2, 'admin.user.error_role_unknown'),
  )
  .transform((v) => [...new Set(v)].sort());

/** The profile fields an admin edits on an existing user. */
export const UserProfileFormSchema = z.object({
  name: nameField,
  email: emailField,
  entityId: optionalId('admin.user.error_entity_unknown'),
  manager: managerField,
});
export type UserProfileForm = z.infer<typeof UserProfileFormSchema>;

/** The new-user form. An empty password leaves the account without one (OIDC or a later reset). */
export const CreateUserFormSchema = UserProfileFormSchema.extend({
  username: z
    .string('admin.user.error_username_invalid')
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'admin.user.error_username_invalid'),
  roles: rolesField,
  // The policy (length included) is checked by the service, which knows the username and e-mail.
  password: z.string('admin.user.error_password_too_long').max(1000, 'admin.user.error_password_too_long'),
});
export type CreateUserForm = z.infer<typeof CreateUserFormSchema>;

/** The roles form. */
export const UserRolesFormSchema = z.object({ roles: rolesField });

// ——— Reading ———

export interface UserListQuery {
  readonly query?: string | undefined;
  readonly role?: Role | undefined;
  readonly active?: boolean | undefined;
  /** 1-based. */
  readonly page: number;
}

/**
 * One page of users (sorted by name) matching the query, and how many match in total.
 * @throws AppError('forbidden') unless the caller is an admin.
 */
export async function listUsersForAdmin(
  ctx: ServiceContext,
  query: UserListQuery,
): Promise<{ readonly users: UserSummary[]; readonly total: number }> {
  requireRole(ctx, 'admin');
  return listUsers(ctx.db, {
    query: query.query,
    role: query.role,
    active: query.active,
    offset: (query.page - 1) * USERS_PAGE_SIZE,
    limit: USERS_PAGE_SIZE,
  });
}

/**
 * One user for the edit page.
 * @throws AppError('forbidden') unless admin; AppError('not_found') for an unknown or malformed id.
 */
export async function getUserForAdmin(ctx: ServiceContext, id: string): Promise<UserSummary> {
  requireRole(ctx, 'admin');
  if (!uuidText.safeParse(id).success) throw new AppError('not_found');
  const user = await findUserSummary(ctx.db, id);
  if (!user) throw new AppError('not_found');
  return user;
}

/** What the user forms offer: the entity tree and suggested managers. */
export interface UserFormOptions {
  readonly entities: readonly EntityInTree[];
  readonly managers: readonly { readonly username: string; readonly name: string }[];
}

/** @throws AppError('forbidden') unless the caller is an admin. */
export async function getUserFormOptions(ctx: ServiceContext): Promise<UserFormOptions> {
  requireRole(ctx, 'admin');
  const [entities, managers] = await Promise.all([listEntityTree(ctx.db), listManagerCandidates(ctx.db)]);
  return { entities, managers };
}

/** The numbers on the administration overview. */
export interface AdminOverview {
  readonly users: number;
  readonly activeUsers: number;
  readonly entities: number;
}

/** @throws AppError('forbidden') unless the caller is an admin. */
export async function getAdminOverview(ctx: ServiceContext): Promise<AdminOverview> {
  requireRole(ctx, 'admin');
  const [users, entities] = await Promise.all([countUsersByActivity(ctx.db), countEntities(ctx.db)]);
  return { users: users.total, activeUsers: users.active, entities };
}

// ——— Creating ———

/** A new user as services take it (already validated by {@link CreateUserFormSchema} or built in code). */
export interface CreateUserInput {
  readonly name: string;
  readonly username: string;
  readonly email: string;
  readonly entityId: string | null;
  /** The manager's username, or null. */
  readonly manager: string | null;
  readonly roles: readonly Role[];
  /** An initial password (checked against the password policy), or empty/absent for none. */
  readonly password?: string | null | undefined;
}

/**
 * Creates a user with their roles and records `user.created`, in one transaction.
 * @throws AppError('forbidden') unless the caller is an admin; field errors (422) for a taken
 *   username or e-mail address, an unknown entity or manager, or a password the policy refuses.
 */
export async function createUser(ctx: ServiceContext, input: CreateUserInput): Promise<string> {
  requireRole(ctx, 'admin');
  return createUserWithOrigin(ctx.db, ctx.now, ctx.origin, input);
}

/**
 * {@link createUser} without an acting admin, for the demo seeder and scripts: the event is
 * recorded with the system origin `label` (default `demo`).
 */
export async function createUserAsSystem(
  db: Db,
  now: Date,
  input: CreateUserInput,
  label = 'demo',
): Promise<string> {
  return createUserWithOrigin(db, now, { kind: 'system', label }, input);
}

async function createUserWithOrigin(
  db: Db,
  now: Date,
  origin: AuditOrigin,
  input: CreateUserInput,
): Promise<string> {
  const username = input.username.toLowerCase();
  const email = input.email.toLowerCase();
  let passwordHash: string | null = null;
  if (input.password) {
    const problem = checkPassword(input.password, { username, email });
    if (problem) throw fieldError('password', problem);
    // Hashing takes a while: done before the transaction so no lock is held meanwhile.
    passwordHash = await hashSecret(input.password);
  }
  const userRoles = [...new Set(input.roles)].sort();
  return db.transaction().execute(async (trx) => {
    const conflicts = await findLoginConflicts(trx, { username, email });
    if (conflicts.username) throw fieldError('username', 'admin.user.error_username_taken');
    if (conflicts.email) throw fieldError('email', 'admin.user.error_email_taken');
    await checkEntity(trx, input.entityId);
    const managerId = await resolveManager(trx, input.manager);
    const id = await insertUser(
      trx,
      {
        username,
        email,
        name: input.name,
        entityId: input.entityId,
        managerId,
        passwordHash,
        roles: userRoles,
      },
      now,
    ).catch(uniqueViolationToFieldError);
    await appendAuditEvent(
      trx,
      { type: 'user.created', data: { userId: id, username, roles: userRoles } },
      origin,
      now,
    );
    return id;
  });
}

// ——— Changing ———

/**
 * Changes a user's name, e-mail address, entity and manager, and records `user.updated` with the
 * fields that changed (nothing is written when nothing changed). A user cannot manage themself,
 * directly or through a chain of managers.
 * @throws AppError('forbidden') unless admin; AppError('not_found'); field errors (422).
 */
export async function updateUser(ctx: ServiceContext, id: string, input: UserProfileForm): Promise<void> {
  requireRole(ctx, 'admin');
  const user = await getUserForAdmin(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    const conflicts = await findLoginConflicts(trx, { email: input.email, exceptId: id });
    if (conflicts.email) throw fieldError('email', 'admin.user.error_email_taken');
    await checkEntity(trx, input.entityId);
    const managerId = await resolveManager(trx, input.manager, user.managerId);
    if (managerId !== user.managerId && managerId !== null) {
      if (managerId === id) throw fieldError('manager', 'admin.user.error_manager_self');
      await sql`select pg_advisory_xact_lock(${MANAGER_LOCK_KEY})`.execute(trx);
      if (await isInManagementChain(trx, managerId, id)) {
        throw fieldError('manager', 'admin.user.error_manager_cycle');
      }
    }
    const fields: string[] = [];
    if (input.name !== user.name) fields.push('name');
    if (input.email !== user.email) fields.push('email');
    if (input.entityId !== user.entityId) fields.push('entityId');
    if (managerId !== user.managerId) fields.push('managerId');
    if (fields.length === 0) return;
    await updateUserProfile(trx, id, { ...input, managerId }, ctx.now).catch(uniqueViolationToFieldError);
    await appendAuditEvent(trx, { type: 'user.updated', data: { userId: id, fields } }, ctx.origin, ctx.now);
  });
}

/**
 * Gives a user exactly `newRoles`, records `user.roles_changed` with what was added and removed,
 * and ends the user's sessions so the new set applies from their next login (an admin changing
 * their own roles keeps the session they are using). An admin cannot remove their own admin
 * role, and the last active admin keeps theirs.
 * @throws AppError('forbidden') unless admin; AppError('not_found'); refusals (409).
 */
export async function changeUserRoles(
  ctx: ServiceContext,
  id: string,
  newRoles: readonly Role[],
): Promise<void> {
  requireRole(ctx, 'admin');
  const user = await getUserForAdmin(ctx, id);
  const wanted = new Set<string>(newRoles);
  const added = [...wanted].filter((r) => !user.roles.includes(r)).sort();
  const removed = user.roles.filter((r) => !wanted.has(r)).sort();
  if (added.length === 0 && removed.length === 0) return;
  const isSelf = ctx.auth?.userId === id;
  if (removed.includes('admin')) {
    if (isSelf) throw refusal('admin.user.error_cannot_remove_own_admin');
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (removed.includes('admin')) await ensureAnotherAdminRemains(trx, id);
    await removeUserRoles(trx, id, removed);
    await addUserRoles(trx, id, added);
    await endAllSessions(trx, id, isSelf ? ctx.auth?.sessionIdHash : undefined);
    await appendAuditEvent(
      trx,
      { type: 'user.roles_changed', data: { userId: id, added, removed } },
      ctx.origin,
      ctx.now,
    );
  });
}

/**
 * Deactivates a user: they can no longer log in, and every session they have ends.
 * An admin cannot deactivate themself, and the last active admin stays active.
 * @throws AppError('forbidden') unless admin; AppError('not_found'); refusals (409).
 */
export async function deactivateUser(ctx: ServiceContext, id: string): Promise<void> {
  requireRole(ctx, 'admin');
  const user = await getUserForAdmin(ctx, id);
  if (ctx.auth?.userId === id) throw refusal('admin.user.error_cannot_deactivate_self');
  if (!user.active) return;
  await ctx.db.transaction().execute(async (trx) => {
    if (user.roles.includes('admin')) await ensureAnotherAdminRemains(trx, id);
    await setUserActive(trx, id, false, ctx.now);
    await endAllSessions(trx, id);
    await appendAuditEvent(trx, { type: 'user.deactivated', data: { userId: id } }, ctx.origin, ctx.now);
  });
}

/**
 * Lets a deactivated user log in again.
 * @throws AppError('forbidden') unless admin; AppError('not_found').
 */
export async function reactivateUser(ctx: ServiceContext, id: string): Promise<void> {
  requireRole(ctx, 'admin');
  const user = await getUserForAdmin(ctx, id);
  if (user.active) return;
  await ctx.db.transaction().execute(async (trx) => {
    await setUserActive(trx, id, true, ctx.now);
    await appendAuditEvent(trx, { type: 'user.reactivated', data: { userId: id } }, ctx.origin, ctx.now);
  });
}

/**
 * Removes a user's second factor (TOTP secret and recovery codes), for someone who lost their
 * device; their sessions end and the next login asks them to enrol again where a role requires it.
 * @throws AppError('forbidden') unless admin; AppError('not_found').
 */
export async function resetSecondFactor(ctx: ServiceContext, id: string): Promise<void> {
  requireRole(ctx, 'admin');
  await getUserForAdmin(ctx, id);
  const isSelf = ctx.auth?.userId === id;
  await ctx.db.transaction().execute(async (trx) => {
    await clearSecondFactor(trx, id, ctx.now);
    await endAllSessions(trx, id, isSelf ? ctx.auth?.sessionIdHash : undefined);
    await appendAuditEvent(
      trx,
      { type: 'user.second_factor_reset', data: { userId: id } },
      ctx.origin,
      ctx.now,
    );
  });
}

// ——— Helpers ———

async function checkEntity(db: Db, entityId: string | null): Promise<void> {
  if (entityId && !(await findEntityById(db, entityId))) {
    throw fieldError('entityId', 'admin.user.error_entity_unknown');
  }
}

/**
 * The id of the active user with this username or e-mail address (or null for none). The current manager is
 * accepted even when deactivated since, so that editing a name does not force a new manager.
 */
async function resolveManager(
  db: Db,
  login: string | null,
  currentManagerId?: string | null,
): Promise<string | null> {
  if (!login) return null;
  const manager = await findUserByLogin(db, login);
  if (!manager) throw fieldError('manager', 'admin.user.error_manager_unknown');
  if (!manager.active && manager.id !== currentManagerId) {
    throw fieldError('manager', 'admin.user.error_manager_inactive');
  }
  return manager.id;
}

/** Refuses when `userId` is the only active admin left (the rows stay locked until commit). */
async function ensureAnotherAdminRemains(trx: Transaction<Database>, userId: string): Promise<void> {
  const admins = await lockActiveAdmins(trx);
  if (admins.includes(userId) && admins.length <= 1) throw refusal('admin.user.error_last_admin');
}

/** A unique-index violation that slipped past the check (a concurrent insert) as a field error. */
function uniqueViolationToFieldError(error: unknown): never {
  const { code, constraint } = (error ?? {}) as { code?: string; constraint?: string };
  if (code === '23505') {
    if (constraint === 'users_email_key') throw fieldError('email', 'admin.user.error_email_taken');
    throw fieldError('username', 'admin.user.error_username_taken');
  }
  throw error;
}
