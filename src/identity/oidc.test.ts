import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '../../test/helpers/app.js';
import { openTestDatabase, unique } from '../../test/helpers/database.js';
import { startOidcProvider, type TestOidcProvider } from '../../test/helpers/oidc-provider.js';
import type { Db, OpenDatabase } from '../platform/db/database.js';
import { DEFAULT_AFTER_LOGIN } from './login.js';
import { allowsInsecureIssuer, identityFromClaims, providerDidMfa, usernameBase } from './oidc.js';
import { OIDC_FLOW_TTL_MS, oidcFlowKey, openOidcFlow, sealOidcFlow } from './oidc-flow.js';
import { resolveSession, SESSION_COOKIE } from './session.service.js';

/** Never listened on: the application answers through inject(), the provider only redirects here. */
const PUBLIC_URL = 'http://127.0.0.1:3999';

describe('OIDC rules', () => {
  it('derives a username from the local part of the e-mail address', () => {
    assert.equal(usernameBase('Jan.Peeters@example.be'), 'jan.peeters');
    assert.equal(usernameBase('Émile+test@example.be'), 'emiletest');
    assert.equal(usernameBase('_x@example.be'), 'user');
    assert.equal(usernameBase(`${'a'.repeat(80)}@example.be`).length, 56);
  });

  it('counts only mfa, otp and hwk in amr as a multi-factor login', () => {
    assert.equal(providerDidMfa(['pwd', 'mfa']), true);
    assert.equal(providerDidMfa(['hwk']), true);
    assert.equal(providerDidMfa(['pwd']), false);
    assert.equal(providerDidMfa('mfa'), false);
    assert.equal(providerDidMfa(undefined), false);
  });

  it('allows plain http only for an issuer on the loopback interface', () => {
    assert.equal(allowsInsecureIssuer('http://127.0.0.1:4000'), true);
    assert.equal(allowsInsecureIssuer('http://localhost:4000/realms/x'), true);
    assert.equal(allowsInsecureIssuer('http://idp.example.be'), false);
    assert.equal(allowsInsecureIssuer('https://idp.example.be'), false);
  });

  it('ignores an e-mail address the provider marks as unverified and reads userinfo for what is missing', () => {
    assert.equal(identityFromClaims({ sub: 's', email: 'a@b.be', email_verified: false }).email, undefined);
    const identity = identityFromClaims(
      { sub: 's' },
      { email: ' a@b.be ', given_name: 'An', family_name: 'Smet' },
    );
    assert.deepEqual(identity, { subject: 's', email: 'a@b.be', emailVerified: false, name: 'An Smet' });
    assert.equal(identityFromClaims({ sub: 's', email: 'a@b.be', email_verified: true }).emailVerified, true);
  });

  it('opens a sealed login flow only unchanged, with its own key and before it expires', () => {
    const key = oidcFlowKey('secret-one');
    const now = new Date('2026-11-28T10:00:00Z');
    const flow = {
      state: 'st',
      nonce: 'no',
      codeVerifier: 'ver',
      next: '/account',
      expiresAt: now.getTime() + OIDC_FLOW_TTL_MS,
    };
    const sealed = sealOidcFlow(key, flow);
    assert.deepEqual(openOidcFlow(key, sealed, now), flow);
    assert.ok(!sealed.includes('ver'), 'the verifier is not readable in the cookie');
    const raw = Buffer.from(sealed, 'base64url');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    assert.equal(openOidcFlow(key, raw.toString('base64url'), now), undefined);
    assert.equal(openOidcFlow(oidcFlowKey('secret-two'), sealed, now), undefined);
    assert.equal(openOidcFlow(key, sealed, new Date(flow.expiresAt)), undefined);
    assert.equal(openOidcFlow(key, 'not a cookie', now), undefined);
  });
});

