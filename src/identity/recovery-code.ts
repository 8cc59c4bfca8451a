import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../platform/crypto/tokens.js';
import { base32Encode } from './totp.js';

/**
 * Recovery codes: one-time substitutes for the TOTP code when the phone is lost. Shown once at
 * enrolment; only their SHA-256 is stored (50 random bits each, so a hash is enough and a slow
 * hash would buy nothing).
 */
export const RECOVERY_CODE_COUNT = 10;
const CODE_CHARS = 10;

/** `count` new codes, written `xxxxx-xxxxx` in lowercase base32. */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const raw = base32Encode(randomBytes(7)).slice(0, CODE_CHARS).toLowerCase();
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

/**
 * The canonical form of a typed recovery code (lowercase, no spaces or dashes), or null when it
 * cannot be one.
 */
export function normalizeRecoveryCode(input: string): string | null {
  const clean = input.toLowerCase().replace(/[\s-]/g, '');
  return /^[a-z2-7]{10}$/.test(clean) ? clean : null;
}

/** What is stored for a code: the SHA-256 of its canonical form. */
export function hashRecoveryCode(code: string): string {
  return sha256Hex(normalizeRecoveryCode(code) ?? code);
}
