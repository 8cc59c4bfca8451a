import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CryptoError,
  decrypt,
  deriveKeyFromReceipt,
  encrypt,
  formatRecoveryKey,
  generateKeyPair,
  KDF_INTERACTIVE,
  type KdfOptions,
  newRecoveryKey,
  newReportKey,
  newSalt,
  openSealed,
  parseRecoveryKey,
  sealToPublicKey,
  unwrapSecretKey,
  unwrapSecretKeyWithRecoveryKey,
  wrapSecretKey,
  wrapSecretKeyWithRecoveryKey,
} from './envelope.js';

// libsodium's minimum cost keeps this file fast; production code uses the INTERACTIVE default.
const FAST: KdfOptions = { opslimit: 1, memlimit: 8192 };

function isCode(code: string) {
  return (error: unknown) => error instanceof CryptoError && error.code === code;
}

describe('report encryption (XChaCha20-Poly1305)', () => {
  const aad = 'report:42:answer:7';

  it('gives a fresh 32-byte key each time', () => {
    const a = newReportKey();
    assert.equal(a.length, 32);
    assert.notDeepEqual(a, newReportKey());
  });

  it('round-trips a plaintext, including an empty one, under the same key and aad', () => {
    const key = newReportKey();
    const plaintext = Buffer.from('Mijn melding over fraude — MARKER-123', 'utf8');
    const sealed = encrypt(key, plaintext, aad);
    assert.equal(sealed.length, plaintext.length + 40);
    assert.equal(sealed.includes(plaintext), false);
    assert.deepEqual(decrypt(key, sealed, aad), plaintext);
    assert.deepEqual(decrypt(key, encrypt(key, Buffer.alloc(0), aad), aad), Buffer.alloc(0));
  });

  it('uses a new nonce for every encryption of the same plaintext', () => {
    const key = newReportKey();
    const plaintext = Buffer.from('same');
    assert.notDeepEqual(encrypt(key, plaintext, aad), encrypt(key, plaintext, aad));
  });

  it('refuses with decrypt_failed when any single byte of the sealed data is changed', () => {
    const key = newReportKey();
    const sealed = encrypt(key, Buffer.from('short answer'), aad);
    for (let i = 0; i < sealed.length; i++) {
      const tampered = Buffer.from(sealed);
      tampered[i] = (tampered[i] ?? 0) ^ 0x01;
      assert.throws(() => decrypt(key, tampered, aad), isCode('decrypt_failed'), `byte ${i}`);
    }
  });

  it('refuses with decrypt_failed a truncated ciphertext', () => {
    const key = newReportKey();
    const sealed = encrypt(key, Buffer.from('answer'), aad);
    assert.throws(() => decrypt(key, sealed.subarray(0, sealed.length - 1), aad), isCode('decrypt_failed'));
    assert.throws(() => decrypt(key, sealed.subarray(0, 10), aad), isCode('decrypt_failed'));
  });

  it('refuses with decrypt_failed under another key', () => {
    const sealed = encrypt(newReportKey(), Buffer.from('answer'), aad);
    assert.throws(() => decrypt(newReportKey(), sealed, aad), isCode('decrypt_failed'));
  });

  it('refuses with decrypt_failed a ciphertext moved to another row (other aad)', () => {
    const key = newReportKey();
    const sealed = encrypt(key, Buffer.from('answer to question 7'), 'report:42:answer:7');
    assert.throws(() => decrypt(key, sealed, 'report:42:answer:8'), isCode('decrypt_failed'));
    assert.throws(() => decrypt(key, sealed, 'report:43:answer:7'), isCode('decrypt_failed'));
  });

  it('rejects a key of the wrong length and an empty aad as programming errors', () => {
    assert.throws(() => encrypt(Buffer.alloc(16), Buffer.from('x'), aad), TypeError);
    assert.throws(() => encrypt(newReportKey(), Buffer.from('x'), ''), TypeError);
  });
});

