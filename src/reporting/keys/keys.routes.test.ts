import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '../../../test/helpers/app.js';
import { createUserForTest, loginAs, totpCodeAt } from '../../../test/helpers/factories.js';
import { createRecipientForTest } from '../../../test/helpers/reporting.js';
import { SESSION_COOKIE } from '../../identity/session.service.js';
import {
  formatRecoveryKey,
  parseRecoveryKey,
  unwrapSecretKey,
  unwrapSecretKeyWithRecoveryKey,
} from '../../platform/crypto/envelope.js';
import { hashSecret } from '../../platform/crypto/password-hash.js';
import { sha256Hex } from '../../platform/crypto/tokens.js';
import { keysUnlockPath } from './unlocked.js';
import { findUserKeys } from './user-keys.repository.js';

const PASSWORD = 'correct horse battery staple';
const RECOVERY_KEY = /[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{1,4}){12}/;
const LOCATION_RECOVERY = '/account/keys/recovery-key';

/** The id hash of the client's session, as the keyring knows it. */
function sessionOf(client: TestClient): string {
  const value = client.cookies.get(SESSION_COOKIE);
  assert.ok(value, 'the client has a session');
  return sha256Hex(value);
}

/** Every way a secret key could be written into a page. */
function assertNoSecret(body: string, secretKey: Buffer): void {
  for (const encoding of ['hex', 'base64', 'base64url'] as const) {
    assert.ok(!body.includes(secretKey.toString(encoding)), `no ${encoding} secret key in the page`);
  }
}

