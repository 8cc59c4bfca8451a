import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { getOrCreateSecret } from '../platform/crypto/app-secrets.js';
import type { Db } from '../platform/db/database.js';

/**
 * TOTP secrets at rest: AES-256-GCM under a key derived from the application secret `totp`
 * (kept in `app_secrets`). A stolen backup of the users table alone then yields no second
 * factors. The user id is bound in as associated data, so a sealed secret copied onto another
 * user's row does not open.
 *
 * Persisted format (changing it needs a migration): `v1.<iv>.<ciphertext>.<tag>`, base64url parts.
 */
const VERSION = 'v1';
const keys = new WeakMap<Db, Promise<Buffer>>();

/** The key for this database's TOTP secrets (created on first use, cached per database). */
export function totpKey(db: Db): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    key = getOrCreateSecret(db, 'totp').then((secret) =>
      Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'integrity-desk totp secret v1', 32)),
    );
    // A failed read must not be cached forever.
    key.catch(() => keys.delete(db));
    keys.set(db, key);
  }
  return key;
}

/** Encrypts a TOTP secret for one user. */
export function sealTotpSecret(key: Buffer, userId: string, secret: Uint8Array): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`totp:${userId}`, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(secret), cipher.final()]);
  return [VERSION, iv, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/**
 * Decrypts a sealed TOTP secret.
 * @throws Error when the value is malformed, was sealed for another user or under another key.
 */
export function openTotpSecret(key: Buffer, userId: string, sealed: string): Buffer {
  const [version, iv, ciphertext, tag] = sealed.split('.');
  if (version !== VERSION || !iv || !ciphertext || !tag) throw new Error('malformed sealed TOTP secret');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(`totp:${userId}`, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
}
