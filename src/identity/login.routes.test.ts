import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '../../test/helpers/app.js';
import { createUserForTest } from '../../test/helpers/factories.js';
import { loginWithPassword } from './login.service.js';
import { IdentityThrottle } from './throttle.js';

const PASSWORD = 'correct paard batterij niet';
const GENERIC = /De combinatie van gebruikersnaam en wachtwoord klopt niet/;

describe('password login, throttling, sessions and logout', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const staff = () => createUserForTest(t.db, { roles: ['staff'], password: PASSWORD });
  const logIn = (client: TestClient, form: Record<string, string | string[]>) =>
    client.submit('/login', form);

  async function auditEvents(type: string): Promise<Record<string, unknown>[]> {
    const rows = await t.db.selectFrom('audit_events').select('data').where('type', '=', type).execute();
    return rows.map((r) => r.data as Record<string, unknown>);
  }

  it('shows the login form with username-or-e-mail and password fields', async () => {
    const response = await new TestClient(t.app).get('/login');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /name="login"/);
    assert.match(response.body, /name="password" type="password"/);
    assert.doesNotMatch(response.body, /Demonstratieaccounts/);
    assert.doesNotMatch(response.body, /\/auth\/oidc\/start/);
  });

  it('logs in with the username, starts an active session and audits the success', async () => {
    const user = await staff();
    const client = new TestClient(t.app);
    const response = await logIn(client, { login: user.username, password: PASSWORD });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/account');
    assert.ok(client.cookies.get('sid'), 'a session cookie is set');
    assert.equal((await client.get('/account')).statusCode, 200);
    const events = await auditEvents('auth.login_succeeded');
    assert.ok(
      events.some((e) => e.userId === user.id && e.method === 'password'),
      'login_succeeded is audited',
    );
  });

  it('logs in with the e-mail address in any case, and goes to a local next page only', async () => {
    const user = await staff();
    const local = await logIn(new TestClient(t.app), {
      login: user.email.toUpperCase(),
      password: PASSWORD,
      next: '/admin?tab=1',
    });
    assert.equal(local.headers.location, '/admin?tab=1');
    const foreign = await logIn(new TestClient(t.app), {
      login: user.username,
      password: PASSWORD,
      next: '//evil.example/phish',
    });
    assert.equal(foreign.headers.location, '/account');
  });

  it('ignores a next path with characters a Location header cannot carry, instead of answering 500', async () => {
    const user = await staff();
    const client = new TestClient(t.app);
    const response = await logIn(client, {
      login: user.username,
      password: PASSWORD,
      next: '/caf\u00e9/\u20ac',
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/account');
    const signedIn = await client.get('/login?next=%2F%E2%82%AC');
    assert.equal(signedIn.statusCode, 303);
    assert.equal(signedIn.headers.location, '/account');
  });

  it('gives one answer (401, same message, no session) for an unknown user, a wrong password and an inactive account', async () => {
    const user = await staff();
    const inactive = await createUserForTest(t.db, { roles: ['staff'], password: PASSWORD, active: false });
    const attempts = [
      { login: 'nobody-here', password: PASSWORD, reason: 'unknown_user' },
      { login: user.username, password: 'wrong password entirely', reason: 'wrong_password' },
      { login: inactive.username, password: PASSWORD, reason: 'inactive' },
    ];
    const bodies: string[] = [];
    for (const attempt of attempts) {
      const client = new TestClient(t.app);
      const response = await logIn(client, { login: attempt.login, password: attempt.password });
      assert.equal(response.statusCode, 401, attempt.reason);
      assert.match(response.body, GENERIC, attempt.reason);
      assert.equal(client.cookies.has('sid'), false, attempt.reason);
      // Apart from the echoed login name and the CSRF token, the pages are identical.
      bodies.push(response.body.replaceAll(attempt.login, 'LOGIN').replace(/value="[A-Za-z0-9_-]{43}"/g, ''));
    }
    assert.equal(bodies[0], bodies[1]);
    assert.equal(bodies[1], bodies[2]);
    const failed = await auditEvents('auth.login_failed');
    for (const attempt of attempts) {
      assert.ok(
        failed.some((e) => e.login === attempt.login && e.reason === attempt.reason),
        attempt.reason,
      );
    }
  });

  it('gives the same answer for empty, over-long, missing and repeated fields, never a 500', async () => {
    const user = await staff();
    const huge = 'x'.repeat(10_000);
    const cases: Record<string, string | string[]>[] = [
      { login: '', password: '' },
      { login: user.username, password: '' },
      { login: '', password: PASSWORD },
      { login: huge, password: huge },
      { login: user.username, password: huge },
      { login: [user.username, user.username], password: PASSWORD },
      { login: user.username, password: [PASSWORD, PASSWORD] },
      {},
    ];
    for (const form of cases) {
      const client = new TestClient(t.app);
      const response = await logIn(client, form);
      assert.equal(response.statusCode, 401, JSON.stringify(form).slice(0, 80));
      assert.match(response.body, GENERIC);
      assert.equal(client.cookies.has('sid'), false);
    }
  });

  it('refuses a login without a CSRF token with 403 and starts no session', async () => {
    const user = await staff();
    const client = new TestClient(t.app);
    await client.get('/login');
    const response = await client.post('/login', { _csrf: '', login: user.username, password: PASSWORD });
    assert.equal(response.statusCode, 403);
    assert.equal(client.cookies.has('sid'), false);
  });

  it('locks an account after 5 failures with 429 and Retry-After, even for the right password', async () => {
    const user = await staff();
    for (let i = 0; i < 5; i += 1) {
      const response = await logIn(new TestClient(t.app), {
        login: user.username,
        password: `wrong-${i}-password`,
      });
      assert.equal(response.statusCode, 401);
    }
    const client = new TestClient(t.app);
    const blocked = await logIn(client, { login: user.username, password: PASSWORD });
    assert.equal(blocked.statusCode, 429);
    assert.ok(Number(blocked.headers['retry-after']) > 0, 'Retry-After is set');
    assert.match(blocked.body, /Te veel mislukte pogingen/);
    assert.equal(client.cookies.has('sid'), false);
    // The same account by its e-mail address is locked too.
    const byEmail = await logIn(new TestClient(t.app), { login: user.email, password: PASSWORD });
    assert.equal(byEmail.statusCode, 429);
    const failed = await auditEvents('auth.login_failed');
    assert.ok(
      failed.some((e) => e.login === user.username && e.reason === 'throttled'),
      'the throttled attempt is audited',
    );
    // Once the window has passed, the right password works again.
    t.clock.advance(15 * 60_000);
    const later = await logIn(new TestClient(t.app), { login: user.username, password: PASSWORD });
    assert.equal(later.statusCode, 303);
  });

  it('lets no more than 5 guesses at one account through, even when they arrive at the same moment', async () => {
    const user = await staff();
    const guesses = Array.from({ length: 10 }, (_, i) =>
      logIn(new TestClient(t.app), { login: user.username, password: `concurrent guess ${i}` }),
    );
    const statuses = (await Promise.all(guesses)).map((r) => r.statusCode).sort();
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    const checked = (await auditEvents('auth.login_failed')).filter(
      (e) => e.login === user.username && e.reason === 'wrong_password',
    );
    assert.equal(checked.length, 5, 'only 5 passwords were checked');
  });

  it('counts attempts on a locked account against the client, so one client cannot flood the audit log', async () => {
    const user = await staff();
    const throttle = new IdentityThrottle();
    const ctx = {
      db: t.db,
      now: t.clock.now(),
      config: t.config,
      auth: null,
      origin: { kind: 'anonymous', label: 'visitor' } as const,
    };
    const client = { ip: '192.0.2.44' };
    const statuses: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      const outcome = await loginWithPassword(ctx, throttle, {
        login: user.username,
        password: `wrong ${i}`,
        client,
      });
      statuses.push(outcome.ok ? 200 : outcome.status);
    }
    assert.deepEqual(statuses.slice(0, 6), [401, 401, 401, 401, 401, 429]);
    assert.ok(
      throttle.clientBlocked(client.ip, ctx.now.getTime()),
      'the client is blocked after 30 refusals',
    );
    const throttled = (await auditEvents('auth.login_failed')).filter(
      (e) => e.login === user.username && e.reason === 'throttled',
    );
    assert.equal(throttled.length, 25, 'refused attempts stop being written once the client is blocked');
  });

  it('gives a new session id at login: the cookie from before no longer works', async () => {
    const user = await staff();
    const client = new TestClient(t.app);
    await logIn(client, { login: user.username, password: PASSWORD });
    const first = client.cookies.get('sid');
    assert.ok(first, 'a first session cookie');
    await client.get('/account'); // picks up the CSRF token of the new session
    const again = await client.post('/login', { login: user.username, password: PASSWORD });
    assert.equal(again.statusCode, 303);
    const second = client.cookies.get('sid');
    assert.ok(second, 'a second session cookie');
    assert.notEqual(second, first);
    const stale = new TestClient(t.app);
    stale.cookies.set('sid', first);
    const response = await stale.get('/account');
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/login?next=%2Faccount');
    assert.equal((await client.get('/account')).statusCode, 200);
  });

  it('ends a session after 31 idle minutes', async () => {
    const user = await staff();
    const client = new TestClient(t.app);
    await logIn(client, { login: user.username, password: PASSWORD });
    t.clock.advance(29 * 60_000);
    assert.equal((await client.get('/account')).statusCode, 200);
    t.clock.advance(31 * 60_000);
    const response = await client.get('/account');
    assert.equal(response.statusCode, 303);
    assert.match(String(response.headers.location), /^\/login\?next=/);
  });

  it('ends a session at its absolute lifetime of 12 hours, even while it is in use', async () => {
    const user = await staff();
    const client = new TestClient(t.app);
    await logIn(client, { login: user.username, password: PASSWORD });
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      t.clock.advance(20 * 60_000);
      assert.equal((await client.get('/account')).statusCode, 200, `after ${minutes} minutes`);
    }
    t.clock.advance(20 * 60_000);
    assert.equal((await client.get('/account')).statusCode, 303);
  });

  it('logs out with POST /logout: the session ends, the event is audited', async () => {
    const user = await staff();
    const client = new TestClient(t.app);
    await logIn(client, { login: user.username, password: PASSWORD });
    const sid = client.cookies.get('sid');
    await client.get('/account');
    const response = await client.post('/logout');
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/login?notice=logged_out');
    assert.equal(client.cookies.has('sid'), false);
    const stale = new TestClient(t.app);
    stale.cookies.set('sid', sid ?? '');
    assert.equal((await stale.get('/account')).statusCode, 303);
    assert.ok(
      (await auditEvents('auth.logged_out')).some((e) => e.userId === user.id),
      'logout is audited',
    );
    assert.match((await client.get('/login?notice=logged_out')).body, /U bent afgemeld/);
  });

  it('sends someone whose role needs a second factor to enrolment, not into the application', async () => {
    // Discipline needs a second factor and is no report recipient (recipients also get a key pair).
    const handler = await createUserForTest(t.db, { roles: ['discipline'], password: PASSWORD });
    const client = new TestClient(t.app);
    const response = await logIn(client, { login: handler.username, password: PASSWORD, next: '/admin' });
    assert.equal(response.headers.location, '/login/enrol?next=%2Fadmin');
    const account = await client.get('/account');
    assert.equal(account.statusCode, 303);
    assert.equal(account.headers.location, '/login/enrol');
  });
});
