import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '../../test/helpers/app.js';
import { countUsers, findRolesOfUser, findUserByLogin } from './user.repository.js';

const TOKEN = 'test-setup-token-0123456789';
const PASSWORD = 'paarse olifant fietst naar zee';

/**
 * One app on an empty database. The tests run in order and describe one first run: refused
 * attempts create nothing, the right one creates the admin, after which setup is gone.
 */
describe('first-run setup', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ setupToken: TOKEN });
  });
  after(() => t.close());

  const form = (overrides: Record<string, string | string[]> = {}) => ({
    token: TOKEN,
    name: 'Ann Admin',
    username: 'ann.admin',
    email: 'ann.admin@example.test',
    password: PASSWORD,
    confirmPassword: PASSWORD,
    ...overrides,
  });

  it('sends every page to /setup with 303 while there is no user, but not health, language or static files', async () => {
    const client = new TestClient(t.app);
    for (const url of ['/', '/login', '/account', '/admin', '/no-such-page']) {
      const response = await client.get(url);
      assert.equal(response.statusCode, 303, url);
      assert.equal(response.headers.location, '/setup', url);
    }
    const post = await client.post('/login', { login: 'x', password: 'y' });
    assert.equal(post.statusCode, 303);
    assert.equal((await client.get('/health')).statusCode, 200);
    assert.notEqual((await client.get('/language?to=en&next=/')).headers.location, '/setup');
    assert.equal((await client.get('/setup')).statusCode, 200);
  });

  it('shows the setup form asking for the token and the first administrator', async () => {
    const response = await new TestClient(t.app).get('/setup');
    assert.equal(response.statusCode, 200);
    for (const field of ['token', 'name', 'username', 'email', 'password', 'confirmPassword']) {
      assert.match(response.body, new RegExp(`name="${field}"`), field);
    }
  });

  it('refuses a wrong token with 403 and its message, and creates nothing', async () => {
    const client = new TestClient(t.app);
    const response = await client.submit('/setup', form({ token: 'wrong-token' }));
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /De installatiecode is niet juist/);
    assert.doesNotMatch(response.body, /wrong-token/);
    assert.equal(await countUsers(t.db), 0);
    assert.equal(client.cookies.has('sid'), false);
  });

  it('refuses a missing token even when everything else is right', async () => {
    const response = await new TestClient(t.app).submit('/setup', form({ token: '' }));
    assert.equal(response.statusCode, 403);
    assert.equal(await countUsers(t.db), 0);
  });

  it('lists every problem with the right token and bad fields, keeping what was typed', async () => {
    const client = new TestClient(t.app);
    const response = await client.submit(
      '/setup',
      form({ name: '', username: 'Not Valid!', email: 'nope', password: 'short', confirmPassword: 'other' }),
    );
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /Vul de volledige naam in/);
    assert.match(response.body, /Kies een gebruikersnaam van 2 tot 64 tekens/);
    assert.match(response.body, /Vul een geldig e-mailadres in/);
    assert.match(response.body, /minstens 12 tekens/);
    assert.match(response.body, /value="nope"/);
    assert.doesNotMatch(response.body, /value="short"/);
    assert.equal(await countUsers(t.db), 0);
  });

  it('refuses a password built from the username, and a confirmation that differs', async () => {
    const client = new TestClient(t.app);
    const withName = await client.submit(
      '/setup',
      form({ password: 'ann.admin-2026-x', confirmPassword: 'ann.admin-2026-x' }),
    );
    assert.equal(withName.statusCode, 422);
    assert.match(withName.body, /mag uw gebruikersnaam niet bevatten/);
    const mismatch = await client.submit('/setup', form({ confirmPassword: `${PASSWORD}!` }));
    assert.equal(mismatch.statusCode, 422);
    assert.match(mismatch.body, /De twee wachtwoorden zijn niet gelijk/);
    assert.equal(await countUsers(t.db), 0);
  });

  it('survives over-long, repeated and missing fields with a 4xx, never a 500', async () => {
    const client = new TestClient(t.app);
    const huge = 'x'.repeat(10_000);
    const cases: Record<string, string | string[]>[] = [
      form({ name: huge, username: huge, email: huge, password: huge, confirmPassword: huge }),
      form({ token: huge }),
      form({ name: ['Ann', 'Bob'], token: [TOKEN, TOKEN] }),
      form({ username: ['a', 'b'] }),
      {},
    ];
    for (const body of cases) {
      const response = await client.submit('/setup', body);
      assert.ok(response.statusCode >= 400 && response.statusCode < 500, `status ${response.statusCode}`);
    }
    assert.equal(await countUsers(t.db), 0);
  });

  it('throttles wrong tokens per client address: after 10, even the right token gets 429', async () => {
    // Raw inject, to come from an address of its own (the other tests share 127.0.0.1).
    const remoteAddress = '192.0.2.77';
    const page = await t.app.inject({ method: 'GET', url: '/setup', remoteAddress });
    const csrfCookie = page.cookies.find((c) => c.name === 'csrf')?.value ?? '';
    const csrfToken = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const post = (token: string) =>
      t.app.inject({
        method: 'POST',
        url: '/setup',
        remoteAddress,
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `csrf=${csrfCookie}` },
        payload: new URLSearchParams({ ...form({ token }), _csrf: csrfToken } as Record<
          string,
          string
        >).toString(),
      });
    for (let i = 0; i < 10; i += 1) assert.equal((await post(`wrong-${i}`)).statusCode, 403);
    const blocked = await post(TOKEN);
    assert.equal(blocked.statusCode, 429);
    assert.ok(Number(blocked.headers['retry-after']) > 0, 'Retry-After is set');
    assert.match(blocked.body, /Te veel foute installatiecodes/);
    assert.equal(await countUsers(t.db), 0);
  });

  it('creates the admin (admin and staff roles), audits it, logs them in and asks for a second factor', async () => {
    const client = new TestClient(t.app);
    const response = await client.submit('/setup', form());
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/login/enrol');
    const user = await findUserByLogin(t.db, 'ann.admin');
    assert.ok(user, 'the admin exists');
    assert.equal(user.email, 'ann.admin@example.test');
    assert.notEqual(user.password_hash, PASSWORD);
    assert.match(user.password_hash ?? '', /^\$argon2id\$/);
    assert.deepEqual((await findRolesOfUser(t.db, user.id)).sort(), ['admin', 'staff']);
    const events = await t.db
      .selectFrom('audit_events')
      .select(['type', 'data'])
      .where('type', '=', 'setup.completed')
      .execute();
    assert.deepEqual(
      events.map((e) => e.data),
      [{ adminId: user.id }],
    );
    const enrol = await client.get('/login/enrol');
    assert.equal(enrol.statusCode, 200);
    assert.match(enrol.body, /<svg/);
  });

  it('answers 404 at /setup once a user exists, and no longer redirects other pages', async () => {
    const client = new TestClient(t.app);
    assert.equal((await client.get('/')).statusCode, 200);
    assert.equal((await client.get('/login')).statusCode, 200);
    assert.equal((await client.get('/setup')).statusCode, 404);
    // A valid CSRF token (from the login page) and the right setup token: still gone.
    assert.equal((await client.post('/setup', form())).statusCode, 404);
    assert.equal(await countUsers(t.db), 1);
  });

  it('keeps /setup closed after a restart, even if a token is passed again', async () => {
    const restarted = await createTestApp({ database: t.database, setupToken: 'another-token' });
    try {
      const client = new TestClient(restarted.app);
      assert.equal((await client.get('/setup')).statusCode, 404);
      assert.equal((await client.get('/')).statusCode, 200);
    } finally {
      await restarted.close();
    }
  });
});
