import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '../../test/helpers/app.js';
import { createUserForTest, type TestUser } from '../../test/helpers/factories.js';
import { changePassword } from './account.service.js';
import { IdentityThrottle } from './throttle.js';

const PASSWORD = 'blauwe fiets aan de schelde';
const NEW_PASSWORD = 'zeven zwanen zwemmen zuidwaarts';

describe('my account: overview, log out everywhere, change password', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  async function logIn(user: TestUser, password = PASSWORD): Promise<TestClient> {
    const client = new TestClient(t.app);
    const response = await client.submit('/login', { login: user.username, password });
    assert.equal(response.statusCode, 303, 'logged in');
    await client.get('/account'); // the CSRF token of the new session
    return client;
  }

  async function auditEvents(type: string): Promise<Record<string, unknown>[]> {
    const rows = await t.db.selectFrom('audit_events').select('data').where('type', '=', type).execute();
    return rows.map((r) => r.data as Record<string, unknown>);
  }

  it('lets no more than 5 guesses at the current password through, even when they arrive at the same moment', async () => {
    const user = await createUserForTest(t.db, { roles: ['staff'], password: PASSWORD });
    const throttle = new IdentityThrottle();
    const ctx = {
      db: t.db,
      now: t.clock.now(),
      config: t.config,
      auth: {
        userId: user.id,
        name: user.name,
        username: user.username,
        roles: user.roles,
        stage: 'active',
        sessionIdHash: 'unused',
        method: 'password',
      },
      origin: { kind: 'user', userId: user.id, label: user.username },
    } as const;
    const guesses = Array.from({ length: 10 }, (_, i) =>
      changePassword(ctx, throttle, {
        currentPassword: `guess number ${i}`,
        newPassword: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
        client: '192.0.2.60',
      }),
    );
    const statuses = (await Promise.all(guesses)).map((r) => (r.ok ? 200 : r.status)).sort();
    assert.deepEqual(statuses, [422, 422, 422, 422, 422, 429, 429, 429, 429, 429]);
  });

  it('is only for signed-in people: without a session it sends to the login page', async () => {
    const response = await new TestClient(t.app).get('/account');
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/login?next=%2Faccount');
  });

  it('shows name, username, roles, second-factor status and the sessions, this one marked', async () => {
    const user = await createUserForTest(t.db, {
      roles: ['staff', 'manager'],
      password: PASSWORD,
      name: 'Lien Janssens',
    });
    await logIn(user);
    const client = await logIn(user);
    const response = await client.get('/account');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Lien Janssens/);
    assert.match(response.body, new RegExp(user.username));
    assert.match(response.body, /Leidinggevende, Personeelslid|Personeelslid, Leidinggevende/);
    assert.match(response.body, /Tweestapsverificatie is niet ingesteld/);
    assert.match(response.body, /href="\/account\/second-factor"/);
    const rows = response.body.match(/<tr>/g) ?? [];
    assert.equal(rows.length, 3, 'a header row and two sessions');
    assert.equal((response.body.match(/Deze browser/g) ?? []).length, 1);
  });

  it('logs out everywhere: every session of the account ends, this one too, and it is audited', async () => {
    const user = await createUserForTest(t.db, { roles: ['staff'], password: PASSWORD });
    const other = await logIn(user);
    const client = await logIn(user);
    const bystander = await logIn(await createUserForTest(t.db, { roles: ['staff'], password: PASSWORD }));
    const response = await client.post('/account/logout-everywhere');
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/login?notice=logged_out_everywhere');
    assert.equal((await client.get('/account')).statusCode, 303);
    assert.equal((await other.get('/account')).statusCode, 303);
    assert.equal((await bystander.get('/account')).statusCode, 200, 'another account is untouched');
    const events = await auditEvents('auth.logged_out_everywhere');
    assert.ok(
      events.some((e) => e.userId === user.id && e.sessionsEnded === 2),
      'audited with the number of sessions ended',
    );
  });

  it('changes the password: the old one stops working, other sessions end, this one goes on under a new id', async () => {
    const user = await createUserForTest(t.db, { roles: ['staff'], password: PASSWORD });
    const other = await logIn(user);
    const client = await logIn(user);
    const sidBefore = client.cookies.get('sid');
    await client.get('/account/password');
    const response = await client.post('/account/password', {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/account?notice=password_changed');
    assert.notEqual(client.cookies.get('sid'), sidBefore);
    const account = await client.get('/account?notice=password_changed');
    assert.equal(account.statusCode, 200);
    assert.match(account.body, /Uw wachtwoord is gewijzigd/);
    assert.equal((await other.get('/account')).statusCode, 303);
    const old = await new TestClient(t.app).submit('/login', { login: user.username, password: PASSWORD });
    assert.equal(old.statusCode, 401);
    await logIn(user, NEW_PASSWORD);
    assert.ok(
      (await auditEvents('auth.password_changed')).some((e) => e.userId === user.id),
      'the change is audited',
    );
  });

  it('refuses a wrong current password, a weak new one and a confirmation that differs, changing nothing', async () => {
    const user = await createUserForTest(t.db, { roles: ['staff'], password: PASSWORD });
    const client = await logIn(user);
    await client.get('/account/password');
    const cases: [Record<string, string>, RegExp][] = [
      [
        { currentPassword: 'not my password', newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
        /Uw huidige wachtwoord klopt niet/,
      ],
      [{ currentPassword: PASSWORD, newPassword: 'short', confirmPassword: 'short' }, /minstens 12 tekens/],
      [
        {
          currentPassword: PASSWORD,
          newPassword: `${user.username}-xyz-123`,
          confirmPassword: `${user.username}-xyz-123`,
        },
        /gebruikersnaam niet bevatten/,
      ],
      [
        { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}.` },
        /De twee nieuwe wachtwoorden zijn niet gelijk/,
      ],
    ];
    for (const [form, message] of cases) {
      const response = await client.post('/account/password', form);
      assert.equal(response.statusCode, 422, String(message));
      assert.match(response.body, message);
    }
    assert.equal(
      (await new TestClient(t.app).submit('/login', { login: user.username, password: PASSWORD })).statusCode,
      303,
    );
  });

  it('survives over-long, repeated and missing fields on the password form with a 4xx, never a 500', async () => {
    const user = await createUserForTest(t.db, { roles: ['staff'], password: PASSWORD });
    const client = await logIn(user);
    await client.get('/account/password');
    const huge = 'x'.repeat(10_000);
    const forms: Record<string, string | string[]>[] = [
      { currentPassword: huge, newPassword: huge, confirmPassword: huge },
      { currentPassword: [PASSWORD, PASSWORD], newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      {},
    ];
    for (const form of forms) {
      const response = await client.post('/account/password', form);
      assert.equal(response.statusCode, 422, JSON.stringify(form).slice(0, 60));
    }
    assert.equal((await client.get('/account')).statusCode, 200);
  });
});
