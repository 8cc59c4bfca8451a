import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '../../../test/helpers/app.js';
import { openTestDatabase, unique } from '../../../test/helpers/database.js';
import { createUserForTest } from '../../../test/helpers/factories.js';
import { startOidcProvider, type TestOidcProvider } from '../../../test/helpers/oidc-provider.js';
import { createRecipientForTest } from '../../../test/helpers/reporting.js';
import type { OpenDatabase } from '../../platform/db/database.js';

/** Never listened on: the application answers through inject(), the provider only redirects here. */
const PUBLIC_URL = 'http://127.0.0.1:3998';

describe('recipients’ keys at an OIDC login', () => {
  let provider: TestOidcProvider;
  let database: OpenDatabase;
  let t: TestApp;

  before(async () => {
    provider = await startOidcProvider({ redirectUris: [`${PUBLIC_URL}/auth/oidc/callback`] });
    database = await openTestDatabase();
    await createUserForTest(database.db, { roles: ['admin'] });
    t = await createTestApp({ database, env: { ...provider.env, PUBLIC_URL } });
  });

  after(async () => {
    await t?.close();
    await database?.close();
    await provider?.close();
  });

  /** Signs in at the provider (with multi-factor, so no local second factor) as the user with `email`. */
  async function oidcLogin(client: TestClient, email: string, next: string) {
    const sub = unique('sub-');
    provider.addAccount({ sub, email, name: 'Test Person', emailVerified: true });
    const start = await client.get(`/auth/oidc/start?next=${encodeURIComponent(next)}`);
    assert.equal(start.statusCode, 303);
    const callback = await provider.signIn(String(start.headers.location), sub, { mfa: true });
    return client.get(`${callback.pathname}${callback.search}`);
  }

  it('sends a recipient without a key pair to set one up, then on to where they were going', async () => {
    const email = `${unique('vp')}@example.be`;
    await createUserForTest(t.db, { roles: ['counselor'], email });
    const client = new TestClient(t.app);
    const response = await oidcLogin(client, email, '/handling');
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/account/keys/setup?next=%2Fhandling');
    const form = await client.get(String(response.headers.location));
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Sleutelwachtwoord bevestigen/);
  });

  it('leaves an existing key pair locked and a non-recipient alone', async () => {
    const withKeys = await createRecipientForTest(t.db, { roles: ['handler'] });
    const before = t.app.keyring.size;
    const response = await oidcLogin(new TestClient(t.app), withKeys.email, '/handling');
    assert.equal(response.headers.location, '/handling');
    assert.equal(t.app.keyring.size, before, 'nothing is unlocked without the password');

    const email = `${unique('staff')}@example.be`;
    await createUserForTest(t.db, { roles: ['staff'], email });
    const staff = await oidcLogin(new TestClient(t.app), email, '/account');
    assert.equal(staff.headers.location, '/account');
  });
});
