import sodium from 'sodium-native';
import { withKdfSlot } from './kdf-slots.js';

/**
 * Argon2id hashing through libsodium, computed on libuv's thread pool so the event loop stays free,
 * and never on every core at once (kdf-slots.ts).
 * The parameters are libsodium's "interactive" set (64 MiB, 2 passes): right for logins and
 * receipts that a person waits for. The hash string records its own parameters.
 */
const OPSLIMIT = sodium.crypto_pwhash_OPSLIMIT_INTERACTIVE;
const MEMLIMIT = sodium.crypto_pwhash_MEMLIMIT_INTERACTIVE;

/** Hashes a secret into an `$argon2id$…` string. */
export async function hashSecret(secret: string): Promise<string> {
  const out = Buffer.alloc(sodium.crypto_pwhash_STRBYTES);
  const input = Buffer.from(secret, 'utf8');
  try {
    await withKdfSlot(() => sodium.crypto_pwhash_str_async(out, input, OPSLIMIT, MEMLIMIT));
  } finally {
    sodium.sodium_memzero(input);
  }
  return out.toString('utf8').replace(/\0+$/, '');
}

/** Whether `secret` matches `hash`. Takes the same time for a wrong secret as for a right one. */
export async function verifySecret(hash: string, secret: string): Promise<boolean> {
  const stored = Buffer.alloc(sodium.crypto_pwhash_STRBYTES);
  stored.write(hash, 'utf8');
  const input = Buffer.from(secret, 'utf8');
  if (input.length === 0) return false;
  try {
    return await withKdfSlot(() => sodium.crypto_pwhash_str_verify_async(stored, input));
  } catch {
    // libsodium rejects (rather than answers false) when the hash string is malformed.
    return false;
  } finally {
    sodium.sodium_memzero(input);
  }
}

let dummyHash: Promise<string> | undefined;
/**
 * Spends the same work as a real verification, for an account that does not exist, so that a
 * wrong user name cannot be told from a wrong password by the time the answer takes.
 */
export async function verifyAgainstDummy(secret: string): Promise<false> {
  dummyHash ??= hashSecret('integrity-desk-dummy-password');
  await verifySecret(await dummyHash, secret || 'x');
  return false;
}
