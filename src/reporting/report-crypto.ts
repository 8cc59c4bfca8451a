import { getOrCreateSecret } from '../platform/crypto/app-secrets.js';
import {
  CryptoError,
  decrypt,
  deriveKeyFromReceipt,
  encrypt,
  newSalt,
  openSealed,
  sealToPublicKey,
} from '../platform/crypto/envelope.js';
import type { Db } from '../platform/db/database.js';
import type { UnlockedKeys } from './keys/keyring.js';
import type { Receipt } from './receipt.js';

/**
 * How a report's data is encrypted (docs/security.md, "What is encrypted with what"). Every
 * ciphertext is bound by its AAD to where it belongs, so a row copied into another report or
 * field does not decrypt. All report code encrypts and decrypts through these functions.
 */
export const reportAad = {
  content: (reportId: string) => `report:${reportId}:content`,
  identity: (reportId: string) => `report:${reportId}:identity`,
  notifyAddress: (reportId: string) => `report:${reportId}:notify`,
  reporterKey: (reportId: string) => `report:${reportId}:reporter-key`,
  message: (reportId: string, messageId: string) => `report:${reportId}:message:${messageId}`,
  minutes: (reportId: string, minutesId: string) => `report:${reportId}:minutes:${minutesId}`,
  fileMeta: (reportId: string, fileId: string) => `report:${reportId}:file:${fileId}:meta`,
  fileData: (reportId: string, fileId: string) => `report:${reportId}:file:${fileId}:data`,
} as const;

export function encryptText(key: Buffer, text: string, aad: string): Buffer {
  return encrypt(key, Buffer.from(text, 'utf8'), aad);
}

export function decryptText(key: Buffer, sealed: Buffer, aad: string): string {
  return decrypt(key, sealed, aad).toString('utf8');
}

export function encryptJson(key: Buffer, value: unknown, aad: string): Buffer {
  return encrypt(key, Buffer.from(JSON.stringify(value), 'utf8'), aad);
}

export function decryptJson<T>(key: Buffer, sealed: Buffer, aad: string): T {
  return JSON.parse(decrypt(key, sealed, aad).toString('utf8')) as T;
}

/** The report key sealed to a recipient's public key (a `report_key_seals.sealed_key`). */
export function sealReportKey(publicKey: Buffer, reportKey: Buffer): Buffer {
  return sealToPublicKey(publicKey, reportKey);
}

/** Opens a recipient's sealed copy with their unlocked keys. @throws CryptoError */
export function openReportKey(keys: UnlockedKeys, sealedKey: Buffer): Buffer {
  return openSealed(keys.publicKey, keys.secretKey, sealedKey);
}

/** The installation-wide salt of receipt lookups (16 bytes, from an application secret). */
async function lookupSalt(db: Db): Promise<Buffer> {
  const secret = await getOrCreateSecret(db, 'receipt-lookup-salt');
  return Buffer.from(secret, 'base64url').subarray(0, 16);
}

/**
 * The lookup value of a receipt: Argon2id under the installation's salt (deterministic, so the
 * report can be found by it), base64url. Off the event loop. Stored in `reports.receipt_lookup`.
 */
export async function receiptLookup(db: Db, receipt: Receipt): Promise<string> {
  const key = await deriveKeyFromReceipt(receipt, await lookupSalt(db));
  return key.toString('base64url');
}

/** What is stored so that the holder of `receipt` can open the report key. */
export interface ReporterCredentials {
  readonly receiptLookup: string;
  readonly receiptSalt: Buffer;
  readonly reporterKey: Buffer;
}

/** Computes the stored credentials of a receipt for a report (two Argon2id, off the event loop). */
export async function reporterCredentials(
  db: Db,
  reportId: string,
  receipt: Receipt,
  reportKey: Buffer,
): Promise<ReporterCredentials> {
  const receiptSalt = newSalt();
  const [lookup, receiptKey] = await Promise.all([
    receiptLookup(db, receipt),
    deriveKeyFromReceipt(receipt, receiptSalt),
  ]);
  return {
    receiptLookup: lookup,
    receiptSalt,
    reporterKey: encrypt(receiptKey, reportKey, reportAad.reporterKey(reportId)),
  };
}

const DUMMY_SALT = Buffer.alloc(16, 7);

/**
 * Opens the report key with a receipt, or returns null. A receipt that matches no report costs
 * the same two Argon2id computations as one that does, so time tells nothing about which
 * receipts exist.
 */
export async function openWithReceipt(
  db: Db,
  receipt: Receipt,
): Promise<{ readonly reportId: string; readonly reportKey: Buffer } | null> {
  const lookup = await receiptLookup(db, receipt);
  const row = await db
    .selectFrom('reports')
    .select(['id', 'receipt_salt', 'reporter_key'])
    .where('receipt_lookup', '=', lookup)
    .executeTakeFirst();
  if (!row?.receipt_salt || !row.reporter_key) {
    await deriveKeyFromReceipt(receipt, DUMMY_SALT);
    return null;
  }
  const receiptKey = await deriveKeyFromReceipt(receipt, row.receipt_salt);
  try {
    return {
      reportId: row.id,
      reportKey: decrypt(receiptKey, row.reporter_key, reportAad.reporterKey(row.id)),
    };
  } catch (error) {
    if (error instanceof CryptoError) return null;
    throw error;
  }
}
