import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestDatabase } from '../../test/helpers/database.js';
import { DEMO_PASSWORD, demoAccounts } from '../identity/demo-accounts.js';
import { insertEntity, listEntityTree } from '../identity/entity.repository.js';
import { countUsers, findRolesOfUser, findUserByLogin } from '../identity/user.repository.js';
import { verifyAuditChain } from '../platform/audit/audit.js';
import { verifySecret } from '../platform/crypto/password-hash.js';
import type { OpenDatabase } from '../platform/db/database.js';
import { demoPeople, seedDemoData } from './demo-data.js';

const now = new Date('2026-11-28T09:00:00Z');

describe('seedDemoData', () => {
  let database: OpenDatabase;
  let first: Awaited<ReturnType<typeof seedDemoData>>;

  before(async () => {
    database = await openTestDatabase();
    first = await seedDemoData(database.db, now);
  });
  after(async () => {
    await database?.close();
  });

  it('creates one account per role that logs in with the demo password', async () => {
    assert.equal(first.seeded, true);
    for (const account of demoAccounts) {
      const user = await findUserByLogin(database.db, account.username);
      assert.ok(user, `${account.username} exists`);
      assert.equal(user.active, true);
      assert.ok(user.password_hash, `${account.username} has a password`);
      assert.equal(
        await verifySecret(user.password_hash, DEMO_PASSWORD),
        true,
        `${account.username} password`,
      );
      assert.equal(await verifySecret(user.password_hash, `${DEMO_PASSWORD}x`), false);
      assert.ok(
        (await findRolesOfUser(database.db, user.id)).includes(account.role),
        `${account.username} role`,
      );
    }
  });

  it('places everyone in the entity tree under the Flemish government, with managers set', async () => {
    const tree = await listEntityTree(database.db);
    const roots = tree.filter((e) => e.parentId === null);
    assert.deepEqual(
      roots.map((e) => e.nameNl),
      ['Vlaamse overheid'],
    );
    assert.ok(tree.some((e) => e.nameNl === 'Audit Vlaanderen' && e.depth === 1));
    assert.ok(tree.some((e) => e.nameNl === 'Contactcenter 1700' && e.depth === 2));
    assert.ok(tree.every((e) => e.nameEn.length > 0));
    assert.equal(first.entities, tree.length);

    const entityIds = new Set(tree.map((e) => e.id));
    for (const person of demoPeople) {
      const user = await findUserByLogin(database.db, person.username);
      assert.ok(user?.entity_id && entityIds.has(user.entity_id), `${person.username} has an entity`);
      if (person.manager) {
        const manager = await findUserByLogin(database.db, person.manager);
        assert.equal(user.manager_id, manager?.id, `${person.username} reports to ${person.manager}`);
      }
    }
    const staff = await findUserByLogin(database.db, 'staff');
    const manager = await findUserByLogin(database.db, 'manager');
    assert.equal(staff?.manager_id, manager?.id, 'the demo staff member reports to the demo manager');
  });

  it('gives no password to the colleagues who are not demo accounts', async () => {
    const demoNames = new Set<string>(demoAccounts.map((a) => a.username));
    const others = demoPeople.filter((p) => !demoNames.has(p.username));
    assert.ok(others.length >= 3, 'there are colleagues besides the demo accounts');
    for (const person of others) {
      const user = await findUserByLogin(database.db, person.username);
      assert.equal(user?.password_hash, null, person.username);
    }
  });

  it('records what it created in an audit chain that still verifies', async () => {
    const verdict = await verifyAuditChain(database.db);
    assert.equal(verdict.ok, true);
    const created = await database.db
      .selectFrom('audit_events')
      .select(['type', 'actor_label'])
      .where('type', 'in', ['user.created', 'entity.created'])
      .execute();
    assert.equal(created.length, demoPeople.length + first.entities);
    assert.ok(created.every((e) => e.actor_label === 'demo'));
  });

  it('does nothing when run again on a database that has users', async () => {
    const users = await countUsers(database.db);
    const entities = (await listEntityTree(database.db)).length;
    const again = await seedDemoData(database.db, now);
    assert.deepEqual(again, { seeded: false, entities: 0, users: 0 });
    assert.equal(await countUsers(database.db), users);
    assert.equal((await listEntityTree(database.db)).length, entities);
  });

  it('reuses the entities an interrupted earlier run left behind', async () => {
    const other = await openTestDatabase();
    try {
      const root = await insertEntity(other.db, {
        nameNl: 'Vlaamse overheid',
        nameEn: 'Flemish Government',
        parentId: null,
      });
      const result = await seedDemoData(other.db, now);
      assert.equal(result.seeded, true);
      const tree = await listEntityTree(other.db);
      assert.deepEqual(
        tree.filter((e) => e.parentId === null).map((e) => e.id),
        [root.id],
      );
      assert.equal(result.entities, tree.length - 1);
    } finally {
      await other.close();
    }
  });
});