describe('OpenID Connect login', () => {
  let provider: TestOidcProvider;
  let database: OpenDatabase;
  let t: TestApp;

  before(async () => {
    provider = await startOidcProvider({ redirectUris: [`${PUBLIC_URL}/auth/oidc/callback`] });
    database = await openTestDatabase();
    // An account exists, so the first-run setup is done.
    await insertUser(database.db, { roles: ['admin'] });
    t = await createTestApp({ database, env: { ...provider.env, PUBLIC_URL } });
  });

  after(async () => {
    await t?.close();
    await database?.close();
    await provider?.close();
  });

  /** Starts at our app, signs in at the provider as `sub`, and hands the callback to our app. */
  async function oidcLogin(client: TestClient, sub: string, options: { next?: string; mfa?: boolean } = {}) {
    const query = options.next === undefined ? '' : `?next=${encodeURIComponent(options.next)}`;
    const start = await client.get(`/auth/oidc/start${query}`);
    assert.equal(start.statusCode, 303);
    const callback = await provider.signIn(String(start.headers.location), sub, {
      mfa: options.mfa ?? false,
    });
    assert.equal(`${callback.origin}${callback.pathname}`, `${PUBLIC_URL}/auth/oidc/callback`);
    return client.get(`${callback.pathname}${callback.search}`);
  }

  async function sessionOf(client: TestClient) {
    const value = client.cookies.get(SESSION_COOKIE);
    return value ? resolveSession(t.db, value, t.clock.now(), t.config.session) : null;
  }

  async function auditData(type: string): Promise<{ data: Record<string, unknown>; actor: string | null }[]> {
    const rows = await t.db
      .selectFrom('audit_events')
      .select(['data', 'actor_id', 'actor_label'])
      .where('type', '=', type)
      .execute();
    return rows.map((r) => ({ data: r.data as Record<string, unknown>, actor: r.actor_label }));
  }

  function account(email: string, name = 'Test Person') {
    const sub = unique('sub-');
    provider.addAccount({ sub, email, name, emailVerified: true });
    return sub;
  }

  it('provisions a new person with role staff, a username from their e-mail, and signs them in', async () => {
    const local = unique('Jan.Peeters');
    const email = `${local}@example.be`;
    const sub = account(email, 'Jan Peeters');
    const client = new TestClient(t.app);

    const response = await oidcLogin(client, sub, { next: '/account/settings' });

    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/account/settings');
    const user = await t.db
      .selectFrom('users')
      .selectAll()
      .where('oidc_subject', '=', sub)
      .executeTakeFirstOrThrow();
    assert.equal(user.username, local.toLowerCase());
    assert.equal(user.email, email);
    assert.equal(user.name, 'Jan Peeters');
    assert.equal(user.password_hash, null);
    assert.deepEqual(await rolesOf(t.db, user.id), ['staff']);
    const auth = await sessionOf(client);
    assert.equal(auth?.userId, user.id);
    assert.equal(auth?.stage, 'active');
    assert.equal(auth?.method, 'oidc');
    const created = (await auditData('user.created')).find((e) => e.data.userId === user.id);
    assert.equal(created?.actor, 'oidc');
    assert.deepEqual(created?.data.roles, ['staff']);
    const succeeded = (await auditData('auth.login_succeeded')).find((e) => e.data.userId === user.id);
    assert.equal(succeeded?.data.method, 'oidc');
    assert.equal(succeeded?.actor, user.username);
  });

  it('gives a new person a unique username when the local part of their e-mail is taken', async () => {
    const local = unique('piet');
    await insertUser(t.db, { username: local, email: `${local}@elders.be` });
    const sub = account(`${local}@example.be`);

    const response = await oidcLogin(new TestClient(t.app), sub);

    assert.equal(response.statusCode, 303);
    const user = await t.db
      .selectFrom('users')
      .selectAll()
      .where('oidc_subject', '=', sub)
      .executeTakeFirstOrThrow();
    assert.equal(user.username, `${local}2`);
  });

  it('links an existing user found by e-mail, whatever its case, and stores the subject', async () => {
    const email = `${unique('An.Smet')}@example.be`;
    const existing = await insertUser(t.db, { email, roles: ['manager'] });
    const sub = account(email.toUpperCase());
    const client = new TestClient(t.app);

    const response = await oidcLogin(client, sub);

    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, DEFAULT_AFTER_LOGIN);
    assert.equal((await sessionOf(client))?.userId, existing.id);
    const user = await t.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', existing.id)
      .executeTakeFirstOrThrow();
    assert.equal(user.oidc_subject, sub);
    assert.equal(user.email, email, 'the stored address is kept as it was');
    const sameAddress = await t.db
      .selectFrom('users')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .execute();
    assert.equal(sameAddress.length, 1, 'no second account was created');
    const linked = (await auditData('user.updated')).find((e) => e.data.userId === existing.id);
    assert.deepEqual(linked?.data.fields, ['oidc_subject']);
    assert.equal(linked?.actor, 'oidc');
  });

  it('recognises a linked user by subject on the next login, even after their e-mail changed at the provider', async () => {
    const email = `${unique('lien')}@example.be`;
    const existing = await insertUser(t.db, { email });
    const sub = account(email);
    await oidcLogin(new TestClient(t.app), sub);
    provider.addAccount({
      sub,
      email: `${unique('lien.nieuw')}@example.be`,
      name: 'Lien',
      emailVerified: true,
    });
    const client = new TestClient(t.app);

    const response = await oidcLogin(client, sub);

    assert.equal(response.statusCode, 303);
    assert.equal((await sessionOf(client))?.userId, existing.id);
    const users = await t.db.selectFrom('users').select('id').where('oidc_subject', '=', sub).execute();
    assert.deepEqual(
      users.map((u) => u.id),
      [existing.id],
    );
  });

  it('never links an existing account through an e-mail address the provider does not call verified', async () => {
    const email = `${unique('admin')}@example.be`;
    const existing = await insertUser(t.db, { email });
    const sub = unique('unverified-');
    provider.addAccount({ sub, email, name: 'Iemand Anders' });
    const client = new TestClient(t.app);

    const response = await oidcLogin(client, sub);

    assert.equal(response.statusCode, 403);
    assert.equal(await sessionOf(client), null);
    const user = await t.db
      .selectFrom('users')
      .select('oidc_subject')
      .where('id', '=', existing.id)
      .executeTakeFirstOrThrow();
    assert.equal(user.oidc_subject, null);
  });

  it('refuses to link a user who is already linked to another subject', async () => {
    const email = `${unique('karel')}@example.be`;
    const existing = await insertUser(t.db, { email, oidcSubject: unique('other-') });
    const sub = account(email);
    const client = new TestClient(t.app);

    const response = await oidcLogin(client, sub);

    assert.equal(response.statusCode, 403);
    assert.match(response.body, /Geen toegang met dit account/);
    assert.equal(await sessionOf(client), null);
    const user = await t.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', existing.id)
      .executeTakeFirstOrThrow();
    assert.notEqual(user.oidc_subject, sub);
    const failed = (await auditData('auth.login_failed')).find((e) => e.data.login === email);
    assert.equal(failed?.data.reason, 'oidc_error');
  });

  it('refuses an inactive user like a failed login, without linking them', async () => {
    const email = `${unique('marie')}@example.be`;
    const existing = await insertUser(t.db, { email, active: false });
    const sub = account(email);
    const client = new TestClient(t.app);

    const response = await oidcLogin(client, sub);

    assert.equal(response.statusCode, 403);
    assert.match(response.body, /Geen toegang met dit account/);
    assert.equal(await sessionOf(client), null);
    const user = await t.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', existing.id)
      .executeTakeFirstOrThrow();
    assert.equal(user.oidc_subject, null);
    const failed = (await auditData('auth.login_failed')).find((e) => e.data.login === email);
    assert.equal(failed?.data.reason, 'inactive');
    const succeeded = (await auditData('auth.login_succeeded')).find((e) => e.data.userId === existing.id);
    assert.equal(succeeded, undefined);
  });

  it('refuses a callback whose state was tampered with', async () => {
    const email = `${unique('tom')}@example.be`;
    const sub = account(email);
    const client = new TestClient(t.app);
    const start = await client.get('/auth/oidc/start');
    const callback = await provider.signIn(String(start.headers.location), sub);
    callback.searchParams.set('state', 'forged-state');
    const failuresBefore = (await auditData('auth.login_failed')).length;

    const response = await client.get(`${callback.pathname}${callback.search}`);

    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Aanmelding verlopen/);
    assert.equal(await sessionOf(client), null);
    const user = await t.db
      .selectFrom('users')
      .select('id')
      .where('oidc_subject', '=', sub)
      .executeTakeFirst();
    assert.equal(user, undefined, 'nobody was provisioned');
    assert.equal((await auditData('auth.login_failed')).length, failuresBefore + 1);
  });

  it('refuses a callback without the login cookie, or more than ten minutes after the start', async () => {
    const sub = account(`${unique('els')}@example.be`);
    const client = new TestClient(t.app);
    const start = await client.get('/auth/oidc/start');
    const callback = await provider.signIn(String(start.headers.location), sub);

    const stranger = new TestClient(t.app);
    const withoutCookie = await stranger.get(`${callback.pathname}${callback.search}`);
    assert.equal(withoutCookie.statusCode, 400);
    assert.equal(await sessionOf(stranger), null);

    t.clock.advance(OIDC_FLOW_TTL_MS + 1000);
    const late = await client.get(`${callback.pathname}${callback.search}`);
    assert.equal(late.statusCode, 400);
    assert.equal(await sessionOf(client), null);
  });

  it('answers garbage at the callback with a clear page, never a 500', async () => {
    const cases: readonly { readonly query: (state: string) => string; readonly status: number }[] = [
      { query: (state) => `state=${state}&state=${state}&code=x`, status: 400 },
      { query: (state) => `state=${state}&code=a&code=b`, status: 502 },
      { query: (state) => `state=${state}&code=${'x'.repeat(4000)}`, status: 502 },
      {
        query: (state) => `state=${state}&error=${encodeURIComponent('<script>alert(1)</script>')}`,
        status: 403,
      },
      { query: () => 'code=x', status: 400 },
    ];
    for (const { query, status } of cases) {
      const client = new TestClient(t.app);
      const start = await client.get('/auth/oidc/start');
      const state = new URL(String(start.headers.location)).searchParams.get('state') ?? '';
      const response = await client.get(`/auth/oidc/callback?${query(state)}`);
      assert.equal(response.statusCode, status, query(state).slice(0, 60));
      assert.doesNotMatch(response.body, /<script>alert/);
      assert.equal(await sessionOf(client), null);
    }
  });

  it('shows a clear page in the visitor’s language when the person cancels at the provider', async () => {
    const client = new TestClient(t.app, { 'accept-language': 'en' });
    const start = await client.get('/auth/oidc/start');
    const callback = await provider.refuse(String(start.headers.location));
    assert.equal(callback.searchParams.get('error'), 'access_denied');

    const response = await client.get(`${callback.pathname}${callback.search}`);

    assert.equal(response.statusCode, 403);
    assert.match(response.body, /Sign-in did not succeed/);
    assert.match(response.body, /access_denied/);
    assert.match(response.body, /href="\/login"/);
    assert.equal(await sessionOf(client), null);
  });

  it('sends someone whose role needs a second factor, without one, to enrolment', async () => {
    const email = `${unique('discipline')}@example.be`;
    const existing = await insertUser(t.db, { email, roles: ['discipline'] });
    const sub = account(email);
    const client = new TestClient(t.app);

    const response = await oidcLogin(client, sub, { next: '/cases' });

    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/login/enrol?next=${encodeURIComponent('/cases')}`);
    const auth = await sessionOf(client);
    assert.equal(auth?.userId, existing.id);
    assert.equal(auth?.stage, 'enrol');
  });

  it('lets someone whose role needs a second factor straight in when the provider reports a multi-factor login', async () => {
    const email = `${unique('discipline')}@example.be`;
    const existing = await insertUser(t.db, { email, roles: ['discipline'] });
    const sub = account(email);
    const client = new TestClient(t.app);

    const response = await oidcLogin(client, sub, { mfa: true });

    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, DEFAULT_AFTER_LOGIN);
    const auth = await sessionOf(client);
    assert.equal(auth?.userId, existing.id);
    assert.equal(auth?.stage, 'active');
  });

  it('asks a user with TOTP for their code after the provider', async () => {
    const email = `${unique('totp')}@example.be`;
    await insertUser(t.db, { email, totp: true });
    const client = new TestClient(t.app);

    const response = await oidcLogin(client, account(email));

    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/login/second-factor');
    assert.equal((await sessionOf(client))?.stage, 'second_factor');
  });

  it('ignores a next address that leads off the site', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const client = new TestClient(t.app);
      const response = await oidcLogin(client, account(`${unique('next')}@example.be`), { next });
      assert.equal(response.headers.location, DEFAULT_AFTER_LOGIN, next);
    }
  });

  it('answers 503 with a clear page when the identity provider cannot be reached', async () => {
    const closedPort = await freePort();
    const other = await createTestApp({
      database,
      env: {
        ...provider.env,
        OIDC_ISSUER: `http://127.0.0.1:${closedPort}`,
        PUBLIC_URL,
      },
    });
    try {
      const response = await new TestClient(other.app).get('/auth/oidc/start');
      assert.equal(response.statusCode, 503);
      assert.match(response.body, /Identiteitsprovider onbereikbaar/);
      assert.equal(
        response.cookies.find((c) => c.name === 'oidc_flow'),
        undefined,
      );
    } finally {
      await other.close();
    }
  });

  it('has no OIDC routes when OIDC is not configured', async () => {
    const other = await createTestApp({ database, env: { PUBLIC_URL } });
    try {
      const client = new TestClient(other.app);
      assert.equal((await client.get('/auth/oidc/start')).statusCode, 404);
      assert.equal((await client.get('/auth/oidc/callback?code=x&state=y')).statusCode, 404);
    } finally {
      await other.close();
    }
  });
});

async function insertUser(
  db: Db,
  input: {
    username?: string;
    email?: string;
    roles?: string[];
    active?: boolean;
    totp?: boolean;
    oidcSubject?: string;
  },
): Promise<{ id: string; username: string }> {
  const username = input.username ?? unique('user');
  const row = await db
    .insertInto('users')
    .values({
      username,
      email: input.email ?? `${username}@example.be`,
      name: `Test ${username}`,
      active: input.active ?? true,
      totp_secret: input.totp ? randomBytes(20).toString('base64url') : null,
      totp_enabled_at: input.totp ? new Date() : null,
      oidc_subject: input.oidcSubject ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const roles = input.roles ?? ['staff'];
  await db
    .insertInto('user_roles')
    .values(roles.map((role) => ({ user_id: row.id, role })))
    .execute();
  return { id: row.id, username };
}

async function rolesOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
  return rows.map((r) => r.role).sort();
}

/** A port nothing listens on: taken from the system, then released. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
