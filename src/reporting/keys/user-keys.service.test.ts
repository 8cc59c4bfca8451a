import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestDatabase } from '../../../test/helpers/database.js';
import { createUserForTest, type TestUser } from '../../../test/helpers/factories.js';
import { createRecipientForTest } from '../../../test/helpers/reporting.js';
import { loadConfig } from '../../config.js';
import {
  formatRecoveryKey,
  newRecoveryKey,
  openSealed,
  parseRecoveryKey,
  sealToPublicKey,
  unwrapSecretKey,
  unwrapSecretKeyWithRecoveryKey,
  wrapSecretKey,
} from '../../platform/crypto/envelope.js';
import type { OpenDatabase } from '../../platform/db/database.js';
import { isAppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/request-context.js';
import { KeyThrottle } from './key-throttle.js';
import type { UnlockedKeys } from './keyring.js';
import { findUserKeys } from './user-keys.repository.js';
import {
  applyKeyRewrap,
  createKeyPairFor,
  getKeyStatus,
  isOutOfStep,
  openKeysAtPasswordLogin,
  prepareKeyRewrap,
  recoverKeys,
  replaceRecoveryKey,
  setUpKeys,
  storePendingKeys,
  unlockKeys,
} from './user-keys.service.js';

const PASSWORD = 'lange zin als wachtwoord';
const NEW_PASSWORD = 'een andere lange zin nu';
const PASSPHRASE = 'mijn aparte sleutelzin hier';

/** Whether unlocked keys really are a matching pair (a box sealed to one opens with the other). */
function works(keys: UnlockedKeys): boolean {
  const data = Buffer.from('probe');
  return openSealed(keys.publicKey, keys.secretKey, sealToPublicKey(keys.publicKey, data)).equals(data);
}

describe('recipients’ key pairs (service)', () => {
  let database: OpenDatabase;
  const now = new Date('2026-11-28T10:00:00Z');
  const config = loadConfig({ COOKIE_SECURE: 'false', LOG_LEVEL: 'silent' });

  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database.close());

  function contextOf(user: TestUser, at = now): ServiceContext {
    return {
      db: database.db,
      now: at,
      config,
      auth: {
        userId: user.id,
        name: user.name,
        username: user.username,
        roles: user.roles,
        stage: 'active',
        sessionIdHash: 'x'.repeat(64),
        method: 'password',
      },
      origin: { kind: 'user', userId: user.id, label: user.username },
    };
  }

  async function events(type: string, userId: string): Promise<Record<string, unknown>[]> {
    const rows = await database.db
      .selectFrom('audit_events')
      .select('data')
      .where('type', '=', type)
      .execute();
    return rows.map((r) => r.data as Record<string, unknown>).filter((d) => d.userId === userId);
  }

  it('creates a key pair for seeding: stored wrapped twice, audited, with a formatted recovery key that opens it', async () => {
    const user = await createUserForTest(database.db, { roles: ['handler'] });
    const created = await database.db.transaction().execute((trx) =>
      createKeyPairFor(trx, {
        userId: user.id,
        passphrase: PASSWORD,
        wrappedWith: 'password',
        now,
        origin: { kind: 'system', label: 'demo' },
      }),
    );
    assert.match(created.recoveryKey, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{1,4}){12}$/);
    assert.ok(works(created.keys));
    const record = await findUserKeys(database.db, user.id);
    assert.ok(record);
    assert.deepEqual(record.publicKey, created.keys.publicKey);
    assert.equal(record.wrappedWith, 'password');
    assert.ok(!record.wrappedSecretKey.includes(created.keys.secretKey.toString('base64url')));
    const byPassword = await unwrapSecretKey(record.wrappedSecretKey, PASSWORD);
    assert.deepEqual(byPassword, created.keys.secretKey);
    const byRecovery = unwrapSecretKeyWithRecoveryKey(
      record.recoveryWrappedKey,
      parseRecoveryKey(created.recoveryKey),
    );
    assert.deepEqual(byRecovery, created.keys.secretKey);
    assert.deepEqual(await events('keys.created', user.id), [{ userId: user.id, wrappedWith: 'password' }]);

    await assert.rejects(
      database.db.transaction().execute((trx) =>
        createKeyPairFor(trx, {
          userId: user.id,
          passphrase: PASSWORD,
          wrappedWith: 'password',
          now,
          origin: { kind: 'system', label: 'demo' },
        }),
      ),
      (error) => isAppError(error) && error.code === 'conflict',
    );
  });

  it('at a password login makes a recipient’s key pair without storing it; stored once the login completes, later logins open it', async () => {
    const handler = await createUserForTest(database.db, { roles: ['counselor'], password: PASSWORD });
    const first = await openKeysAtPasswordLogin(database.db, { userId: handler.id, password: PASSWORD });
    assert.equal(first.status, 'pending');
    assert.ok(first.status === 'pending' && works(first.keys));
    assert.equal(
      await findUserKeys(database.db, handler.id),
      undefined,
      'nothing stored at the password step',
    );
    assert.deepEqual(await events('keys.created', handler.id), []);

    // That login was abandoned: the next one starts over with a new key pair.
    const second = await openKeysAtPasswordLogin(database.db, { userId: handler.id, password: PASSWORD });
    assert.ok(second.status === 'pending' && first.status === 'pending');
    assert.ok(!second.keys.publicKey.equals(first.keys.publicKey));
    assert.ok(
      unwrapSecretKeyWithRecoveryKey(second.pending.recoveryWrappedKey, second.recoveryKey).equals(
        second.keys.secretKey,
      ),
    );
    assert.ok(
      (await unwrapSecretKey(second.pending.wrappedSecretKey, PASSWORD)).equals(second.keys.secretKey),
    );

    assert.equal(await storePendingKeys(contextOf(handler), second.pending), 'stored');
    assert.equal(await storePendingKeys(contextOf(handler), second.pending), 'stored', 'idempotent');
    assert.equal(await storePendingKeys(contextOf(handler), first.pending), 'taken');
    assert.deepEqual(await events('keys.created', handler.id), [
      { userId: handler.id, wrappedWith: 'password' },
    ]);
    const record = await findUserKeys(database.db, handler.id);
    assert.ok(record?.publicKey.equals(second.keys.publicKey));

    const third = await openKeysAtPasswordLogin(database.db, { userId: handler.id, password: PASSWORD });
    assert.ok(third.status === 'opened' && third.keys.publicKey.equals(second.keys.publicKey));

    const stranger = await createRecipientForTest(database.db, { password: PASSWORD });
    await assert.rejects(
      storePendingKeys(contextOf(stranger), second.pending),
      (error) => isAppError(error) && error.code === 'forbidden',
    );

    const staff = await createUserForTest(database.db, { roles: ['staff'], password: PASSWORD });
    const none = await openKeysAtPasswordLogin(database.db, { userId: staff.id, password: PASSWORD });
    assert.equal(none.status, 'not_needed');
    assert.equal(await findUserKeys(database.db, staff.id), undefined);
  });

  it('leaves a key pair locked at login when the password does not open it, or it is wrapped under a passphrase', async () => {
    const reset = await createRecipientForTest(database.db, { password: PASSWORD });
    const locked = await openKeysAtPasswordLogin(database.db, {
      userId: reset.id,
      password: NEW_PASSWORD,
    });
    assert.deepEqual(locked, { status: 'locked', reason: 'unwrap_failed' });

    const damaged = await createRecipientForTest(database.db, { password: PASSWORD });
    const other = await createRecipientForTest(database.db, { password: PASSWORD });
    // A record swapped in from another user opens with the password but is not this key pair.
    const swapped = await findUserKeys(database.db, other.id);
    await database.db
      .updateTable('user_keys')
      .set({ wrapped_secret_key: swapped?.wrappedSecretKey ?? '' })
      .where('user_id', '=', damaged.id)
      .execute();
    const refused = await openKeysAtPasswordLogin(database.db, {
      userId: damaged.id,
      password: PASSWORD,
    });
    assert.deepEqual(refused, { status: 'locked', reason: 'unwrap_failed' });

    const viaPassphrase = await createRecipientForTest(database.db, { password: PASSWORD });
    await database.db
      .updateTable('user_keys')
      .set({ wrapped_with: 'passphrase' })
      .where('user_id', '=', viaPassphrase.id)
      .execute();
    const passphrase = await openKeysAtPasswordLogin(database.db, {
      userId: viaPassphrase.id,
      password: PASSWORD,
    });
    assert.deepEqual(passphrase, { status: 'locked', reason: 'wrapped_with_passphrase' });
  });

  it('re-wraps the key under the new password at a password change, and leaves a wrap the old one cannot open', async () => {
    const recipient = await createRecipientForTest(database.db, { password: PASSWORD });
    const rewrap = await prepareKeyRewrap(database.db, {
      userId: recipient.id,
      oldPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    assert.equal(rewrap.kind, 'rewrap');
    await database.db
      .transaction()
      .execute((trx) => applyKeyRewrap(trx, rewrap, { now, origin: contextOf(recipient).origin }));
    const record = await findUserKeys(database.db, recipient.id);
    assert.ok(record);
    assert.deepEqual(await unwrapSecretKey(record.wrappedSecretKey, NEW_PASSWORD), recipient.keys.secretKey);
    await assert.rejects(unwrapSecretKey(record.wrappedSecretKey, PASSWORD));
    assert.deepEqual(await events('keys.rewrapped', recipient.id), [
      { userId: recipient.id, wrappedWith: 'password' },
    ]);

    const stale = await prepareKeyRewrap(database.db, {
      userId: recipient.id,
      oldPassword: PASSWORD,
      newPassword: 'nog een ander wachtwoord',
    });
    assert.deepEqual(stale, { kind: 'left_for_recovery' });
    const staff = await createUserForTest(database.db, { roles: ['staff'] });
    assert.deepEqual(
      await prepareKeyRewrap(database.db, {
        userId: staff.id,
        oldPassword: PASSWORD,
        newPassword: NEW_PASSWORD,
      }),
      { kind: 'none' },
    );
  });

  it('recovers with the recovery key under the current password, keeps the recovery key, and refuses a wrong one', async () => {
    const recipient = await createRecipientForTest(database.db, { password: PASSWORD });
    // The password was reset behind the key's back: its wrap is under the old password.
    const before = await findUserKeys(database.db, recipient.id);
    const resetAt = new Date((before?.updatedAt.getTime() ?? 0) + 1000);
    await database.db
      .updateTable('users')
      .set({ password_changed_at: resetAt })
      .where('id', '=', recipient.id)
      .execute();
    const ctx = contextOf(recipient, new Date(resetAt.getTime() + 1000));
    assert.equal((await getKeyStatus(ctx)).keyPair?.outOfStep, true);
    const throttle = new KeyThrottle();

    const wrongKey = await recoverKeys(ctx, throttle, {
      recoveryKey: formatRecoveryKey(newRecoveryKey()),
      secret: PASSWORD,
    });
    assert.deepEqual(wrongKey, {
      ok: false,
      status: 422,
      field: 'recoveryKey',
      message: 'keys.error_recovery_key_wrong',
    });
    const garbled = await recoverKeys(ctx, throttle, { recoveryKey: 'ABCD-EFGH', secret: PASSWORD });
    assert.equal(!garbled.ok && garbled.message, 'keys.error_recovery_key_format');
    const wrongPassword = await recoverKeys(ctx, throttle, {
      recoveryKey: formatRecoveryKey(recipient.recoveryKey),
      secret: 'not my password at all',
    });
    assert.equal(!wrongPassword.ok && wrongPassword.message, 'keys.error_password_wrong');

    const recovered = await recoverKeys(ctx, throttle, {
      recoveryKey: formatRecoveryKey(recipient.recoveryKey).toLowerCase().replaceAll('-', ' '),
      secret: PASSWORD,
    });
    assert.ok(recovered.ok);
    assert.ok(works(recovered.keys));
    assert.ok(recovered.keys.publicKey.equals(recipient.keys.publicKey));
    const record = await findUserKeys(database.db, recipient.id);
    assert.ok(record);
    assert.ok(await unwrapSecretKey(record.wrappedSecretKey, PASSWORD));
    assert.ok(
      unwrapSecretKeyWithRecoveryKey(record.recoveryWrappedKey, recipient.recoveryKey),
      'still valid',
    );
    assert.equal((await getKeyStatus(ctx)).keyPair?.outOfStep, false);
    assert.equal((await events('keys.recovered', recipient.id)).length, 1);
  });

  it('refuses recovery and unlocking after five failures in a row with 429, and forgets them after a success', async () => {
    const recipient = await createRecipientForTest(database.db, { password: PASSWORD });
    const ctx = contextOf(recipient);
    const throttle = new KeyThrottle();
    for (let i = 0; i < 4; i++) {
      const wrong = await unlockKeys(ctx, throttle, { secret: `wrong password ${i}` });
      assert.equal(!wrong.ok && wrong.message, 'keys.error_unlock_wrong_password');
    }
    const right = await unlockKeys(ctx, throttle, { secret: PASSWORD });
    assert.ok(right.ok && works(right.keys));
    for (let i = 0; i < 5; i++) {
      await recoverKeys(ctx, throttle, {
        recoveryKey: formatRecoveryKey(newRecoveryKey()),
        secret: PASSWORD,
      });
    }
    const blocked = await unlockKeys(ctx, throttle, { secret: PASSWORD });
    assert.equal(!blocked.ok && blocked.status, 429);
    assert.ok(!blocked.ok && (blocked.retryAfterSeconds ?? 0) > 0);
    assert.equal((await events('keys.unlocked', recipient.id)).length, 1);
  });

  it('sets up a key pair for an account without a password under a key passphrase at MODERATE cost', async () => {
    const oidcUser = await createUserForTest(database.db, { roles: ['investigator'] });
    const ctx = contextOf(oidcUser);
    const throttle = new KeyThrottle();
    assert.deepEqual(await getKeyStatus(ctx), { needed: true, wrapMode: 'passphrase', keyPair: null });
    const weak = await setUpKeys(ctx, throttle, { secret: 'kort', confirm: 'kort' });
    assert.equal(!weak.ok && weak.message, 'keys.error_passphrase_too_short');
    const mismatch = await setUpKeys(ctx, throttle, { secret: PASSPHRASE, confirm: `${PASSPHRASE}!` });
    assert.equal(!mismatch.ok && mismatch.field, 'confirm');

    const done = await setUpKeys(ctx, throttle, { secret: PASSPHRASE, confirm: PASSPHRASE });
    assert.ok(done.ok && works(done.keys));
    const record = await findUserKeys(database.db, oidcUser.id);
    assert.equal(record?.wrappedWith, 'passphrase');
    assert.match(record?.wrappedSecretKey ?? '', /^sk1\.argon2id\.3\.268435456\./);
    assert.ok(done.ok && unwrapSecretKeyWithRecoveryKey(record?.recoveryWrappedKey ?? '', done.recoveryKey));
    const again = await setUpKeys(ctx, throttle, { secret: PASSPHRASE, confirm: PASSPHRASE });
    assert.equal(!again.ok && again.message, 'keys.error_already_set_up');

    const staff = await createUserForTest(database.db, { roles: ['staff'] });
    const notNeeded = await setUpKeys(contextOf(staff), throttle, {
      secret: PASSPHRASE,
      confirm: PASSPHRASE,
    });
    assert.equal(!notNeeded.ok && notNeeded.message, 'keys.error_not_needed');
  });

  it('sets up a key pair for a local account only with its right password', async () => {
    const local = await createUserForTest(database.db, { roles: ['handler'], password: PASSWORD });
    const ctx = contextOf(local);
    const throttle = new KeyThrottle();
    const wrong = await setUpKeys(ctx, throttle, { secret: 'not the password here' });
    assert.equal(!wrong.ok && wrong.message, 'keys.error_password_wrong');
    const done = await setUpKeys(ctx, throttle, { secret: PASSWORD });
    assert.ok(done.ok);
    const record = await findUserKeys(database.db, local.id);
    assert.equal(record?.wrappedWith, 'password');
    assert.ok(await unwrapSecretKey(record?.wrappedSecretKey ?? '', PASSWORD));
  });

  it('replaces the recovery key from unlocked keys only with the password asked again: the old one stops working, the new one opens the key', async () => {
    const recipient = await createRecipientForTest(database.db, { password: PASSWORD });
    const throttle = new KeyThrottle();
    const refused = await replaceRecoveryKey(contextOf(recipient), throttle, recipient.keys, {
      secret: 'not my password at all',
    });
    assert.equal(!refused.ok && refused.message, 'keys.error_unlock_wrong_password');
    const unchanged = await findUserKeys(database.db, recipient.id);
    assert.ok(
      unchanged && unwrapSecretKeyWithRecoveryKey(unchanged.recoveryWrappedKey, recipient.recoveryKey),
    );
    assert.deepEqual(await events('keys.recovery_key_replaced', recipient.id), []);

    const replaced = await replaceRecoveryKey(contextOf(recipient), throttle, recipient.keys, {
      secret: PASSWORD,
    });
    assert.ok(replaced.ok);
    const fresh = replaced.recoveryKey;
    const record = await findUserKeys(database.db, recipient.id);
    assert.ok(record);
    assert.deepEqual(
      unwrapSecretKeyWithRecoveryKey(record.recoveryWrappedKey, fresh),
      recipient.keys.secretKey,
    );
    assert.throws(() => unwrapSecretKeyWithRecoveryKey(record.recoveryWrappedKey, recipient.recoveryKey));
    assert.equal((await events('keys.recovery_key_replaced', recipient.id)).length, 1);
    const stranger = await createRecipientForTest(database.db, { password: PASSWORD });
    await assert.rejects(
      replaceRecoveryKey(contextOf(stranger), throttle, recipient.keys, { secret: PASSWORD }),
      (error) => isAppError(error) && error.code === 'forbidden',
    );
  });

  it('tells a wrap left behind by a password change from one that followed it', async () => {
    const at = new Date('2026-11-28T10:00:00Z');
    const later = new Date('2026-11-28T11:00:00Z');
    assert.equal(
      isOutOfStep({ wrappedWith: 'password', updatedAt: at }, { password_changed_at: later }),
      true,
    );
    assert.equal(isOutOfStep({ wrappedWith: 'password', updatedAt: at }, { password_changed_at: at }), false);
    assert.equal(
      isOutOfStep({ wrappedWith: 'password', updatedAt: at }, { password_changed_at: null }),
      false,
    );
    assert.equal(
      isOutOfStep({ wrappedWith: 'passphrase', updatedAt: at }, { password_changed_at: later }),
      false,
    );
  });

  it('wraps nothing in a way that exposes the secret key in the stored record', async () => {
    const recipient = await createRecipientForTest(database.db, { password: PASSWORD });
    const row = await database.db
      .selectFrom('user_keys')
      .selectAll()
      .where('user_id', '=', recipient.id)
      .executeTakeFirstOrThrow();
    const stored = JSON.stringify(row);
    for (const encoding of ['hex', 'base64', 'base64url'] as const) {
      assert.ok(!stored.includes(recipient.keys.secretKey.toString(encoding)), encoding);
    }
    assert.ok(await wrapSecretKey(recipient.keys.secretKey, PASSWORD));
  });
});
