import sodium from 'sodium-native';
import { withKdfSlot } from './kdf-slots.js';

/**
 * Envelope encryption for reports (see docs/security.md). Pure building blocks, no I/O:
 * - a random symmetric key per report, used with XChaCha20-Poly1305-IETF and an AAD that names the
 *   place a ciphertext belongs to (`encrypt` / `decrypt`);
 * - an X25519 key pair per recipient; report keys are sealed to their public key (`sealToPublicKey`);
 * - the recipient's secret key wrapped under a key derived with Argon2id from a secret only they hold
 *   (`wrapSecretKey`), or under a one-time recovery key (`wrapSecretKeyWithRecoveryKey`);
 * - a key derived from the reporter's receipt (`deriveKeyFromReceipt`).
 *
 * Argon2id always runs on libuv's thread pool (`crypto_pwhash_async`), never on the event loop.
 * Every function that returns a secret returns a fresh Buffer the caller owns and should zero
 * (`sodium_memzero`) once done; temporary secrets allocated here are zeroed before returning.
 */

const KEY_BYTES = sodium.crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
const NONCE_BYTES = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
const TAG_BYTES = sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES;
const SALT_BYTES = sodium.crypto_pwhash_SALTBYTES;
const RECORD_VERSION = 'sk1';
// Bounds for parameters read back from a stored record, so that a corrupted or planted record
// cannot make one unwrap allocate gigabytes or run for minutes. libsodium's SENSITIVE set is 4 / 1 GiB.
const MAX_OPSLIMIT = 10;
const MAX_MEMLIMIT = 1024 * 1024 * 1024;

/** Why a crypto operation failed. */
export type CryptoErrorCode =
  /** Authentication failed: tampered data, wrong key, wrong AAD, wrong passphrase or recovery key. */
  | 'decrypt_failed'
  /** A stored record, recovery key or receipt is not in the expected shape (it never reached decryption). */
  | 'invalid_format';

/**
 * A failure on data (not on the programmer's use of the API, which throws `TypeError`). It never
 * says which part was wrong, so that callers cannot leak it either.
 */
export class CryptoError extends Error {
  constructor(readonly code: CryptoErrorCode) {
    super(code);
    this.name = 'CryptoError';
  }
}

/** Argon2id cost: passes over memory and memory in bytes. */
export interface KdfOptions {
  readonly opslimit: number;
  readonly memlimit: number;
}

/** libsodium's INTERACTIVE set (2 passes, 64 MiB, ~150 ms here): the default for every derivation. */
export const KDF_INTERACTIVE: KdfOptions = Object.freeze({
  opslimit: sodium.crypto_pwhash_OPSLIMIT_INTERACTIVE,
  memlimit: sodium.crypto_pwhash_MEMLIMIT_INTERACTIVE,
});

/** libsodium's MODERATE set (3 passes, 256 MiB, ~1 s here): for secrets no cheaper hash sits beside. */
export const KDF_MODERATE: KdfOptions = Object.freeze({
  opslimit: sodium.crypto_pwhash_OPSLIMIT_MODERATE,
  memlimit: sodium.crypto_pwhash_MEMLIMIT_MODERATE,
});

/** An X25519 key pair for `crypto_box_seal`. */
export interface KeyPair {
  readonly publicKey: Buffer;
  readonly secretKey: Buffer;
}

function randomBytes(length: number): Buffer {
  const out = Buffer.alloc(length);
  sodium.randombytes_buf(out);
  return out;
}

function assertLength(name: string, value: Buffer, length: number): void {
  if (!Buffer.isBuffer(value) || value.length !== length) {
    throw new TypeError(`${name} must be a Buffer of ${length} bytes`);
  }
}

function aadBytes(aad: string): Buffer {
  if (typeof aad !== 'string' || aad.length === 0) {
    throw new TypeError('aad must be a non-empty string naming where the ciphertext belongs');
  }
  return Buffer.from(aad, 'utf8');
}

/** A fresh random 32-byte key for `encrypt` / `decrypt` (one per report). */
export function newReportKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** A fresh random 16-byte Argon2id salt, e.g. for `deriveKeyFromReceipt`; not secret, store it. */
export function newSalt(): Buffer {
  return randomBytes(SALT_BYTES);
}

/**
 * Encrypts `plaintext` under `key` with XChaCha20-Poly1305-IETF and a random 24-byte nonce.
 * Returns nonce ‖ ciphertext ‖ 16-byte tag (plaintext length + 40 bytes). `aad` is authenticated
 * but not stored: name the ciphertext's place (`report:<id>:answer:<questionId>`) so that it only
 * decrypts there. Random nonces are safe for any number of messages under one key.
 * @throws TypeError when the key is not 32 bytes or `aad` is empty.
 */
