/**
 * Receipts: the 16-digit code a reporter gets once and that is the only key to their report.
 * Generation, display and tolerant parsing only; hashing and lookup live elsewhere.
 */
import { randomInt } from 'node:crypto';

/** Number of decimal digits in a receipt (10^16 possible codes, about 53 bits). */
export const RECEIPT_DIGITS = 16;

/** A canonical receipt: exactly 16 ASCII digits, leading zeros allowed. */
export type Receipt = string & { readonly __brand: 'Receipt' };

/** Longest input {@link parseReceipt} looks at; anything longer cannot be a receipt typed by a person. */
const MAX_INPUT_LENGTH = 64;

// Separators people type or paste between groups: space, no-break spaces, dot, hyphen and the dashes
// word processors substitute for it. Anything else (letters, other digits scripts) is refused.
const SEPARATORS = /[ \u00a0\u202f.\-\u2010\u2011\u2012\u2013]/g;
const CANONICAL = /^[0-9]{16}$/;

/**
 * A fresh receipt: every digit drawn independently and uniformly from the OS CSPRNG
 * (`crypto.randomInt` rejects out-of-range draws, so there is no modulo bias). No prefix, date,
 * checksum or counter: the first digit is as unpredictable as the last, and `0` may lead.
 */
export function generateReceipt(): Receipt {
  let digits = '';
  for (let i = 0; i < RECEIPT_DIGITS; i++) digits += String(randomInt(10));
  return digits as Receipt;
}

/** Displays a receipt in groups of four: `1234 5678 9012 3456`. */
export function formatReceipt(receipt: Receipt): string {
  return receipt.match(/.{1,4}/g)?.join(' ') ?? receipt;
}

/**
 * Reads a receipt as a person typed or pasted it. Surrounding whitespace is ignored, and so are
 * spaces, dots and dashes anywhere between the digits; exactly 16 ASCII digits must remain.
 * Returns null for anything else (other characters, other digit scripts, wrong length, non-strings,
 * over-long input); never throws.
 */
export function parseReceipt(input: unknown): Receipt | null {
  if (typeof input !== 'string' || input.length > MAX_INPUT_LENGTH) return null;
  const digits = input.trim().replace(SEPARATORS, '');
  return CANONICAL.test(digits) ? (digits as Receipt) : null;
}
