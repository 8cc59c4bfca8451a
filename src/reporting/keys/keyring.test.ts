import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateKeyPair, newRecoveryKey } from '../../platform/crypto/envelope.js';
import { Keyring } from './keyring.js';

function keysOf(userId: string) {
  const pair = generateKeyPair();
  return { userId, publicKey: pair.publicKey, secretKey: pair.secretKey };
}

describe('keyring', () => {
  it('holds keys per session, follows a rotation and zeroes the secret key when dropped', () => {
    const keyring = new Keyring({ idleMinutes: 30 });
    const keys = keysOf('u1');
    keyring.put('a', keys, 0);
    assert.equal(keyring.get('a', 1000)?.publicKey, keys.publicKey);
    keyring.move('a', 'b');
    assert.equal(keyring.get('a', 1000), null);
    assert.equal(keyring.get('b', 1000)?.userId, 'u1');
    keyring.dropSession('b');
    assert.equal(keyring.size, 0);
    assert.ok(
      keys.secretKey.every((byte) => byte === 0),
      'the secret key is zeroed',
    );
  });

  it('hands a waiting recovery key over once, carries it across a rotation, and zeroes it when dropped', () => {
    const keyring = new Keyring({ idleMinutes: 30 });
    const recoveryKey = newRecoveryKey();
    const copy = Buffer.from(recoveryKey);
    keyring.put('a', keysOf('u1'), 0, recoveryKey);
    keyring.move('a', 'b');
    assert.equal(keyring.hasRecoveryKey('b', 10), true);
    assert.deepEqual(keyring.takeRecoveryKey('b', 10), copy);
    assert.equal(keyring.takeRecoveryKey('b', 20), null, 'never a second time');
    assert.equal(keyring.hasRecoveryKey('b', 20), false);

    const waiting = newRecoveryKey();
    assert.equal(keyring.holdRecoveryKey('b', waiting, 30), true);
    keyring.dropSession('b');
    assert.ok(
      waiting.every((byte) => byte === 0),
      'a recovery key never shown is zeroed',
    );

    const orphan = newRecoveryKey();
    assert.equal(keyring.holdRecoveryKey('nobody', orphan, 30), false);
    assert.ok(orphan.every((byte) => byte === 0));
  });

  it('forgets keys idle longer than the session idle time, and drops every session of a user but one', () => {
    const keyring = new Keyring({ idleMinutes: 1 });
    keyring.put('a', keysOf('u1'), 0, newRecoveryKey());
    assert.equal(keyring.get('a', 61_000), null);
    assert.equal(keyring.takeRecoveryKey('a', 61_000), null);
    keyring.put('b', keysOf('u2'), 0);
    keyring.put('c', keysOf('u2'), 0);
    keyring.put('d', keysOf('u3'), 0);
    keyring.dropUser('u2', 'c');
    assert.equal(keyring.get('b', 10), null);
    assert.notEqual(keyring.get('c', 10), null);
    assert.notEqual(keyring.get('d', 10), null);
    keyring.sweep(10 + 61_000);
    assert.equal(keyring.size, 0);
  });
});

describe('keyring: a key pair made at login and not stored yet', () => {
  function pendingOf(userId: string) {
    const keys = keysOf(userId);
    const recoveryKey = newRecoveryKey();
    const pending = {
      userId,
      publicKey: keys.publicKey,
      wrappedSecretKey: 'sk1.argon2id.test',
      recoveryWrappedKey: 'sk1.recovery.test',
      wrappedWith: 'password' as const,
    };
    return { keys, recoveryKey, pending };
  }

  it('counts as locked and keeps its recovery key until confirmed, follows a rotation, then opens', () => {
    const keyring = new Keyring({ idleMinutes: 30 });
    const made = pendingOf('u1');
    const copy = Buffer.from(made.recoveryKey);
    keyring.putPending('a', made, 0);
    assert.equal(keyring.get('a', 10), null, 'locked while not stored');
    assert.equal(keyring.takeRecoveryKey('a', 10), null, 'not shown while not stored');
    assert.equal(keyring.holdRecoveryKey('a', newRecoveryKey(), 10), false);
    assert.equal(keyring.hasRecoveryKey('a', 10), true);
    keyring.move('a', 'b');
    assert.equal(keyring.pendingOf('a', 20), null);
    assert.equal(keyring.pendingOf('b', 20)?.wrappedSecretKey, 'sk1.argon2id.test');
    assert.equal(keyring.confirmPending('b', keysOf('u1').publicKey, 30), false, 'another key pair');
    assert.equal(keyring.get('b', 30), null);
    assert.equal(keyring.confirmPending('b', made.keys.publicKey, 30), true);
    assert.equal(keyring.pendingOf('b', 40), null);
    assert.equal(keyring.get('b', 40)?.userId, 'u1');
    assert.deepEqual(keyring.takeRecoveryKey('b', 40), copy);
    assert.equal(keyring.takeRecoveryKey('b', 50), null);
  });

  it('zeroes an unstored key pair and its recovery key when the session is dropped', () => {
    const keyring = new Keyring({ idleMinutes: 30 });
    const made = pendingOf('u1');
    keyring.putPending('a', made, 0);
    keyring.dropSession('a');
    assert.ok(made.keys.secretKey.every((byte) => byte === 0));
    assert.ok(made.recoveryKey.every((byte) => byte === 0));
    assert.equal(keyring.pendingOf('a', 10), null);
  });
});

describe('keyring: sessions ended elsewhere', () => {
  it('drops and zeroes the keys of sessions that no longer exist', async () => {
    const ring = new Keyring({ idleMinutes: 30 });
    const kept = generateKeyPair();
    const ended = generateKeyPair();
    ring.put('alive', { userId: 'u1', ...kept }, 0);
    ring.put('gone', { userId: 'u1', ...ended }, 0);
    await ring.dropEndedSessions(async (ids) => new Set(ids.filter((id) => id === 'alive')));
    assert.ok(ring.get('alive', 1));
    assert.equal(ring.get('gone', 1), null);
    assert.ok(
      ended.secretKey.every((b) => b === 0),
      'zeroed',
    );
  });
});
