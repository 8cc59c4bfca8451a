import { createHmac, randomBytes } from 'node:crypto';
import { safeEqual } from '../platform/crypto/tokens.js';

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP) with node:crypto, plus the
 * base32 encoding (RFC 4648) authenticator apps use for secrets. Pure: the caller passes the time.
 *
 * The parameters are the ones every authenticator app supports: HMAC-SHA-1, 6 digits, 30-second
 * steps. A code is accepted in the step before, at or after now (clock drift), and never for a
 * step at or before the last one accepted (a code cannot be used twice).
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted on either side of the current one. */
export const TOTP_WINDOW = 1;
/** 160 bits, the HMAC-SHA-1 block-friendly size RFC 4226 recommends. */
export const TOTP_SECRET_BYTES = 20;

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding (as in otpauth:// URIs). */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes base32, tolerating lowercase, spaces, dashes and `=` padding (as people type it).
 * @throws RangeError on any other character.
 */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = BASE32_ALPHABET.indexOf(char);
    if (value < 0) throw new RangeError('invalid base32 character');
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 255);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  return Buffer.from(out);
}

/** A new random TOTP secret. */
export function generateTotpSecret(): Buffer {
  return randomBytes(TOTP_SECRET_BYTES);
}

export interface OtpOptions {
  readonly digits?: number;
  readonly algorithm?: 'sha1' | 'sha256' | 'sha512';
}

/** RFC 4226 HOTP: the code for one counter value, zero-padded to `digits`. */
export function hotp(secret: Uint8Array, counter: number, options: OtpOptions = {}): string {
  const digits = options.digits ?? TOTP_DIGITS;
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(options.algorithm ?? 'sha1', secret)
    .update(message)
    .digest();
  // Dynamic truncation (RFC 4226 §5.3).
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return binary.toString().padStart(digits, '0');
}

/** The TOTP time step that contains `nowMs`. */
export function totpStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
}

/** The TOTP code at `nowMs`. */
export function totpCode(secret: Uint8Array, nowMs: number, options: OtpOptions = {}): string {
  return hotp(secret, totpStep(nowMs), options);
}

/**
 * Finds the time step a submitted code belongs to, within the window around `nowMs`, skipping
 * every step at or before `lastStep` (already used). Returns the step, or null when the code is
 * wrong, too old, or reused. Every candidate is compared, so the time taken does not tell which.
 */
export function matchTotpStep(
  secret: Uint8Array,
  code: string,
  nowMs: number,
  lastStep: number | null,
): number | null {
  const submitted = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(submitted)) return null;
  const current = totpStep(nowMs);
  let matched: number | null = null;
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step += 1) {
    const fresh = lastStep === null || step > lastStep;
    if (safeEqual(hotp(secret, step), submitted) && fresh && matched === null) matched = step;
  }
  return matched;
}

/** The `otpauth://` URI an authenticator app reads from the QR code (Key Uri Format). */
export function totpUri(input: {
  readonly secret: Uint8Array;
  readonly issuer: string;
  readonly account: string;
}): string {
  const label = `${encodeURIComponent(input.issuer)}:${encodeURIComponent(input.account)}`;
  // encodeURIComponent rather than URLSearchParams: some apps show a `+` for a space literally.
  const query = [
    `secret=${base32Encode(input.secret)}`,
    `issuer=${encodeURIComponent(input.issuer)}`,
    'algorithm=SHA1',
    `digits=${TOTP_DIGITS}`,
    `period=${TOTP_PERIOD_SECONDS}`,
  ].join('&');
  return `otpauth://totp/${label}?${query}`;
}

/** The base32 secret in groups of four, for typing it into an app by hand. */
export function groupSecret(base32: string): string {
  return base32.replace(/(.{4})(?=.)/g, '$1 ');
}
