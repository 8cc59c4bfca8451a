import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '../../test/helpers/app.js';
import { unique } from '../../test/helpers/database.js';
import { createUserForTest, loginAs, type TestUser } from '../../test/helpers/factories.js';
import { recordAuditEvent } from '../platform/audit/audit.js';
import { verifySecret } from '../platform/crypto/password-hash.js';
import type { Role } from './role.js';
import { getSettings } from './settings.service.js';

const nonAdminRoles: readonly Role[] = [
  'staff',
  'manager',
  'counselor',
  'handler',
  'investigator',
  'discipline',
  'agent',
  'coordinator',
];
const LONG = 'x'.repeat(10_000);
const STRONG_PASSWORD = 'paars-olifant-fietst-langzaam';

/** Today's date in Brussels, `yyyy-mm-dd`. */
function brusselsDate(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(date);
}

describe('administration pages', () => {
  let t: TestApp;
  let admin: TestUser;
  let adminClient: TestClient;

  before(async () => {
    t = await createTestApp();
    admin = await createUserForTest(t.db, { roles: ['admin'] });
    adminClient = await loginAs(t, admin);
  });
  after(() => t.close());

  const countAudit = async () =>
    Number(
      (
        await t.db
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const sessionsOf = async (userId: string) =>
    (await t.db.selectFrom('sessions').select('id_hash').where('user_id', '=', userId).execute()).length;
  const rolesOf = async (userId: string) =>
    (await t.db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute())
      .map((r) => r.role)
      .sort();
  const userRow = (userId: string) =>
    t.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  const lastEvent = (type: string) =>
    t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('type', '=', type)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
  const createEntity = async (nameNl: string, parentId = '') => {
    const response = await adminClient.submit('/admin/entities', {
      nameNl,
      nameEn: `${nameNl} EN`,
      parentId,
    });
    assert.equal(response.statusCode, 303, response.body);
    return (
      await t.db.selectFrom('entities').select('id').where('name_nl', '=', nameNl).executeTakeFirstOrThrow()
    ).id;
  };

  function adminPages(userId: string, entityId: string): string[] {
    return [
      '/admin',
      '/admin/users',
      '/admin/users/new',
      `/admin/users/${userId}`,
      '/admin/entities',
      `/admin/entities/${entityId}`,
      '/admin/audit',
      '/admin/settings',
    ];
  }

  it('answers 403 on every admin page and form to each role other than admin', async () => {
    const entityId = await createEntity(unique('Afdeling '));
    const before = await countAudit();
    for (const role of nonAdminRoles) {
      const user = await createUserForTest(t.db, { roles: [role] });
      const client = await loginAs(t, user);
      for (const url of adminPages(admin.id, entityId)) {
        const response = await client.get(url);
        assert.equal(response.statusCode, 403, `${role} GET ${url}`);
      }
      const posts: [string, Record<string, string | string[]>][] = [
        [
          '/admin/users/new',
          { name: 'X', username: unique('x'), email: `${unique()}@x.test`, roles: 'admin' },
        ],
        [`/admin/users/${user.id}/roles`, { roles: ['admin'] }],
        [`/admin/users/${admin.id}/deactivate`, {}],
        ['/admin/entities', { nameNl: 'X', nameEn: 'X', parentId: '' }],
        ['/admin/settings', { organisationNameNl: 'X', organisationNameEn: 'X', contactEmail: '' }],
        ['/admin/audit/verify', {}],
      ];
      for (const [url, form] of posts) {
        const response = await client.submit('/', form, url);
        assert.equal(response.statusCode, 403, `${role} POST ${url}`);
      }
      assert.deepEqual(await rolesOf(user.id), [role]);
    }
    assert.equal((await userRow(admin.id)).active, true);
    assert.equal(await countAudit(), before);
  });

  it('sends anonymous visitors from every admin page to /login', async () => {
    const entityId = await createEntity(unique('Dienst '));
    const client = new TestClient(t.app);
    for (const url of adminPages(admin.id, entityId)) {
      const response = await client.get(url);
      assert.equal(response.statusCode, 303, url);
      assert.equal(response.headers.location, `/login?next=${encodeURIComponent(url)}`);
    }
  });

  it('shows the overview with links to every section and the counts', async () => {
    const response = await adminClient.get('/admin');
    assert.equal(response.statusCode, 200);
    for (const href of ['/admin/users', '/admin/entities', '/admin/audit', '/admin/settings']) {
      assert.match(response.body, new RegExp(`href="${href}"`));
    }
    const users = await t.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.match(response.body, new RegExp(`<dd class="stats__value">${users.n}</dd>`));
  });

  it('lets an admin create a user, audited with the admin as actor and the client address', async () => {
    const entityId = await createEntity(unique('Team '));
    const manager = await createUserForTest(t.db, { roles: ['manager'] });
    const username = unique('nieuw');
    const response = await adminClient.submit('/admin/users/new', {
      name: 'Nieuwe Collega',
      username: username.toUpperCase(),
      email: `${username}@Example.test`,
      entityId,
      manager: manager.username,
      roles: ['staff', 'handler'],
      password: STRONG_PASSWORD,
    });
    assert.equal(response.statusCode, 303, response.body);
    const created = await t.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    assert.equal(response.headers.location, `/admin/users/${created.id}?done=created`);
    assert.equal(created.email, `${username}@example.test`);
    assert.equal(created.entity_id, entityId);
    assert.equal(created.manager_id, manager.id);
    assert.ok(created.password_hash && (await verifySecret(created.password_hash, STRONG_PASSWORD)));
    assert.deepEqual(await rolesOf(created.id), ['handler', 'staff']);
    const event = await lastEvent('user.created');
    assert.equal(event.actor_id, admin.id);
    assert.equal(event.actor_label, admin.username);
    assert.equal(event.client_ip, '127.0.0.1');
    assert.deepEqual(event.data, { userId: created.id, username, roles: ['handler', 'staff'] });

    const page = await adminClient.get(response.headers.location as string);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /De gebruiker is aangemaakt\./);
    assert.match(page.body, /Nieuwe Collega/);
  });

  it('refuses a taken username or e-mail address with a field error and creates nothing', async () => {
    const existing = await createUserForTest(t.db, { roles: ['staff'] });
    const before = await countAudit();
    const taken = await adminClient.submit('/admin/users/new', {
      name: 'Dubbel',
      username: existing.username.toUpperCase(),
      email: `${unique()}@example.test`,
      entityId: '',
      manager: '',
      roles: 'staff',
      password: '',
    });
    assert.equal(taken.statusCode, 422);
    assert.match(taken.body, /Deze gebruikersnaam is al in gebruik\./);
    assert.match(taken.body, /href="#field-username"/);
    assert.match(taken.body, /value="Dubbel"/, 'what was typed is shown again');
    const takenEmail = await adminClient.submit('/admin/users/new', {
      name: 'Dubbel',
      username: unique('dubbel'),
      email: existing.email.toUpperCase(),
      entityId: '',
      manager: '',
      roles: 'staff',
      password: '',
    });
    assert.equal(takenEmail.statusCode, 422);
    assert.match(takenEmail.body, /Dit e-mailadres is al in gebruik/);
    const named = await t.db.selectFrom('users').select('id').where('name', '=', 'Dubbel').execute();
    assert.equal(named.length, 0);
    assert.equal(await countAudit(), before);
  });

  it('refuses bad and oversized input on every admin form with a clear 4xx and changes nothing', async () => {
    const entityId = await createEntity(unique('Cel '));
    const target = await createUserForTest(t.db, { roles: ['staff'], name: 'Ongewijzigd' });
    const settingsBefore = await getSettings(t.db);
    const auditBefore = await countAudit();
    const usersBefore = await t.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const valid = {
      name: 'Geldig',
      username: unique('geldig'),
      email: `${unique()}@example.test`,
      entityId: '',
      manager: '',
      roles: 'staff',
      password: '',
    };
    const cases: [string, string, Record<string, string | string[]>, number, RegExp][] = [
      ['/admin/users/new', '/admin/users/new', { ...valid, name: LONG }, 422, /hoogstens 200 tekens/],
      ['/admin/users/new', '/admin/users/new', { ...valid, email: LONG }, 422, /geldig e-mailadres/],
      [
        '/admin/users/new',
        '/admin/users/new',
        { ...valid, username: LONG },
        422,
        /gebruikersnaam in van 2 tot 64/,
      ],
      ['/admin/users/new', '/admin/users/new', { ...valid, password: LONG }, 422, /wachtwoord/i],
      ['/admin/users/new', '/admin/users/new', {}, 422, /Vul de naam in/],
      [
        '/admin/users/new',
        '/admin/users/new',
        { ...valid, roles: ['staff', 'root'] },
        422,
        /alleen rollen uit de lijst/,
      ],
      ['/admin/users/new', '/admin/users/new', { ...valid, roles: [] }, 422, /minstens één rol/],
      [
        '/admin/users/new',
        '/admin/users/new',
        { ...valid, entityId: randomUUID() },
        422,
        /entiteit uit de lijst/,
      ],
      [
        '/admin/users/new',
        '/admin/users/new',
        { ...valid, entityId: 'not-a-uuid' },
        422,
        /entiteit uit de lijst/,
      ],
      [
        '/admin/users/new',
        '/admin/users/new',
        { ...valid, manager: 'nobody-here' },
        422,
        /leidinggevende uit de lijst/,
      ],
      ['/admin/users/new', '/admin/users/new', { ...valid, password: 'kort' }, 422, /field-password/],
      [
        `/admin/users/${target.id}`,
        `/admin/users/${target.id}`,
        { name: LONG, email: target.email, entityId: '', manager: '' },
        422,
        /hoogstens 200 tekens/,
      ],
      [
        `/admin/users/${target.id}`,
        `/admin/users/${target.id}`,
        { name: 'X', email: 'geen-adres', entityId: '', manager: '' },
        422,
        /geldig e-mailadres/,
      ],
      [
        `/admin/users/${target.id}`,
        `/admin/users/${target.id}`,
        { name: 'X', email: target.email, entityId: randomUUID(), manager: '' },
        422,
        /entiteit uit de lijst/,
      ],
      [
        `/admin/users/${target.id}`,
        `/admin/users/${target.id}`,
        { name: 'X', email: target.email, entityId: '', manager: target.username },
        422,
        /eigen leidinggevende/,
      ],
      [`/admin/users/${target.id}`, `/admin/users/${target.id}`, {}, 422, /Vul de naam in/],
      [
        `/admin/users/${target.id}`,
        `/admin/users/${target.id}/roles`,
        { roles: ['staff', 'superuser'] },
        422,
        /alleen rollen uit de lijst/,
      ],
      [
        `/admin/users/${target.id}`,
        `/admin/users/${target.id}/roles`,
        { roles: LONG },
        422,
        /alleen rollen uit de lijst/,
      ],
      [`/admin/users/${target.id}`, `/admin/users/${target.id}/roles`, {}, 422, /minstens één rol/],
      ['/admin/users', '/admin/users/not-a-uuid/roles', { roles: 'staff' }, 404, /Pagina niet gevonden/],
      ['/admin/users', `/admin/users/${randomUUID()}/deactivate`, {}, 404, /Pagina niet gevonden/],
      ['/admin/users', '/admin/users/1%20or%201=1/reset-second-factor', {}, 404, /Pagina niet gevonden/],
      [
        '/admin/entities',
        '/admin/entities',
        { nameNl: LONG, nameEn: 'X', parentId: '' },
        422,
        /hoogstens 200 tekens/,
      ],
      ['/admin/entities', '/admin/entities', {}, 422, /Vul de Nederlandse naam in/],
      [
        '/admin/entities',
        '/admin/entities',
        { nameNl: 'X', nameEn: 'X', parentId: randomUUID() },
        422,
        /entiteit uit de lijst/,
      ],
      [
        '/admin/entities',
        '/admin/entities',
        { nameNl: 'X', nameEn: 'X', parentId: '../etc' },
        422,
        /entiteit uit de lijst/,
      ],
      [
        '/admin/entities',
        '/admin/entities',
        { nameNl: 'X', nameEn: 'X', parentId: [entityId, entityId] },
        422,
        /entiteit uit de lijst/,
      ],
      [
        `/admin/entities/${entityId}`,
        `/admin/entities/${entityId}`,
        { nameNl: 'X', nameEn: 'X', parentId: entityId },
        422,
        /niet onder zichzelf/,
      ],
      [
        '/admin/entities',
        '/admin/entities/xyz',
        { nameNl: 'X', nameEn: 'X', parentId: '' },
        404,
        /Pagina niet gevonden/,
      ],
      [
        '/admin/settings',
        '/admin/settings',
        { organisationNameNl: LONG, organisationNameEn: 'X', contactEmail: '' },
        422,
        /hoogstens 200 tekens/,
      ],
      [
        '/admin/settings',
        '/admin/settings',
        { organisationNameNl: 'X', organisationNameEn: 'X', contactEmail: 'geen' },
        422,
        /geldig e-mailadres/,
      ],
      ['/admin/settings', '/admin/settings', {}, 422, /Vul de naam van de organisatie in/],
    ];
    for (const [pageUrl, action, form, status, message] of cases) {
      const response = await adminClient.submit(pageUrl, form, action);
      const label = `${action} ${JSON.stringify(form).slice(0, 80)}`;
      assert.equal(response.statusCode, status, label);
      assert.ok(message.test(response.body), `${label}: no ${message}`);
      assert.ok(!/Er ging iets mis/.test(response.body), label);
    }
    const oversized = await adminClient.submit('/admin/users/new', { ...valid, name: 'y'.repeat(70_000) });
    assert.equal(oversized.statusCode, 413);

    assert.equal((await userRow(target.id)).name, 'Ongewijzigd');
    assert.deepEqual(await rolesOf(target.id), ['staff']);
    assert.deepEqual(await getSettings(t.db), settingsBefore);
    assert.equal(await countAudit(), auditBefore);
    const usersAfter = await t.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(usersAfter.n, usersBefore.n);
  });

  it('answers 404 for unknown or malformed ids and ignores garbage query parameters', async () => {
    for (const url of ['/admin/users/not-a-uuid', `/admin/users/${randomUUID()}`, '/admin/entities/%27--']) {
      assert.equal((await adminClient.get(url)).statusCode, 404, url);
    }
    for (const url of [
      '/admin/users?page=abc&role=root&status=maybe&q=%25_%5C',
      '/admin/users?page=-5&q[]=a&q[]=b&role=admin&role=staff',
      `/admin/users?q=${'q'.repeat(5000)}&page=99999999999999999999`,
      '/admin/audit?before=xyz&after=-1&from=2026-02-31&to=yesterday&type=%3Cscript%3E&actor[]=x',
      '/admin/users/00000000-0000-0000-0000-000000000000?done=%3Cb%3E',
    ]) {
      const response = await adminClient.get(url);
      assert.ok([200, 404].includes(response.statusCode), `${url}: ${response.statusCode}`);
      assert.doesNotMatch(response.body, /<b>|<script>/);
    }
    assert.equal((await adminClient.get('/admin/users?page=abc&role=root')).statusCode, 200);
    const afterRefusal = await adminClient.get(`/admin/users/${admin.id}/roles`);
    assert.equal(afterRefusal.statusCode, 303, 'a reload after a refused action goes back to the user page');
    assert.equal(afterRefusal.headers.location, `/admin/users/${admin.id}`);
  });

  it('searches users by part of name, username or e-mail, filters by role and status, 25 per page', async () => {
    const tag = unique('zoek');
    for (let i = 0; i < 27; i += 1) {
      await createUserForTest(t.db, {
        roles: i % 2 === 0 ? ['handler'] : ['staff'],
        name: `${tag} Persoon ${String(i).padStart(2, '0')}`,
        active: i !== 3,
      });
    }
    const first = await adminClient.get(`/admin/users?q=${tag.toUpperCase()}`);
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /Resultaten 1 tot 25 van 27/);
    assert.match(first.body, new RegExp(`${tag} Persoon 00`));
    assert.doesNotMatch(first.body, new RegExp(`${tag} Persoon 26`));
    const second = await adminClient.get(`/admin/users?q=${tag}&page=2`);
    assert.match(second.body, new RegExp(`${tag} Persoon 26`));
    const handlers = await adminClient.get(`/admin/users?q=${tag}&role=handler`);
    assert.match(handlers.body, /Resultaten 1 tot 14 van 14/);
    const inactive = await adminClient.get(`/admin/users?q=${tag}&status=inactive`);
    assert.match(inactive.body, /Resultaten 1 tot 1 van 1/);
    assert.match(inactive.body, new RegExp(`${tag} Persoon 03`));
    const byEmail = await adminClient.get(`/admin/users?q=${encodeURIComponent(admin.email.slice(2, 10))}`);
    assert.match(byEmail.body, new RegExp(admin.username));
  });

  it('changes roles, records user.roles_changed with what was added and removed, and ends their sessions', async () => {
    const target = await createUserForTest(t.db, { roles: ['staff', 'agent'] });
    const targetClient = await loginAs(t, target);
    assert.equal((await targetClient.get('/')).statusCode, 200);
    assert.equal(await sessionsOf(target.id), 1);
    const response = await adminClient.submit(
      `/admin/users/${target.id}`,
      { roles: ['staff', 'manager'] },
      `/admin/users/${target.id}/roles`,
    );
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/admin/users/${target.id}?done=roles`);
    assert.deepEqual(await rolesOf(target.id), ['manager', 'staff']);
    assert.equal(await sessionsOf(target.id), 0);
    const event = await lastEvent('user.roles_changed');
    assert.deepEqual(event.data, { userId: target.id, added: ['manager'], removed: ['agent'] });
    assert.equal(event.actor_id, admin.id);
    const afterwards = await targetClient.get('/account');
    assert.equal(afterwards.statusCode, 303, 'the old session no longer works');
  });

  it('changes the profile and refuses a manager loop', async () => {
    const boss = await createUserForTest(t.db, { roles: ['manager'] });
    const worker = await createUserForTest(t.db, { roles: ['staff'] });
    const entityId = await createEntity(unique('Bureau '));
    const saved = await adminClient.submit(`/admin/users/${worker.id}`, {
      name: 'Nieuwe Naam',
      email: worker.email,
      entityId,
      manager: boss.username,
    });
    assert.equal(saved.statusCode, 303);
    const row = await userRow(worker.id);
    assert.equal(row.name, 'Nieuwe Naam');
    assert.equal(row.manager_id, boss.id);
    assert.deepEqual((await lastEvent('user.updated')).data, {
      userId: worker.id,
      fields: ['name', 'entityId', 'managerId'],
    });
    const loop = await adminClient.submit(`/admin/users/${boss.id}`, {
      name: boss.name,
      email: boss.email,
      entityId: '',
      manager: worker.username,
    });
    assert.equal(loop.statusCode, 422);
    assert.match(loop.body, /staat zelf onder deze gebruiker/);
    assert.equal((await userRow(boss.id)).manager_id, null);
  });

  it('deactivation ends their sessions and blocks their login; reactivation lets them in again', async () => {
    const password = 'blauwe-wolken-boven-gent';
    const target = await createUserForTest(t.db, { roles: ['staff'], password });
    await loginAs(t, target);
    await loginAs(t, target);
    assert.equal(await sessionsOf(target.id), 2);
    const response = await adminClient.submit(
      `/admin/users/${target.id}`,
      {},
      `/admin/users/${target.id}/deactivate`,
    );
    assert.equal(response.statusCode, 303);
    assert.equal((await userRow(target.id)).active, false);
    assert.equal(await sessionsOf(target.id), 0);
    assert.deepEqual((await lastEvent('user.deactivated')).data, { userId: target.id });
    const login = await new TestClient(t.app).submit('/login', { login: target.username, password });
    assert.notEqual(login.statusCode, 303);
    assert.equal(await sessionsOf(target.id), 0);

    const back = await adminClient.submit(
      `/admin/users/${target.id}`,
      {},
      `/admin/users/${target.id}/reactivate`,
    );
    assert.equal(back.statusCode, 303);
    const again = await new TestClient(t.app).submit('/login', { login: target.username, password });
    assert.equal(again.statusCode, 303);
    assert.equal(await sessionsOf(target.id), 1);
  });

  it('resets a second factor: secret and recovery codes gone, sessions ended, audited', async () => {
    const target = await createUserForTest(t.db, { roles: ['handler'] });
    await t.db
      .updateTable('users')
      .set({ totp_secret: 'secret', totp_enabled_at: t.clock.now() })
      .where('id', '=', target.id)
      .execute();
    await t.db.insertInto('recovery_codes').values({ user_id: target.id, code_hash: 'h' }).execute();
    await loginAs(t, target);
    const response = await adminClient.submit(
      `/admin/users/${target.id}`,
      {},
      `/admin/users/${target.id}/reset-second-factor`,
    );
    assert.equal(response.statusCode, 303);
    const row = await userRow(target.id);
    assert.equal(row.totp_secret, null);
    assert.equal(row.totp_enabled_at, null);
    const codes = await t.db
      .selectFrom('recovery_codes')
      .select('id')
      .where('user_id', '=', target.id)
      .execute();
    assert.equal(codes.length, 0);
    assert.equal(await sessionsOf(target.id), 0);
    assert.deepEqual((await lastEvent('user.second_factor_reset')).data, { userId: target.id });
  });

  it('refuses an admin deactivating themself or removing their own admin role, with a clear message', async () => {
    const me = await createUserForTest(t.db, { roles: ['admin', 'staff'] });
    const client = await loginAs(t, me);
    const before = await countAudit();
    const deactivate = await client.submit(`/admin/users/${me.id}`, {}, `/admin/users/${me.id}/deactivate`);
    assert.equal(deactivate.statusCode, 409);
    assert.match(deactivate.body, /U kunt uw eigen account niet deactiveren\./);
    const demote = await client.submit(
      `/admin/users/${me.id}`,
      { roles: ['staff'] },
      `/admin/users/${me.id}/roles`,
    );
    assert.equal(demote.statusCode, 409);
    assert.match(demote.body, /U kunt uw eigen beheerdersrol niet afnemen/);
    assert.equal((await userRow(me.id)).active, true);
    assert.deepEqual(await rolesOf(me.id), ['admin', 'staff']);
    assert.equal(await sessionsOf(me.id), 1);
    assert.equal(await countAudit(), before);

    const addOwn = await client.submit(
      `/admin/users/${me.id}`,
      { roles: ['admin', 'staff', 'coordinator'] },
      `/admin/users/${me.id}/roles`,
    );
    assert.equal(addOwn.statusCode, 303);
    assert.equal(await sessionsOf(me.id), 1, 'an admin changing their own roles keeps the session in use');
  });

  it('creates, renames and moves entities, shows them as a tree and refuses a loop', async () => {
    const rootName = unique('Departement ');
    const root = await createEntity(rootName);
    const child = await createEntity(unique('Afdeling '), root);
    const grandchild = await createEntity(unique('Cel '), child);
    const tree = await adminClient.get('/admin/entities');
    assert.equal(tree.statusCode, 200);
    const nested = new RegExp(
      `${rootName}</a><ul class="tree__children"><li class="tree__item"><a href="/admin/entities/${child}"`,
    );
    assert.match(tree.body, nested);
    assert.deepEqual((await lastEvent('entity.created')).data, {
      entityId: grandchild,
      nameNl: (
        await t.db
          .selectFrom('entities')
          .select('name_nl')
          .where('id', '=', grandchild)
          .executeTakeFirstOrThrow()
      ).name_nl,
      parentId: child,
    });

    const loop = await adminClient.submit(`/admin/entities/${root}`, {
      nameNl: rootName,
      nameEn: 'Root',
      parentId: grandchild,
    });
    assert.equal(loop.statusCode, 422);
    assert.match(loop.body, /niet onder zichzelf of onder een van haar eigen onderdelen/);
    const rootRow = await t.db
      .selectFrom('entities')
      .selectAll()
      .where('id', '=', root)
      .executeTakeFirstOrThrow();
    assert.equal(rootRow.parent_id, null);

    const moved = await adminClient.submit(`/admin/entities/${grandchild}`, {
      nameNl: 'Hernoemd',
      nameEn: 'Renamed',
      parentId: root,
    });
    assert.equal(moved.statusCode, 303);
    const row = await t.db
      .selectFrom('entities')
      .selectAll()
      .where('id', '=', grandchild)
      .executeTakeFirstOrThrow();
    assert.equal(row.parent_id, root);
    assert.equal(row.name_en, 'Renamed');
    assert.deepEqual((await lastEvent('entity.updated')).data, {
      entityId: grandchild,
      fields: ['nameNl', 'nameEn', 'parentId'],
    });
  });

  it('saves settings and records each change as settings.changed with from and to', async () => {
    const before = await getSettings(t.db);
    assert.deepEqual(before.organisationName, { nl: 'Vlaamse overheid', en: 'Flemish Government' });
    const response = await adminClient.submit('/admin/settings', {
      organisationNameNl: before.organisationName.nl,
      organisationNameEn: 'Government of Flanders',
      contactEmail: 'Privacy@Example.test',
    });
    assert.equal(response.statusCode, 303);
    const after = await getSettings(t.db);
    assert.equal(after.organisationName.en, 'Government of Flanders');
    assert.equal(after.contactEmail, 'Privacy@Example.test');
    const events = await t.db
      .selectFrom('audit_events')
      .select(['data', 'actor_id'])
      .where('type', '=', 'settings.changed')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      events.slice(-2).map((e) => e.data),
      [
        { key: 'organisation.name_en', from: 'Flemish Government', to: 'Government of Flanders' },
        { key: 'contact.email', from: '', to: 'Privacy@Example.test' },
      ],
    );
    const page = await adminClient.get('/admin/settings?done=1');
    assert.match(page.body, /value="Government of Flanders"/);
  });

  it('filters the audit log by actor, type and Brussels day, and pages 50 at a time by id', async () => {
    const other = await createUserForTest(t.db, { roles: ['admin'] });
    const otherClient = await loginAs(t, other);
    const mine = unique('Eigen ');
    const theirs = unique('Ander ');
    await createEntity(mine);
    await otherClient.submit('/admin/entities', { nameNl: theirs, nameEn: theirs, parentId: '' });

    const byOther = await adminClient.get(`/admin/audit?actor=${other.username}&type=entity.created`);
    assert.equal(byOther.statusCode, 200);
    assert.match(byOther.body, new RegExp(theirs));
    assert.doesNotMatch(byOther.body, new RegExp(mine));
    const byType = await adminClient.get('/admin/audit?type=settings.changed');
    assert.doesNotMatch(byType.body, new RegExp(theirs));
    assert.match(byType.body, /<option value="entity.created"[^>]*>Entiteit aangemaakt<\/option>/);

    const today = brusselsDate(t.clock.now());
    const yesterday = brusselsDate(new Date(t.clock.now().getTime() - 86_400_000));
    const inPeriod = await adminClient.get(`/admin/audit?actor=${other.username}&from=${today}&to=${today}`);
    assert.match(inPeriod.body, new RegExp(theirs));
    const beforePeriod = await adminClient.get(`/admin/audit?actor=${other.username}&to=${yesterday}`);
    assert.doesNotMatch(beforePeriod.body, new RegExp(theirs));
    assert.match(beforePeriod.body, /Geen gebeurtenissen gevonden/);

    for (let i = 0; i < 55; i += 1) {
      await otherClient.submit('/admin/entities', { nameNl: `${theirs} ${i}`, nameEn: 'x', parentId: '' });
    }
    const first = await adminClient.get(`/admin/audit?actor=${other.username}`);
    assert.equal((first.body.match(/<tr>/g) ?? []).length - 1, 50);
    assert.match(first.body, new RegExp(`${theirs} 54`));
    const older = /href="(\/admin\/audit\?[^"]*before=\d+[^"]*)"/
      .exec(first.body)?.[1]
      ?.replaceAll('&amp;', '&');
    assert.ok(older, 'a link to older events');
    const second = await adminClient.get(older);
    assert.equal((second.body.match(/<tr>/g) ?? []).length - 1, 6);
    assert.match(second.body, new RegExp(`${theirs}</dd>`));
    assert.doesNotMatch(second.body, /before=\d+/);
    assert.match(second.body, /after=\d+/);
  });

  it('shows client address and user agent for staff events only, never for reporter events', async () => {
    const staff = await adminClient.get(`/admin/audit?type=user.created&actor=${admin.username}`);
    assert.match(staff.body, /IP-adres: 127\.0\.0\.1/);
    assert.match(staff.body, /Browser: lightMyRequest/);
    const login = unique('melder');
    await recordAuditEvent(
      t.db,
      { type: 'auth.login_failed', data: { login, reason: 'unknown_user' } },
      { kind: 'anonymous', label: 'reporter' },
      t.clock.now(),
    );
    const reporter = await adminClient.get('/admin/audit?actor=reporter');
    assert.match(reporter.body, new RegExp(login));
    assert.doesNotMatch(reporter.body, /IP-adres|Browser:/);
  });

  it('verifies the audit chain on request and says it is intact', async () => {
    const page = await adminClient.get('/admin/audit');
    assert.doesNotMatch(page.body, /data-verdict/);
    const response = await adminClient.submit('/admin/audit', {}, '/admin/audit/verify');
    assert.equal(response.statusCode, 200);
    const count = await countAudit();
    assert.match(
      response.body,
      new RegExp(`data-verdict="intact">De keten is intact: ${count} gebeurtenissen gecontroleerd`),
    );
  });
});