describe('recipients’ keys over HTTP', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const nowMs = () => t.clock.now().getTime();

  async function events(type: string, userId: string): Promise<Record<string, unknown>[]> {
    const rows = await t.db.selectFrom('audit_events').select('data').where('type', '=', type).execute();
    return rows.map((r) => r.data as Record<string, unknown>).filter((d) => d.userId === userId);
  }

  /** Password then TOTP code; returns the client and where the last step sent it. */
  async function logInWithCode(
    user: { readonly username: string; readonly totpSecret?: string },
    password = PASSWORD,
    next?: string,
  ) {
    const client = new TestClient(t.app);
    const first = await client.submit('/login', {
      login: user.username,
      password,
      ...(next ? { next } : {}),
    });
    assert.equal(first.statusCode, 303);
    const stepUrl = String(first.headers.location);
    assert.match(stepUrl, /^\/login\/second-factor/);
    const second = await client.submit(stepUrl, { code: totpCodeAt(user.totpSecret ?? '', t.clock.now()) });
    assert.equal(second.statusCode, 303, second.body);
    return { client, firstLocation: stepUrl, location: String(second.headers.location) };
  }

  it('opens a recipient’s key pair at password login and keeps it through the second factor', async () => {
    const recipient = await createRecipientForTest(t.db, { totp: true });
    const { client, location } = await logInWithCode(recipient, PASSWORD, '/handling');
    assert.equal(location, '/handling');
    const keys = t.app.keyring.get(sessionOf(client), nowMs());
    assert.ok(keys, 'the keyring holds keys for the new session');
    assert.equal(keys.userId, recipient.id);
    assert.ok(keys.publicKey.equals(recipient.keys.publicKey));
    assert.ok(keys.secretKey.equals(recipient.keys.secretKey));
    const page = await client.get('/account/keys');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Geopend/);
    assertNoSecret(page.body, recipient.keys.secretKey);
    assert.deepEqual(await events('keys.created', recipient.id), [], 'nothing new was made');
  });

  it('makes a key pair for a recipient without one and shows its recovery key once, after the second factor, then goes on', async () => {
    const user = await createUserForTest(t.db, { roles: ['investigator'], password: PASSWORD, totp: true });
    const { client, firstLocation, location } = await logInWithCode(user, PASSWORD, '/handling?page=2');
    assert.equal(
      firstLocation,
      `/login/second-factor?next=${encodeURIComponent(`${LOCATION_RECOVERY}?next=${encodeURIComponent('/handling?page=2')}`)}`,
    );
    assert.equal(location, `${LOCATION_RECOVERY}?next=${encodeURIComponent('/handling?page=2')}`);
    assert.equal(t.app.keyring.get(sessionOf(client), nowMs()), null, 'locked until stored');
    assert.equal(await findUserKeys(t.db, user.id), undefined, 'stored only when the recovery key is shown');
    assert.deepEqual(await events('keys.created', user.id), []);

    const shown = await client.get(location);
    assert.equal(shown.statusCode, 200);
    const keys = t.app.keyring.get(sessionOf(client), nowMs());
    assert.ok(keys, 'open once stored');
    assert.match(String(shown.headers['cache-control']), /no-store/);
    const recoveryKey = RECOVERY_KEY.exec(shown.body)?.[0];
    assert.ok(recoveryKey, 'the recovery key is on the page');
    assert.match(shown.body, /maar één keer getoond/);
    assert.match(shown.body, /href="\/handling\?page=2"/);
    assertNoSecret(shown.body, keys.secretKey);
    const record = await findUserKeys(t.db, user.id);
    assert.ok(record);
    assert.equal(record.wrappedWith, 'password');
    assert.ok(
      unwrapSecretKeyWithRecoveryKey(record.recoveryWrappedKey, parseRecoveryKey(recoveryKey)).equals(
        keys.secretKey,
      ),
    );
    assert.equal((await events('keys.created', user.id)).length, 1);

    const again = await client.get(location);
    assert.equal(again.statusCode, 200);
    assert.doesNotMatch(again.body, RECOVERY_KEY);
    assert.match(again.body, /Geen herstelsleutel te tonen/);
  });

  it('carries the recovery key page through second-factor enrolment to where the person was going', async () => {
    const user = await createUserForTest(t.db, { roles: ['handler'], password: PASSWORD });
    const client = new TestClient(t.app);
    const first = await client.submit('/login', { login: user.username, password: PASSWORD, next: '/admin' });
    const viaKeys = `${LOCATION_RECOVERY}?next=${encodeURIComponent('/admin')}`;
    assert.equal(first.headers.location, `/login/enrol?next=${encodeURIComponent(viaKeys)}`);
    assert.ok(t.app.keyring.hasRecoveryKey(sessionOf(client), nowMs()));
    assert.equal(await findUserKeys(t.db, user.id), undefined);
  });

  it('shows no recovery key to a session that only passed the password step', async () => {
    const user = await createUserForTest(t.db, { roles: ['handler'], password: PASSWORD, totp: true });
    const client = new TestClient(t.app);
    const first = await client.submit('/login', { login: user.username, password: PASSWORD });
    assert.match(String(first.headers.location), /recovery-key/);
    const early = await client.get(LOCATION_RECOVERY);
    assert.notEqual(early.statusCode, 200);
    assert.doesNotMatch(early.body, RECOVERY_KEY);
    assert.equal(t.app.keyring.hasRecoveryKey(sessionOf(client), nowMs()), true, 'still waiting');
    assert.equal(await findUserKeys(t.db, user.id), undefined, 'and not stored');
  });

  it('stores nothing for a login abandoned after the password step; a later complete login makes the key pair and shows its recovery key once', async () => {
    const user = await createUserForTest(t.db, { roles: ['handler'], password: PASSWORD, totp: true });
    const abandoned = new TestClient(t.app);
    const first = await abandoned.submit('/login', { login: user.username, password: PASSWORD });
    assert.match(String(first.headers.location), /^\/login\/second-factor/);
    assert.ok(t.app.keyring.pendingOf(sessionOf(abandoned), nowMs()), 'held in the session only');
    // The second factor never comes; the session ends (here: idle time).
    t.clock.advance((t.config.session.idleMinutes + 1) * 60_000);
    t.app.keyring.sweep(nowMs());
    assert.equal(await findUserKeys(t.db, user.id), undefined);
    assert.deepEqual(await events('keys.created', user.id), []);

    const { client, location } = await logInWithCode(user, PASSWORD, '/handling/oral/new');
    assert.equal(location, `${LOCATION_RECOVERY}?next=${encodeURIComponent('/handling/oral/new')}`);
    // Until the recovery key is shown, every keys page and the handling pages lead there first.
    const handling = await client.get('/handling/oral/new');
    assert.equal(handling.statusCode, 303);
    const unlock = await client.get(String(handling.headers.location));
    assert.equal(unlock.headers.location, location);
    assert.equal((await client.get('/account/keys')).headers.location, LOCATION_RECOVERY);
    assert.equal((await client.get('/account/keys/setup')).headers.location, LOCATION_RECOVERY);
    assert.equal(await findUserKeys(t.db, user.id), undefined);

    const shown = await client.get(location);
    assert.equal(shown.statusCode, 200);
    const recoveryKey = RECOVERY_KEY.exec(shown.body)?.[0];
    assert.ok(recoveryKey);
    const record = await findUserKeys(t.db, user.id);
    assert.ok(record);
    const keys = t.app.keyring.get(sessionOf(client), nowMs());
    assert.ok(keys?.publicKey.equals(record.publicKey));
    assert.ok(keys);
    assert.ok(
      unwrapSecretKeyWithRecoveryKey(record.recoveryWrappedKey, parseRecoveryKey(recoveryKey)).equals(
        keys.secretKey,
      ),
    );
    assert.deepEqual(await events('keys.created', user.id), [{ userId: user.id, wrappedWith: 'password' }]);

    for (let i = 0; i < 2; i++) {
      const again = await client.get(location);
      assert.equal(again.statusCode, 200);
      assert.doesNotMatch(again.body, RECOVERY_KEY, 'shown exactly once');
    }
    assert.equal((await client.get('/account/keys')).statusCode, 200);
    assert.equal((await events('keys.created', user.id)).length, 1);

    t.clock.advance(31_000);
    const { client: later, location: laterLocation } = await logInWithCode(user, PASSWORD, '/handling');
    assert.equal(laterLocation, '/handling', 'a later login opens the stored key pair');
    assert.ok(t.app.keyring.get(sessionOf(later), nowMs())?.publicKey.equals(record.publicKey));
  });

  it('discards the key pair of a login when another session stored one first, and leaves the key locked', async () => {
    const user = await createUserForTest(t.db, { roles: ['investigator'], password: PASSWORD, totp: true });
    const slow = new TestClient(t.app);
    const slowFirst = await slow.submit('/login', { login: user.username, password: PASSWORD });
    const { client: fast, location } = await logInWithCode(user);
    assert.match((await fast.get(location)).body, RECOVERY_KEY);
    const stored = await findUserKeys(t.db, user.id);
    assert.ok(stored);

    t.clock.advance(31_000);
    const second = await slow.submit(String(slowFirst.headers.location), {
      code: totpCodeAt(user.totpSecret ?? '', t.clock.now()),
    });
    assert.equal(second.statusCode, 303, second.body);
    const page = await slow.get(String(second.headers.location));
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, RECOVERY_KEY);
    assert.match(page.body, /Uw sleutelpaar bestond al/);
    assert.match(page.body, /href="\/account\/keys\/unlock/);
    assert.equal(t.app.keyring.get(sessionOf(slow), nowMs()), null, 'locked');
    assert.equal(t.app.keyring.pendingOf(sessionOf(slow), nowMs()), null, 'discarded');
    const after = await findUserKeys(t.db, user.id);
    assert.ok(after?.publicKey.equals(stored.publicKey), 'the stored key pair is untouched');
    assert.equal((await events('keys.created', user.id)).length, 1);
  });

  it('drops the keys at logout', async () => {
    const recipient = await createRecipientForTest(t.db, { totp: true });
    const { client } = await logInWithCode(recipient);
    const idHash = sessionOf(client);
    assert.ok(t.app.keyring.get(idHash, nowMs()));
    await client.get('/account');
    const out = await client.post('/logout');
    assert.equal(out.statusCode, 303);
    assert.equal(t.app.keyring.get(idHash, nowMs()), null);
    assert.ok(
      recipient.keys.secretKey.every((byte) => byte === 0) === false,
      'the test’s own copy is separate',
    );
  });

  it('unlocks with the password on the unlock page, refuses a wrong one with a clear message, and goes to next', async () => {
    const recipient = await createRecipientForTest(t.db);
    const client = await loginAs(t, recipient);
    const status = await client.get('/account/keys');
    assert.match(status.body, /Vergrendeld/);
    assert.match(status.body, /href="\/account\/keys\/unlock"/);

    const form = await client.get('/account/keys/unlock?next=%2Fhandling%2Freports%2F42');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="next" value="\/handling\/reports\/42"/);
    const wrong = await client.post('/account/keys/unlock', {
      secret: 'not the right password',
      next: '/handling/reports/42',
    });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /Dit wachtwoord opent uw sleutel niet/);
    assert.match(wrong.body, /name="next" value="\/handling\/reports\/42"/);
    assert.equal(t.app.keyring.get(sessionOf(client), nowMs()), null);

    const right = await client.post('/account/keys/unlock', {
      secret: PASSWORD,
      next: '/handling/reports/42',
    });
    assert.equal(right.statusCode, 303);
    assert.equal(right.headers.location, '/handling/reports/42');
    const keys = t.app.keyring.get(sessionOf(client), nowMs());
    assert.ok(keys?.publicKey.equals(recipient.keys.publicKey));
    assertNoSecret(right.body + wrong.body, recipient.keys.secretKey);
    assert.equal((await events('keys.unlocked', recipient.id)).length, 1);

    const already = await client.get('/account/keys/unlock?next=%2Fhandling');
    assert.equal(already.headers.location, '/handling');
    const locked = await client.post('/account/keys/lock');
    assert.equal(locked.headers.location, '/account/keys?notice=locked');
    assert.equal(t.app.keyring.get(sessionOf(client), nowMs()), null);
  });

  it('refuses the unlock form after five wrong passwords with 429 and Retry-After', async () => {
    const recipient = await createRecipientForTest(t.db);
    const client = await loginAs(t, recipient);
    await client.get('/account/keys/unlock');
    for (let i = 0; i < 5; i++) {
      const wrong = await client.post('/account/keys/unlock', { secret: `wrong ${i} password` });
      assert.equal(wrong.statusCode, 422);
    }
    const blocked = await client.post('/account/keys/unlock', { secret: PASSWORD });
    assert.equal(blocked.statusCode, 429);
    assert.ok(Number(blocked.headers['retry-after']) > 0);
    assert.match(blocked.body, /Te veel mislukte pogingen/);
    assert.equal(t.app.keyring.get(sessionOf(client), nowMs()), null);
  });

  it('never sends anyone off-site after unlocking', async () => {
    const recipient = await createRecipientForTest(t.db);
    const client = await loginAs(t, recipient);
    const page = await client.get('/account/keys/unlock?next=%2F%2Fevil.example%2Fphish');
    assert.doesNotMatch(page.body, /name="next"/, 'a foreign next is not carried in the form');
    assert.match(page.body, /href="\/account\/keys\/recover"/, 'nor in the link to recovery');
    const response = await client.post('/account/keys/unlock', {
      secret: PASSWORD,
      next: 'https://evil.example/phish',
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/account/keys?notice=unlocked');
    assert.equal(keysUnlockPath('//evil.example'), '/account/keys/unlock');
    assert.equal(keysUnlockPath('/\\evil.example'), '/account/keys/unlock');
    assert.equal(
      keysUnlockPath('/handling/reports/1'),
      '/account/keys/unlock?next=%2Fhandling%2Freports%2F1',
    );
  });

  it('tells someone who is not a recipient that they need no key pair', async () => {
    const staff = await createUserForTest(t.db, { roles: ['staff', 'admin'], password: PASSWORD });
    const client = await loginAs(t, staff);
    const page = await client.get('/account/keys');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /U hebt geen sleutelpaar nodig/);
    assert.doesNotMatch(page.body, /Sleutel openen/);
    for (const path of ['/account/keys/unlock', '/account/keys/setup', '/account/keys/recover']) {
      const away = await client.get(path);
      assert.equal(away.statusCode, 303, path);
      assert.equal(away.headers.location, '/account/keys', path);
    }
    const account = await client.get('/account');
    assert.doesNotMatch(account.body, /Sleutels voor meldingen/);
    const anonymous = await new TestClient(t.app).get('/account/keys');
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/login/);
  });

  it('keeps the key openable with the new password after a password change', async () => {
    const recipient = await createRecipientForTest(t.db, { totp: true });
    const { client } = await logInWithCode(recipient);
    const newPassword = 'a brand new sentence here';
    const changed = await client.submit('/account/password', {
      currentPassword: PASSWORD,
      newPassword,
      confirmPassword: newPassword,
    });
    assert.equal(changed.statusCode, 303);
    assert.ok(t.app.keyring.get(sessionOf(client), nowMs()), 'this browser keeps its open key');
    const record = await findUserKeys(t.db, recipient.id);
    assert.ok(record);
    assert.ok((await unwrapSecretKey(record.wrappedSecretKey, newPassword)).equals(recipient.keys.secretKey));
    assert.equal((await events('keys.rewrapped', recipient.id)).length, 1);

    t.clock.advance(31_000);
    const { client: next } = await logInWithCode(recipient, newPassword);
    assert.ok(t.app.keyring.get(sessionOf(next), nowMs())?.publicKey.equals(recipient.keys.publicKey));
    const account = await next.get('/account');
    assert.match(account.body, /U hebt een sleutelpaar sinds/);
    assert.doesNotMatch(account.body, /opent uw sleutel niet meer/);
  });

  it('logs in when the password no longer opens the key, explains it, and recovers it with the recovery key', async () => {
    const recipient = await createRecipientForTest(t.db, { totp: true });
    const resetPassword = 'set again by somebody else';
    const record = await findUserKeys(t.db, recipient.id);
    await t.db
      .updateTable('users')
      .set({
        password_hash: await hashSecret(resetPassword),
        password_changed_at: new Date((record?.updatedAt.getTime() ?? 0) + 1000),
      })
      .where('id', '=', recipient.id)
      .execute();
    t.clock.advance(60_000);
    const { client, location } = await logInWithCode(recipient, resetPassword, '/handling');
    assert.equal(location, '/handling', 'the login goes on');
    assert.equal(t.app.keyring.get(sessionOf(client), nowMs()), null, 'the key stays locked');
    const page = await client.get('/account/keys');
    assert.match(page.body, /Uw wachtwoord opent hem daarom niet meer/);
    assert.match(page.body, /href="\/account\/keys\/recover"/);
    assert.match((await client.get('/account')).body, /Uw wachtwoord opent uw sleutel niet meer/);

    const wrong = await client.submit('/account/keys/recover', {
      recoveryKey: 'ABCD-0000-1111-2222-3333-4444-5555-6666-7777-8888-9999-AAAA-BBBB',
      secret: resetPassword,
    });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /Deze herstelsleutel hoort niet bij uw sleutelpaar|Dit is geen herstelsleutel/);
    assert.doesNotMatch(wrong.body, /ABCD-0000/, 'the typed recovery key is not echoed');
    const recovered = await client.post('/account/keys/recover', {
      recoveryKey: formatRecoveryKey(recipient.recoveryKey),
      secret: resetPassword,
    });
    assert.equal(recovered.statusCode, 303);
    assert.equal(recovered.headers.location, '/account/keys?notice=recovered');
    assert.ok(t.app.keyring.get(sessionOf(client), nowMs())?.secretKey.equals(recipient.keys.secretKey));
    assert.equal((await events('keys.recovered', recipient.id)).length, 1);
    const after = await findUserKeys(t.db, recipient.id);
    assert.ok(after && unwrapSecretKeyWithRecoveryKey(after.recoveryWrappedKey, recipient.recoveryKey));
  });

  it('sets up a key pair with a key passphrase for an account without a password, then shows the recovery key', async () => {
    const user = await createUserForTest(t.db, { roles: ['counselor'] });
    const client = await loginAs(t, user);
    const unlock = await client.get('/account/keys/unlock?next=%2Fhandling');
    assert.equal(unlock.headers.location, '/account/keys/setup?next=%2Fhandling');
    const form = await client.get('/account/keys/setup?next=%2Fhandling');
    assert.match(form.body, /Sleutelwachtwoord bevestigen/);
    const weak = await client.post('/account/keys/setup', {
      secret: 'kort',
      confirm: 'kort',
      next: '/handling',
    });
    assert.equal(weak.statusCode, 422);
    assert.match(weak.body, /Kies een sleutelwachtwoord van minstens 12 tekens/);
    const passphrase = 'drie lange woorden en meer';
    const done = await client.post('/account/keys/setup', {
      secret: passphrase,
      confirm: passphrase,
      next: '/handling',
    });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, `${LOCATION_RECOVERY}?next=%2Fhandling`);
    const shown = await client.get(String(done.headers.location));
    assert.match(shown.body, RECOVERY_KEY);
    assert.equal((await findUserKeys(t.db, user.id))?.wrappedWith, 'passphrase');
    assert.ok(t.app.keyring.get(sessionOf(client), nowMs()));
    const twice = await client.get('/account/keys/setup');
    assert.equal(twice.headers.location, '/account/keys');
  });

  it('makes a new recovery key from the keys page and shows it once', async () => {
    const recipient = await createRecipientForTest(t.db);
    const client = await loginAs(t, recipient);
    await client.get('/account/keys');
    const whileLocked = await client.post('/account/keys/recovery-key');
    assert.equal(whileLocked.headers.location, '/account/keys/unlock?next=%2Faccount%2Fkeys');
    await client.post('/account/keys/unlock', { secret: PASSWORD });
    const page = await client.get('/account/keys');
    assert.match(page.body, /Nieuwe herstelsleutel maken/);
    const forms: Record<string, string | string[]>[] = [
      {},
      { secret: '' },
      { secret: 'not my password at all' },
      { secret: ['a', 'b'] },
    ];
    for (const form of forms) {
      const refused = await client.post('/account/keys/recovery-key', form);
      assert.equal(refused.statusCode, 422, JSON.stringify(form));
      assert.match(refused.body, /error-summary/);
      assert.doesNotMatch(refused.body, RECOVERY_KEY);
      assert.ok(!refused.body.includes('not my password at all'));
    }
    assert.deepEqual(await events('keys.recovery_key_replaced', recipient.id), [], 'nothing replaced');
    assert.equal(t.app.keyring.hasRecoveryKey(sessionOf(client), nowMs()), false);
    const unchanged = await findUserKeys(t.db, recipient.id);
    assert.ok(
      unchanged && unwrapSecretKeyWithRecoveryKey(unchanged.recoveryWrappedKey, recipient.recoveryKey),
    );
    const made = await client.post('/account/keys/recovery-key', { secret: PASSWORD });
    assert.equal(made.statusCode, 303);
    const shown = await client.get(String(made.headers.location));
    const fresh = RECOVERY_KEY.exec(shown.body)?.[0];
    assert.ok(fresh);
    const record = await findUserKeys(t.db, recipient.id);
    assert.ok(record && unwrapSecretKeyWithRecoveryKey(record.recoveryWrappedKey, parseRecoveryKey(fresh)));
    assert.throws(() =>
      unwrapSecretKeyWithRecoveryKey(record?.recoveryWrappedKey ?? '', recipient.recoveryKey),
    );
    assert.doesNotMatch((await client.get(LOCATION_RECOVERY)).body, RECOVERY_KEY);
  });

  it('answers bad input with a clear message and never a 500', async () => {
    const recipient = await createRecipientForTest(t.db);
    const client = await loginAs(t, recipient);
    await client.get('/account/keys/unlock');
    const cases: Record<string, string | string[]>[] = [
      {},
      { secret: '' },
      { secret: 'x'.repeat(5000) },
      { secret: [PASSWORD, PASSWORD] },
      { secret: 'nul\u0000byte password' },
      { secret: PASSWORD, next: ['/a', '/b'] },
    ];
    for (const form of cases) {
      const response = await client.post('/account/keys/unlock', form);
      assert.ok(response.statusCode < 500, JSON.stringify(form).slice(0, 80));
      if (response.statusCode === 303) {
        assert.equal(response.headers.location, '/account/keys?notice=unlocked');
        t.app.keyring.dropSession(sessionOf(client));
      } else {
        assert.equal(response.statusCode, 422);
        assert.match(response.body, /error-summary/);
      }
    }
    await client.get('/account/keys/recover');
    for (const form of [
      { recoveryKey: ['a', 'b'], secret: PASSWORD },
      { recoveryKey: '\u0000'.repeat(52), secret: PASSWORD },
      { recoveryKey: 'z'.repeat(500), secret: PASSWORD },
    ]) {
      const response = await client.post('/account/keys/recover', form);
      assert.equal(response.statusCode, 422, JSON.stringify(form).slice(0, 80));
    }
    const forged = await client.post('/account/keys/unlock', { _csrf: 'forged', secret: PASSWORD });
    assert.equal(forged.statusCode, 403);
  });
});

