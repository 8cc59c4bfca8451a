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