export function encrypt(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  assertLength('key', key, KEY_BYTES);
  const ad = aadBytes(aad);
  const sealed = Buffer.alloc(NONCE_BYTES + plaintext.length + TAG_BYTES);
  const nonce = sealed.subarray(0, NONCE_BYTES);
  sodium.randombytes_buf(nonce);
  sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
    sealed.subarray(NONCE_BYTES),
    plaintext,
    ad,
    null,
    nonce,
    key,
  );
  return sealed;
}

/**
 * Reverses `encrypt`. Returns the plaintext only if `sealed` is unaltered and was made with this
 * `key` and exactly this `aad`.
 * @throws CryptoError `decrypt_failed` on any tampering, truncation, wrong key or wrong AAD.
 * @throws TypeError when the key is not 32 bytes or `aad` is empty.
 */
export function decrypt(key: Buffer, sealed: Buffer, aad: string): Buffer {
  assertLength('key', key, KEY_BYTES);
  const ad = aadBytes(aad);
  if (sealed.length < NONCE_BYTES + TAG_BYTES) throw new CryptoError('decrypt_failed');
  const plaintext = Buffer.alloc(sealed.length - NONCE_BYTES - TAG_BYTES);
  try {
    sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      plaintext,
      null,
      sealed.subarray(NONCE_BYTES),
      ad,
      sealed.subarray(0, NONCE_BYTES),
      key,
    );
  } catch {
    // sodium-native throws a plain Error on a failed tag check; nothing else can fail here.
    sodium.sodium_memzero(plaintext);
    throw new CryptoError('decrypt_failed');
  }
  return plaintext;
}

/** A fresh X25519 key pair (`crypto_box_keypair`): 32-byte public and 32-byte secret key. */
export function generateKeyPair(): KeyPair {
  const publicKey = Buffer.alloc(sodium.crypto_box_PUBLICKEYBYTES);
  const secretKey = Buffer.alloc(sodium.crypto_box_SECRETKEYBYTES);
  sodium.crypto_box_keypair(publicKey, secretKey);
  return { publicKey, secretKey };
}

/**
 * Seals `data` (typically a report key) to `publicKey` with an anonymous sealed box
 * (`crypto_box_seal`: ephemeral X25519 + XSalsa20-Poly1305). Only the holder of the matching
 * secret key can open it; the sender cannot, and the box does not say who sealed it.
 * Returns data length + 48 bytes.
 * @throws TypeError when the public key is not 32 bytes.
 */
export function sealToPublicKey(publicKey: Buffer, data: Buffer): Buffer {
  assertLength('publicKey', publicKey, sodium.crypto_box_PUBLICKEYBYTES);
  const sealed = Buffer.alloc(data.length + sodium.crypto_box_SEALBYTES);
  sodium.crypto_box_seal(sealed, data, publicKey);
  return sealed;
}

/**
 * Opens a box made by `sealToPublicKey` with the recipient's key pair.
 * @throws CryptoError `decrypt_failed` when the box was sealed to another key or was altered.
 * @throws TypeError when a key is not 32 bytes.
 */
export function openSealed(publicKey: Buffer, secretKey: Buffer, sealed: Buffer): Buffer {
  assertLength('publicKey', publicKey, sodium.crypto_box_PUBLICKEYBYTES);
  assertLength('secretKey', secretKey, sodium.crypto_box_SECRETKEYBYTES);
  if (sealed.length < sodium.crypto_box_SEALBYTES) throw new CryptoError('decrypt_failed');
  const data = Buffer.alloc(sealed.length - sodium.crypto_box_SEALBYTES);
  if (!sodium.crypto_box_seal_open(data, sealed, publicKey, secretKey)) {
    sodium.sodium_memzero(data);
    throw new CryptoError('decrypt_failed');
  }
  return data;
}

function assertKdfOptions(options: KdfOptions): void {
  const { opslimit, memlimit } = options;
  if (
    !Number.isSafeInteger(opslimit) ||
    !Number.isSafeInteger(memlimit) ||
    opslimit < sodium.crypto_pwhash_OPSLIMIT_MIN ||
    memlimit < sodium.crypto_pwhash_MEMLIMIT_MIN ||
    opslimit > MAX_OPSLIMIT ||
    memlimit > MAX_MEMLIMIT
  ) {
    throw new TypeError('Argon2id parameters out of range');
  }
}

