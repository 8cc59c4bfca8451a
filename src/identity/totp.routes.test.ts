import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp, TestClient } from '../../test/helpers/app.js';
import { createUserForTest, type TestUser, totpCodeAt } from '../../test/helpers/factories.js';
import { IdentityThrottle } from './throttle.js';
import { base32Decode, totpCode } from './totp.js';
import { verifySecondFactor } from './totp.service.js';

const PASSWORD = 'groene tram rijdt naar gent';

describe('second factor: enrolment, login with TOTP, recovery codes', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  async function logIn(user: TestUser): Promise<{ client: TestClient; location: string }> {
    const client = new TestClient(t.app);
    const response = await client.submit('/login', { login: user.username, password: PASSWORD });
    assert.equal(response.statusCode, 303);
    return { client, location: String(response.headers.location) };
  }

  /** The manual-entry key shown on the enrolment page. */
  function shownSecret(body: string): string {
    const match = /<code class="secret-key">([A-Z2-7 ]+)<\/code>/.exec(body);
    assert.ok(match?.[1], 'the enrolment page shows the key');
    return match[1].replaceAll(' ', '');
  }

  function shownRecoveryCodes(body: string): string[] {
    return [...body.matchAll(/<li><code>([a-z2-7]{5}-[a-z2-7]{5})<\/code><\/li>/g)].map((m) => m[1] ?? '');
  }

  async function userRow(id: string) {
    return t.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }

  it('enrols at login: QR code as inline SVG, confirm with a code, ten recovery codes shown once', async () => {
    const admin = await createUserForTest(t.db, { roles: ['admin'], password: PASSWORD });
    const { client, location } = await logIn(admin);
    assert.equal(location, '/login/enrol');

    const page = await client.get('/login/enrol');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<svg[^>]*viewBox/);
    assert.doesNotMatch(page.body, /style=/);
    const secret = shownSecret(page.body);
    // A reload shows the same pending secret (the person may have scanned it already).
    assert.equal(shownSecret((await client.get('/login/enrol')).body), secret);
    // Until confirmed, the secret is not trusted: no second factor yet, no way into the app.
    const pending = await userRow(admin.id);
    assert.equal(pending.totp_enabled_at, null);
    assert.equal(pending.totp_secret, null);
    assert.equal((await client.get('/account')).statusCode, 303);

    const sidBefore = client.cookies.get('sid');
    const confirmed = await client.post('/login/enrol', { code: totpCodeAt(secret, t.clock.now()) });
    assert.equal(confirmed.statusCode, 200);
    const codes = shownRecoveryCodes(confirmed.body);
    assert.equal(codes.length, 10);
    assert.notEqual(client.cookies.get('sid'), sidBefore);
    assert.equal((await client.get('/account')).statusCode, 200);

    const row = await userRow(admin.id);
    assert.ok(row.totp_enabled_at, 'the factor is enabled');
    assert.equal(row.totp_pending_secret, null);
    assert.match(row.totp_secret ?? '', /^v1\./);
    assert.ok(!(row.totp_secret ?? '').includes(secret), 'the secret is stored encrypted');
    const stored = await t.db
      .selectFrom('recovery_codes')
      .select('code_hash')
      .where('user_id', '=', admin.id)
      .execute();
    assert.equal(stored.length, 10);
    for (const code of codes)
      assert.ok(!stored.some((s) => s.code_hash.includes(code)), 'only hashes are stored');
    const events = await t.db
      .selectFrom('audit_events')
      .select('data')
      .where('type', '=', 'auth.second_factor_enrolled')
      .execute();
    assert.ok(
      events.some((e) => (e.data as { userId: string }).userId === admin.id),
      'enrolment is audited',
    );
  });

  it('refuses a wrong code at enrolment and leaves the session waiting', async () => {
    const handler = await createUserForTest(t.db, { roles: ['handler'], password: PASSWORD });
    const { client } = await logIn(handler);
    const secret = shownSecret((await client.get('/login/enrol')).body);
    const wrong = totpCode(base32Decode(secret), t.clock.now().getTime() + 10 * 30_000);
    for (const code of [wrong, '', 'x'.repeat(10_000)]) {
      const response = await client.post('/login/enrol', { code });
      assert.ok(response.statusCode === 422, `status ${response.statusCode}`);
    }
    assert.equal((await userRow(handler.id)).totp_enabled_at, null);
    assert.equal((await client.get('/account')).statusCode, 303);
  });

  it('asks for the code after the password and lets in with it, under a new session id', async () => {
    const user = await createUserForTest(t.db, { roles: ['discipline'], password: PASSWORD, totp: true });
    const { client, location } = await logIn(user);
    assert.equal(location, '/login/second-factor');
    const pendingSid = client.cookies.get('sid');
    assert.equal((await client.get('/account')).statusCode, 303);
    const page = await client.get('/login/second-factor');
    assert.equal(page.statusCode, 200);
    const response = await client.post('/login/second-factor', {
      code: totpCodeAt(user.totpSecret!, t.clock.now()),
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/account');
    assert.notEqual(client.cookies.get('sid'), pendingSid);
    assert.equal((await client.get('/account')).statusCode, 200);
    const stale = new TestClient(t.app);
    stale.cookies.set('sid', pendingSid ?? '');
    assert.equal((await stale.get('/login/second-factor')).statusCode, 303);
  });

  it('refuses a code that was already used, even by another login a moment later', async () => {
    const user = await createUserForTest(t.db, { roles: ['counselor'], password: PASSWORD, totp: true });
    const code = totpCodeAt(user.totpSecret!, t.clock.now());
    const first = await logIn(user);
    await first.client.get('/login/second-factor');
    assert.equal((await first.client.post('/login/second-factor', { code })).statusCode, 303);
    const second = await logIn(user);
    await second.client.get('/login/second-factor');
    const reused = await second.client.post('/login/second-factor', { code });
    assert.equal(reused.statusCode, 401);
    assert.match(reused.body, /werd al gebruikt/);
    // The previous step's code is older than the one used: refused too.
    const older = await second.client.post('/login/second-factor', {
      code: totpCodeAt(user.totpSecret!, t.clock.now(), -1),
    });
    assert.equal(older.statusCode, 401);
    // The next step's code is fresh.
    const next = await second.client.post('/login/second-factor', {
      code: totpCodeAt(user.totpSecret!, t.clock.now(), 1),
    });
    assert.equal(next.statusCode, 303);
  });

  it('accepts a recovery code once, and never again', async () => {
    const user = await createUserForTest(t.db, { roles: ['discipline'], password: PASSWORD, totp: true });
    const code = user.recoveryCodes![0]!;
    const first = await logIn(user);
    await first.client.get('/login/second-factor');
    assert.equal(
      (await first.client.post('/login/second-factor', { code: code.toUpperCase() })).statusCode,
      303,
    );
    const events = await t.db
      .selectFrom('audit_events')
      .select('data')
      .where('type', '=', 'auth.second_factor_succeeded')
      .execute();
    assert.ok(
      events.some((e) => {
        const data = e.data as { userId: string; with: string };
        return data.userId === user.id && data.with === 'recovery_code';
      }),
      'the recovery code use is audited',
    );
    const second = await logIn(user);
    await second.client.get('/login/second-factor');
    assert.equal((await second.client.post('/login/second-factor', { code })).statusCode, 401);
    const left = await t.db
      .selectFrom('recovery_codes')
      .select('id')
      .where('user_id', '=', user.id)
      .where('used_at', 'is', null)
      .execute();
    assert.equal(left.length, 9);
  });

  it('uses up a recovery code only together with its audit event: if the event cannot be written, the code still works', async () => {
    const user = await createUserForTest(t.db, { roles: ['handler'], password: PASSWORD, totp: true });
    const code = user.recoveryCodes![3]!;
    const { client } = await logIn(user);
    await client.get('/login/second-factor');
    await sql`
      create function refuse_second_factor_event() returns trigger language plpgsql as $$
      begin
        if new.type = 'auth.second_factor_succeeded' then raise exception 'audit log unavailable'; end if;
        return new;
      end $$`.execute(t.db);
    await sql`
      create trigger refuse_second_factor_event before insert on audit_events
      for each row execute function refuse_second_factor_event()`.execute(t.db);
    try {
      const failed = await client.post('/login/second-factor', { code });
      assert.equal(failed.statusCode, 500);
    } finally {
      await sql`drop trigger refuse_second_factor_event on audit_events`.execute(t.db);
      await sql`drop function refuse_second_factor_event()`.execute(t.db);
    }
    const unused = await t.db
      .selectFrom('recovery_codes')
      .select('id')
      .where('user_id', '=', user.id)
      .where('used_at', 'is', null)
      .execute();
    assert.equal(unused.length, 10, 'the code was not used up');
    const retried = await client.post('/login/second-factor', { code });
    assert.equal(retried.statusCode, 303);
  });

  it('locks the second factor after 5 wrong codes with 429, even for the right code', async () => {
    const user = await createUserForTest(t.db, { roles: ['handler'], password: PASSWORD, totp: true });
    const { client } = await logIn(user);
    await client.get('/login/second-factor');
    for (const code of ['000000', '111111', 'aaaaa-aaaaa', '222222', '333333']) {
      assert.equal((await client.post('/login/second-factor', { code })).statusCode, 401);
    }
    const blocked = await client.post('/login/second-factor', {
      code: totpCodeAt(user.totpSecret!, t.clock.now()),
    });
    assert.equal(blocked.statusCode, 429);
    assert.ok(Number(blocked.headers['retry-after']) > 0, 'Retry-After is set');
    assert.equal((await client.get('/account')).statusCode, 303);
  });

  it('lets no more than 5 codes through the check, even when they arrive at the same moment', async () => {
    const user = await createUserForTest(t.db, { roles: ['handler'], password: PASSWORD, totp: true });
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
        stage: 'second_factor',
        sessionIdHash: 'unused',
        method: 'password',
      },
      origin: { kind: 'user', userId: user.id, label: user.username },
    } as const;
    const guesses = Array.from({ length: 12 }, (_, i) =>
      verifySecondFactor(ctx, throttle, { code: String(100_000 + i * 7919) }),
    );
    const statuses = (await Promise.all(guesses)).map((r) => (r.ok ? 200 : r.status));
    assert.equal(statuses.filter((s) => s === 401).length, 5, statuses.join(' '));
    assert.equal(statuses.filter((s) => s === 429).length, 7, statuses.join(' '));
  });

  it('survives bad input on the code form with a 4xx, never a 500', async () => {
    const user = await createUserForTest(t.db, { roles: ['staff'], password: PASSWORD, totp: true });
    const { client } = await logIn(user);
    await client.get('/login/second-factor');
    const forms: Record<string, string | string[]>[] = [
      {},
      { code: '' },
      { code: 'x'.repeat(10_000) },
      { code: ['123456', '654321'] },
    ];
    for (const form of forms) {
      const response = await client.post('/login/second-factor', form);
      assert.equal(response.statusCode, 422, JSON.stringify(form).slice(0, 40));
    }
  });

  it('does not let a session that still owes its code enrol a new factor', async () => {
    const user = await createUserForTest(t.db, { roles: ['handler'], password: PASSWORD, totp: true });
    const { client } = await logIn(user);
    const enrol = await client.get('/login/enrol');
    assert.equal(enrol.statusCode, 303);
    assert.equal(enrol.headers.location, '/login/second-factor');
    const fromAccount = await client.get('/account/second-factor');
    assert.equal(fromAccount.statusCode, 303);
    assert.equal((await userRow(user.id)).totp_pending_secret, null);
  });

  it('re-enrols from the account page only with a code from the current factor', async () => {
    const user = await createUserForTest(t.db, { roles: ['staff'], password: PASSWORD, totp: true });
    const { client } = await logIn(user);
    await client.get('/login/second-factor');
    await client.post('/login/second-factor', { code: totpCodeAt(user.totpSecret!, t.clock.now()) });
    const page = await client.get('/account/second-factor');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /name="currentCode"/);
    const newSecret = shownSecret(page.body);
    const newCode = totpCodeAt(newSecret, t.clock.now());
    const without = await client.post('/account/second-factor', { code: newCode, currentCode: '' });
    assert.equal(without.statusCode, 422);
    // A wrong new code does not use up the current one.
    const currentCode = totpCodeAt(user.totpSecret!, t.clock.now(), 1);
    const wrongNew = await client.post('/account/second-factor', { code: '000000', currentCode });
    assert.equal(wrongNew.statusCode, 422);
    const before = await userRow(user.id);
    const withCurrent = await client.post('/account/second-factor', {
      code: newCode,
      currentCode,
    });
    assert.equal(withCurrent.statusCode, 200);
    assert.equal(shownRecoveryCodes(withCurrent.body).length, 10);
    const after = await userRow(user.id);
    assert.notEqual(after.totp_secret, before.totp_secret);
    // The old recovery codes were replaced.
    const second = await logIn(user);
    await second.client.get('/login/second-factor');
    assert.equal(
      (await second.client.post('/login/second-factor', { code: user.recoveryCodes![1]! })).statusCode,
      401,
    );
  });

  it('ends the account’s other sessions when a second factor is enrolled, keeping only the enrolling one', async () => {
    const user = await createUserForTest(t.db, { roles: ['staff'], password: PASSWORD });
    // Someone else who has the password and signed in before the factor existed.
    const other = await logIn(user);
    assert.equal(other.location, '/account');
    assert.equal((await other.client.get('/account')).statusCode, 200);
    const { client } = await logIn(user);
    const secret = shownSecret((await client.get('/account/second-factor')).body);
    const enrolled = await client.post('/account/second-factor', { code: totpCodeAt(secret, t.clock.now()) });
    assert.equal(enrolled.statusCode, 200);
    assert.equal((await client.get('/account')).statusCode, 200, 'the enrolling session goes on');
    const signedOut = await other.client.get('/account');
    assert.equal(signedOut.statusCode, 303, 'the other session has ended');
    assert.match(String(signedOut.headers.location), /^\/login/);
  });

  it('makes new recovery codes after a current code; the old ones stop working', async () => {
    const user = await createUserForTest(t.db, { roles: ['staff'], password: PASSWORD, totp: true });
    const { client } = await logIn(user);
    await client.get('/login/second-factor');
    await client.post('/login/second-factor', { code: user.recoveryCodes![0]! });
    const page = await client.get('/account/recovery-codes');
    assert.equal(page.statusCode, 200);
    const wrong = await client.post('/account/recovery-codes', { currentCode: '000000' });
    assert.equal(wrong.statusCode, 422);
    const made = await client.post('/account/recovery-codes', { currentCode: user.recoveryCodes![1]! });
    assert.equal(made.statusCode, 200);
    const fresh = shownRecoveryCodes(made.body);
    assert.equal(fresh.length, 10);
    const events = await t.db
      .selectFrom('audit_events')
      .select('data')
      .where('type', '=', 'auth.recovery_codes_regenerated')
      .execute();
    assert.ok(
      events.some((e) => (e.data as { userId: string }).userId === user.id),
      'regeneration is audited',
    );
    const second = await logIn(user);
    await second.client.get('/login/second-factor');
    assert.equal(
      (await second.client.post('/login/second-factor', { code: user.recoveryCodes![2]! })).statusCode,
      401,
    );
    assert.equal((await second.client.post('/login/second-factor', { code: fresh[0]! })).statusCode, 303);
  });
});
