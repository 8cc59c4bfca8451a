import './identity.events.js';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestDatabase } from '../../test/helpers/database.js';
import { createUserForTest } from '../../test/helpers/factories.js';
import { loadConfig } from '../config.js';
import type { OpenDatabase } from '../platform/db/database.js';
import { isAppError } from '../platform/errors.js';
import type { ServiceContext } from '../platform/http/request-context.js';
import { refusalOf } from './admin-errors.js';
import { listAuditLog, verifyAuditLog } from './audit-log.service.js';
import { createEntity, listEntities } from './entity.service.js';
import type { Role } from './role.js';
import { getSettingsForAdmin, updateSettings } from './settings.service.js';
import {
  changeUserRoles,
  createUser,
  createUserAsSystem,
  deactivateUser,
  getAdminOverview,
  getUserForAdmin,
  getUserFormOptions,
  listUsersForAdmin,
  reactivateUser,
  resetSecondFactor,
  updateUser,
} from './user.service.js';

/**
 * Service tests on a database of their own: the last-admin rule counts every admin, so it needs a
 * database where the test decides how many there are.
 */
describe('user administration rules', () => {
  let database: OpenDatabase;
  const now = new Date('2026-11-28T10:00:00Z');
  const config = loadConfig({ COOKIE_SECURE: 'false', LOG_LEVEL: 'silent' });

  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database.close());

  function contextOf(userId: string, roles: readonly Role[]): ServiceContext {
    return {
      db: database.db,
      now,
      config,
      auth: {
        userId,
        name: 'Actor',
        username: 'actor',
        roles,
        stage: 'active',
        sessionIdHash: 'x'.repeat(64),
        method: 'password',
      },
      origin: { kind: 'user', userId, label: 'actor' },
    };
  }

  it('creates a user as the system (for the demo seeder) with a system-origin audit event', async () => {
    const id = await createUserAsSystem(database.db, now, {
      name: 'Demo Beheerder',
      username: 'demo-admin',
      email: 'Demo-Admin@Example.test',
      entityId: null,
      manager: null,
      roles: ['admin'],
    });
    const user = await database.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(user.email, 'demo-admin@example.test');
    assert.equal(user.password_hash, null);
    const event = await database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('type', '=', 'user.created')
      .executeTakeFirstOrThrow();
    assert.equal(event.actor_id, null);
    assert.equal(event.actor_label, 'demo');
    assert.equal(event.client_ip, null);
  });

  it('keeps the last active admin: neither deactivated nor stripped of the role, even by a stale session', async () => {
    const admins = await database.db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select('users.id')
      .where('user_roles.role', '=', 'admin')
      .where('users.active', '=', true)
      .execute();
    assert.equal(admins.length, 1, 'the demo admin is the only one');
    const lastAdmin = admins[0]!.id;
    // An admin whose role was taken away after their request started still carries it in `auth`.
    const former = await createUserForTest(database.db, { roles: ['staff'] });
    const stale = contextOf(former.id, ['admin']);

    const deactivate = await deactivateUser(stale, lastAdmin).catch((e: unknown) => e);
    assert.equal(refusalOf(deactivate), 'admin.user.error_last_admin');
    const demote = await changeUserRoles(stale, lastAdmin, ['staff']).catch((e: unknown) => e);
    assert.equal(refusalOf(demote), 'admin.user.error_last_admin');

    const row = await database.db
      .selectFrom('users')
      .select('active')
      .where('id', '=', lastAdmin)
      .executeTakeFirstOrThrow();
    assert.equal(row.active, true);
    const roles = await database.db
      .selectFrom('user_roles')
      .select('role')
      .where('user_id', '=', lastAdmin)
      .execute();
    assert.deepEqual(
      roles.map((r) => r.role),
      ['admin'],
    );
  });

  it('lets exactly one of two admins deactivating each other at the same moment succeed', async () => {
    const a = await createUserForTest(database.db, { roles: ['admin'] });
    const b = await createUserForTest(database.db, { roles: ['admin'] });
    // The demo admin steps aside so that a and b are the only active admins.
    await database.db
      .updateTable('users')
      .set({ active: false })
      .where('username', '=', 'demo-admin')
      .execute();
    const results = await Promise.allSettled([
      deactivateUser(contextOf(a.id, ['admin']), b.id),
      deactivateUser(contextOf(b.id, ['admin']), a.id),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const refused = results.find((r) => r.status === 'rejected');
    assert.equal(
      refusalOf(refused?.status === 'rejected' ? refused.reason : undefined),
      'admin.user.error_last_admin',
    );
    const active = await database.db
      .selectFrom('users')
      .select('id')
      .where('id', 'in', [a.id, b.id])
      .where('active', '=', true)
      .execute();
    assert.equal(active.length, 1);
  });

  it('refuses every administration service to a caller without the admin role', async () => {
    const target = await createUserForTest(database.db, { roles: ['staff'] });
    const auditBefore = await database.db.selectFrom('audit_events').select('id').execute();
    const contexts: ServiceContext[] = [
      contextOf(target.id, ['staff']),
      contextOf(target.id, ['coordinator', 'manager', 'handler']),
      {
        ...contextOf(target.id, ['admin']),
        auth: { ...contextOf(target.id, ['admin']).auth!, stage: 'enrol' },
      },
      { ...contextOf(target.id, []), auth: null },
    ];
    const entity = { nameNl: 'X', nameEn: 'X', parentId: null };
    const profile = { name: 'X', email: 'x@example.test', entityId: null, manager: null };
    const calls: [string, (ctx: ServiceContext) => Promise<unknown>][] = [
      ['getAdminOverview', (ctx) => getAdminOverview(ctx)],
      ['listUsersForAdmin', (ctx) => listUsersForAdmin(ctx, { page: 1 })],
      ['getUserForAdmin', (ctx) => getUserForAdmin(ctx, target.id)],
      ['getUserFormOptions', (ctx) => getUserFormOptions(ctx)],
      ['createUser', (ctx) => createUser(ctx, { ...profile, username: 'nope', roles: ['admin'] })],
      ['updateUser', (ctx) => updateUser(ctx, target.id, profile)],
      ['changeUserRoles', (ctx) => changeUserRoles(ctx, target.id, ['admin'])],
      ['deactivateUser', (ctx) => deactivateUser(ctx, target.id)],
      ['reactivateUser', (ctx) => reactivateUser(ctx, target.id)],
      ['resetSecondFactor', (ctx) => resetSecondFactor(ctx, target.id)],
      ['listEntities', (ctx) => listEntities(ctx)],
      ['createEntity', (ctx) => createEntity(ctx, entity)],
      ['getSettingsForAdmin', (ctx) => getSettingsForAdmin(ctx)],
      [
        'updateSettings',
        (ctx) => updateSettings(ctx, { organisationNameNl: 'X', organisationNameEn: 'X', contactEmail: '' }),
      ],
      ['listAuditLog', (ctx) => listAuditLog(ctx, {})],
      ['verifyAuditLog', (ctx) => verifyAuditLog(ctx)],
    ];
    for (const ctx of contexts) {
      for (const [name, call] of calls) {
        const error = await call(ctx).then(
          () => undefined,
          (e: unknown) => e,
        );
        assert.ok(
          isAppError(error) && error.code === 'forbidden',
          `${name} with ${JSON.stringify(ctx.auth?.roles)}`,
        );
      }
    }
    assert.deepEqual(await database.db.selectFrom('audit_events').select('id').execute(), auditBefore);
    assert.deepEqual(
      (
        await database.db.selectFrom('user_roles').select('role').where('user_id', '=', target.id).execute()
      ).map((r) => r.role),
      ['staff'],
    );
  });
});