/** Argon2id13 into a fresh 32-byte key, on the thread pool; zeroes its copy of the secret. */
async function deriveKey(secret: string, salt: Buffer, options: KdfOptions): Promise<Buffer> {
  const input = Buffer.from(secret, 'utf8');
  const key = Buffer.alloc(KEY_BYTES);
  try {
    await withKdfSlot(() =>
      sodium.crypto_pwhash_async(
        key,
        input,
        salt,
        options.opslimit,
        options.memlimit,
        sodium.crypto_pwhash_ALG_ARGON2ID13,
      ),
    );
  } catch (error) {
    sodium.sodium_memzero(key);
    throw error;
  } finally {
    sodium.sodium_memzero(input);
  }
  return key;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function decodePart(part: string | undefined, length: number): Buffer {
  if (part === undefined || !BASE64URL.test(part)) throw new CryptoError('invalid_format');
  const bytes = Buffer.from(part, 'base64url');
  if (bytes.length !== length) throw new CryptoError('invalid_format');
  return bytes;
}

function decodeLimit(part: string | undefined, min: number, max: number): number {
  if (part === undefined || !/^[1-9][0-9]{0,12}$/.test(part)) throw new CryptoError('invalid_format');
  const value = Number(part);
  if (value < min || value > max) throw new CryptoError('invalid_format');
  return value;
}

const WRAPPED_BYTES = sodium.crypto_box_SECRETKEYBYTES + TAG_BYTES;

function seal(kek: Buffer, secretKey: Buffer, header: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const ciphertext = Buffer.alloc(WRAPPED_BYTES);
  sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
    ciphertext,
    secretKey,
    Buffer.from(header, 'utf8'),
    null,
    nonce,
    kek,
  );
  return `${header}.${nonce.toString('base64url')}.${ciphertext.toString('base64url')}`;
}

function open(kek: Buffer, header: string, nonce: Buffer, ciphertext: Buffer): Buffer {
  const secretKey = Buffer.alloc(sodium.crypto_box_SECRETKEYBYTES);
  try {
    sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      secretKey,
      null,
      ciphertext,
      Buffer.from(header, 'utf8'),
      nonce,
      kek,
    );
  } catch {
    sodium.sodium_memzero(secretKey);
    throw new CryptoError('decrypt_failed');
  }
  return secretKey;
}

/**
 * Wraps a user's X25519 secret key under a key derived from `passphrase` (their password, or a
 * key passphrase for OIDC accounts) with Argon2id13 and a fresh salt, then XChaCha20-Poly1305.
 * Returns a self-describing ASCII record, safe to store:
 * `sk1.argon2id.<opslimit>.<memlimit>.<salt>.<nonce>.<ciphertext>` (binary parts base64url).
 * The header up to the salt is the AAD, so the parameters cannot be altered unnoticed.
 * Changing the password means unwrapping with the old one and wrapping again with the new one.
 * @param options Argon2id cost; defaults to INTERACTIVE (see docs/security.md for why).
 * @throws TypeError when the secret key is not 32 bytes, the passphrase is empty or options are out of range.
 */
export async function wrapSecretKey(
  secretKey: Buffer,
  passphrase: string,
  options: KdfOptions = KDF_INTERACTIVE,
): Promise<string> {
  assertLength('secretKey', secretKey, sodium.crypto_box_SECRETKEYBYTES);
  if (typeof passphrase !== 'string' || passphrase.length === 0) {
    throw new TypeError('passphrase must be a non-empty string');
  }
  assertKdfOptions(options);
  const salt = newSalt();
  const kek = await deriveKey(passphrase, salt, options);
  try {
    const header = `${RECORD_VERSION}.argon2id.${options.opslimit}.${options.memlimit}.${salt.toString('base64url')}`;
    return seal(kek, secretKey, header);
  } finally {
    sodium.sodium_memzero(kek);
  }
}

/**
 * Unwraps a record made by `wrapSecretKey`, with the cost recorded in it (bounded, so a planted
 * record cannot exhaust memory).
 * @throws CryptoError `decrypt_failed` for a wrong passphrase or an altered record;
 *   `invalid_format` when the record is not a passphrase record of a known version.
 */
export async function unwrapSecretKey(record: string, passphrase: string): Promise<Buffer> {
  const parts = record.split('.');
  if (parts.length !== 7 || parts[0] !== RECORD_VERSION || parts[1] !== 'argon2id') {
    throw new CryptoError('invalid_format');
  }
  const opslimit = decodeLimit(parts[2], sodium.crypto_pwhash_OPSLIMIT_MIN, MAX_OPSLIMIT);
  const memlimit = decodeLimit(parts[3], sodium.crypto_pwhash_MEMLIMIT_MIN, MAX_MEMLIMIT);
  const salt = decodePart(parts[4], SALT_BYTES);
  const nonce = decodePart(parts[5], NONCE_BYTES);
  const ciphertext = decodePart(parts[6], WRAPPED_BYTES);
  if (typeof passphrase !== 'string' || passphrase.length === 0) throw new CryptoError('decrypt_failed');
  const kek = await deriveKey(passphrase, salt, { opslimit, memlimit });
  try {
    return open(kek, parts.slice(0, 5).join('.'), nonce, ciphertext);
  } finally {
    sodium.sodium_memzero(kek);
  }
}