describe('recipients’ keys in demo mode (no second factor)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { DEMO: 'true' } });
  });
  after(() => t.close());

  it('makes and opens the keys of a recipient who logs in without a second factor', async () => {
    const fresh = await createUserForTest(t.db, { roles: ['handler'], password: PASSWORD });
    const client = new TestClient(t.app);
    const first = await client.submit('/login', { login: fresh.username, password: PASSWORD });
    assert.equal(first.statusCode, 303);
    assert.equal(first.headers.location, LOCATION_RECOVERY);
    assert.equal(t.app.keyring.get(sessionOf(client), t.clock.now().getTime()), null, 'not stored yet');
    assert.equal(await findUserKeys(t.db, fresh.id), undefined);
    const shown = await client.get(LOCATION_RECOVERY);
    assert.match(shown.body, RECOVERY_KEY);
    assert.ok(t.app.keyring.get(sessionOf(client), t.clock.now().getTime()));
    assert.ok(await findUserKeys(t.db, fresh.id));
    assert.match(shown.body, /href="\/account"/);

    const seeded = await createRecipientForTest(t.db, { roles: ['investigator'] });
    const other = new TestClient(t.app);
    const login = await other.submit('/login', {
      login: seeded.username,
      password: PASSWORD,
      next: '/handling',
    });
    assert.equal(login.headers.location, '/handling');
    const keys = t.app.keyring.get(sessionOf(other), t.clock.now().getTime());
    assert.ok(keys?.publicKey.equals(seeded.keys.publicKey));
  });
});