describe('sealed boxes to a recipient (X25519)', () => {
  it('opens only with the key pair it was sealed to', () => {
    const alice = generateKeyPair();
    const bob = generateKeyPair();
    assert.equal(alice.publicKey.length, 32);
    assert.equal(alice.secretKey.length, 32);
    const reportKey = newReportKey();
    const sealed = sealToPublicKey(alice.publicKey, reportKey);
    assert.equal(sealed.length, 32 + 48);
    assert.deepEqual(openSealed(alice.publicKey, alice.secretKey, sealed), reportKey);
    assert.throws(() => openSealed(bob.publicKey, bob.secretKey, sealed), isCode('decrypt_failed'));
    assert.throws(() => openSealed(alice.publicKey, bob.secretKey, sealed), isCode('decrypt_failed'));
  });

  it('refuses with decrypt_failed an altered or truncated box', () => {
    const pair = generateKeyPair();
    const sealed = sealToPublicKey(pair.publicKey, newReportKey());
    const tampered = Buffer.from(sealed);
    tampered[sealed.length - 1] = (tampered[sealed.length - 1] ?? 0) ^ 0x80;
    assert.throws(() => openSealed(pair.publicKey, pair.secretKey, tampered), isCode('decrypt_failed'));
    assert.throws(
      () => openSealed(pair.publicKey, pair.secretKey, sealed.subarray(0, 40)),
      isCode('decrypt_failed'),
    );
  });
});