/**
 * Wraps a user's secret key under a recovery key (32 random bytes from `newRecoveryKey`). The
 * recovery key has full entropy, so it is used as the wrapping key directly, without Argon2.
 * Record: `sk1.recovery.<nonce>.<ciphertext>`.
 * @throws TypeError when either key is not 32 bytes.
 */
export function wrapSecretKeyWithRecoveryKey(secretKey: Buffer, recoveryKey: Buffer): string {
  assertLength('secretKey', secretKey, sodium.crypto_box_SECRETKEYBYTES);
  assertLength('recoveryKey', recoveryKey, KEY_BYTES);
  return seal(recoveryKey, secretKey, `${RECORD_VERSION}.recovery`);
}

/**
 * Unwraps a record made by `wrapSecretKeyWithRecoveryKey`.
 * @throws CryptoError `decrypt_failed` for a wrong recovery key or an altered record;
 *   `invalid_format` when the record is not a recovery record of a known version.
 * @throws TypeError when the recovery key is not 32 bytes.
 */
export function unwrapSecretKeyWithRecoveryKey(record: string, recoveryKey: Buffer): Buffer {
  assertLength('recoveryKey', recoveryKey, KEY_BYTES);
  const parts = record.split('.');
  if (parts.length !== 4 || parts[0] !== RECORD_VERSION || parts[1] !== 'recovery') {
    throw new CryptoError('invalid_format');
  }
  const nonce = decodePart(parts[2], NONCE_BYTES);
  const ciphertext = decodePart(parts[3], WRAPPED_BYTES);
  return open(recoveryKey, `${RECORD_VERSION}.recovery`, nonce, ciphertext);
}

// Crockford's base32: no I, L, O or U, so what is read aloud or copied by hand stays unambiguous.
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECOVERY_KEY_CHARS = Math.ceil((KEY_BYTES * 8) / 5);
const GROUP = 4;

/** A fresh recovery key: 32 random bytes, to be shown once with `formatRecoveryKey`. */
export function newRecoveryKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/**
 * Writes a 32-byte recovery key as 52 Crockford base32 characters in dash-separated groups of
 * four (`7K3M-…`). The string cannot be zeroed (JavaScript strings are immutable): render it once
 * and drop it.
 * @throws TypeError when the key is not 32 bytes.
 */
export function formatRecoveryKey(recoveryKey: Buffer): string {
  assertLength('recoveryKey', recoveryKey, KEY_BYTES);
  let chars = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of recoveryKey) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      chars += BASE32[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) chars += BASE32[(buffer << (5 - bits)) & 31];
  return chars.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}

/**
 * Reads a recovery key as typed by a person: case, spaces and dashes do not matter, and O, I and L
 * are read as 0, 1 and 1.
 * @throws CryptoError `invalid_format` when it is not 52 base32 characters encoding 32 bytes.
 */
export function parseRecoveryKey(text: string): Buffer {
  const chars = text
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (chars.length !== RECOVERY_KEY_CHARS) throw new CryptoError('invalid_format');
  const out = Buffer.alloc(KEY_BYTES);
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of chars) {
    const value = BASE32.indexOf(char);
    if (value < 0) throw new CryptoError('invalid_format');
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >> bits) & 0xff;
    }
  }
  // The last character carries 4 padding bits; only the canonical (zero) padding is accepted.
  if ((buffer & ((1 << bits) - 1)) !== 0) throw new CryptoError('invalid_format');
  return out;
}

/**
 * Derives the reporter's 32-byte key from their receipt (digits; spaces and dashes ignored) and a
 * per-report salt from `newSalt`, with Argon2id13 on the thread pool. Use it as a key for
 * `encrypt` / `decrypt` to hold the reporter's copy of the report key. Its strength is the
 * receipt's entropy times the Argon2 cost (see docs/security.md).
 * @param options Argon2id cost; defaults to INTERACTIVE.
 * @throws CryptoError `invalid_format` when the receipt holds anything but digits, spaces and dashes.
 * @throws TypeError when the salt is not 16 bytes or options are out of range.
 */
export async function deriveKeyFromReceipt(
  receiptDigits: string,
  salt: Buffer,
  options: KdfOptions = KDF_INTERACTIVE,
): Promise<Buffer> {
  assertLength('salt', salt, SALT_BYTES);
  assertKdfOptions(options);
  const digits = receiptDigits.replace(/[\s-]+/g, '');
  if (!/^[0-9]+$/.test(digits)) throw new CryptoError('invalid_format');
  return deriveKey(digits, salt, options);
}