describe('wrapping a secret key under a passphrase (Argon2id)', () => {
  it('unwraps with the right passphrase into the same secret key', async () => {
    const { secretKey } = generateKeyPair();
    const record = await wrapSecretKey(secretKey, 'correct horse battery staple', FAST);
    assert.match(record, /^sk1\.argon2id\.1\.8192\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    assert.equal(record.includes(secretKey.toString('base64url')), false);
    assert.deepEqual(await unwrapSecretKey(record, 'correct horse battery staple'), secretKey);
  });

  it('uses a new salt for every wrap', async () => {
    const { secretKey } = generateKeyPair();
    const a = await wrapSecretKey(secretKey, 'same passphrase', FAST);
    const b = await wrapSecretKey(secretKey, 'same passphrase', FAST);
    assert.notEqual(a.split('.')[4], b.split('.')[4]);
  });

  it('refuses with decrypt_failed a wrong or empty passphrase', async () => {
    const record = await wrapSecretKey(generateKeyPair().secretKey, 'right passphrase', FAST);
    await assert.rejects(unwrapSecretKey(record, 'wrong passphrase'), isCode('decrypt_failed'));
    await assert.rejects(unwrapSecretKey(record, ''), isCode('decrypt_failed'));
  });

  it('refuses with decrypt_failed a record whose cost parameters were changed', async () => {
    const record = await wrapSecretKey(generateKeyPair().secretKey, 'passphrase', FAST);
    const altered = record.replace('sk1.argon2id.1.', 'sk1.argon2id.2.');
    await assert.rejects(unwrapSecretKey(altered, 'passphrase'), isCode('decrypt_failed'));
  });

  it('refuses with invalid_format a malformed record or one asking for absurd memory', async () => {
    const record = await wrapSecretKey(generateKeyPair().secretKey, 'passphrase', FAST);
    const parts = record.split('.');
    const huge = [...parts.slice(0, 3), String(64 * 1024 ** 3), ...parts.slice(4)].join('.');
    for (const bad of ['', 'sk1', 'sk2.argon2id.1.8192.a.b.c', record.slice(0, -4), huge, `${record}.x`]) {
      await assert.rejects(unwrapSecretKey(bad, 'passphrase'), isCode('invalid_format'), bad);
    }
  });

  it('defaults to libsodium INTERACTIVE cost at least', () => {
    assert.ok(KDF_INTERACTIVE.opslimit >= 2);
    assert.ok(KDF_INTERACTIVE.memlimit >= 64 * 1024 * 1024);
  });

  it('keeps the event loop turning while four wraps run in parallel', async () => {
    // Enough work per wrap (~tens of ms) that a blocking implementation would starve the timer.
    const cost: KdfOptions = { opslimit: 2, memlimit: 32 * 1024 * 1024 };
    const { secretKey } = generateKeyPair();
    let ticks = 0;
    const timer = setInterval(() => {
      ticks++;
    }, 5);
    try {
      await Promise.all([1, 2, 3, 4].map((n) => wrapSecretKey(secretKey, `passphrase ${n}`, cost)));
    } finally {
      clearInterval(timer);
    }
    assert.ok(ticks >= 3, `the timer ticked ${ticks} times during the wraps`);
  });
});

describe('recovery keys', () => {
  it('formats as 13 dash-separated groups of four base32 characters and parses back', () => {
    const key = newRecoveryKey();
    const text = formatRecoveryKey(key);
    assert.match(text, /^([0-9A-HJKMNP-TV-Z]{4}-){12}[0-9A-HJKMNP-TV-Z]{4}$/);
    assert.deepEqual(parseRecoveryKey(text), key);
  });

  it('round-trips the all-zero and all-ones keys', () => {
    for (const key of [Buffer.alloc(32, 0), Buffer.alloc(32, 0xff)]) {
      assert.deepEqual(parseRecoveryKey(formatRecoveryKey(key)), key);
    }
  });

  it('parses a key typed in lower case, with spaces instead of dashes, and O/I/L for 0/1', () => {
    const key = newRecoveryKey();
    const text = formatRecoveryKey(key);
    const typed = ` ${text.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l')} `;
    assert.deepEqual(parseRecoveryKey(typed), key);
    assert.deepEqual(parseRecoveryKey(text.replace(/-/g, '')), key);
  });

  it('refuses with invalid_format a key of the wrong length or with foreign characters', () => {
    const text = formatRecoveryKey(newRecoveryKey());
    for (const bad of ['', text.slice(0, -1), `${text}A`, `${text.slice(0, -1)}U`, `${text.slice(0, -1)}!`]) {
      assert.throws(() => parseRecoveryKey(bad), isCode('invalid_format'), bad);
    }
  });

  it('refuses with invalid_format a last character with non-zero padding bits', () => {
    const text = formatRecoveryKey(Buffer.alloc(32));
    assert.throws(() => parseRecoveryKey(`${text.slice(0, -1)}1`), isCode('invalid_format'));
  });

  it('wraps a secret key that unwraps with the recovery key only', () => {
    const { secretKey } = generateKeyPair();
    const recoveryKey = newRecoveryKey();
    const record = wrapSecretKeyWithRecoveryKey(secretKey, recoveryKey);
    assert.match(record, /^sk1\.recovery\./);
    const typedBack = parseRecoveryKey(formatRecoveryKey(recoveryKey));
    assert.deepEqual(unwrapSecretKeyWithRecoveryKey(record, typedBack), secretKey);
    assert.throws(() => unwrapSecretKeyWithRecoveryKey(record, newRecoveryKey()), isCode('decrypt_failed'));
  });

  it('keeps passphrase and recovery records apart', async () => {
    const { secretKey } = generateKeyPair();
    const recoveryRecord = wrapSecretKeyWithRecoveryKey(secretKey, newRecoveryKey());
    await assert.rejects(unwrapSecretKey(recoveryRecord, 'x'), isCode('invalid_format'));
    const passphraseRecord = await wrapSecretKey(secretKey, 'x', FAST);
    assert.throws(
      () => unwrapSecretKeyWithRecoveryKey(passphraseRecord, newRecoveryKey()),
      isCode('invalid_format'),
    );
  });
});

describe('the reporter key derived from the receipt', () => {
  it('derives the same 32-byte key from the same receipt and salt, ignoring spaces and dashes', async () => {
    const salt = newSalt();
    const a = await deriveKeyFromReceipt('1234 5678 9012 3456', salt, FAST);
    const b = await deriveKeyFromReceipt('1234-5678-9012-3456', salt, FAST);
    assert.equal(a.length, 32);
    assert.deepEqual(a, b);
  });

  it('derives different keys for another receipt or another salt', async () => {
    const salt = newSalt();
    const a = await deriveKeyFromReceipt('1234567890123456', salt, FAST);
    assert.notDeepEqual(await deriveKeyFromReceipt('1234567890123457', salt, FAST), a);
    assert.notDeepEqual(await deriveKeyFromReceipt('1234567890123456', newSalt(), FAST), a);
  });

  it('holds the reporter copy of a report key that only the right receipt opens', async () => {
    const salt = newSalt();
    const reportKey = newReportKey();
    const receiptKey = await deriveKeyFromReceipt('1111222233334444', salt, FAST);
    const sealed = encrypt(receiptKey, reportKey, 'report:42:reporter-key');
    const again = await deriveKeyFromReceipt('1111 2222 3333 4444', salt, FAST);
    assert.deepEqual(decrypt(again, sealed, 'report:42:reporter-key'), reportKey);
    const wrong = await deriveKeyFromReceipt('1111222233334445', salt, FAST);
    assert.throws(() => decrypt(wrong, sealed, 'report:42:reporter-key'), isCode('decrypt_failed'));
  });

  it('refuses with invalid_format a receipt with letters or nothing at all', async () => {
    await assert.rejects(deriveKeyFromReceipt('1234abcd', newSalt(), FAST), isCode('invalid_format'));
    await assert.rejects(deriveKeyFromReceipt(' - ', newSalt(), FAST), isCode('invalid_format'));
  });
});
