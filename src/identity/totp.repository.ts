import { sql } from 'kysely';
import type { Db } from '../platform/db/database.js';

/** A user's second-factor columns (secrets still sealed). */
export interface TotpState {
  readonly secret: string | null;
  readonly pendingSecret: string | null;
  readonly enabledAt: Date | null;
  readonly lastStep: number | null;
}

export async function findTotpState(db: Db, userId: string): Promise<TotpState | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['totp_secret', 'totp_pending_secret', 'totp_enabled_at', 'totp_last_step'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    secret: row.totp_secret,
    pendingSecret: row.totp_pending_secret,
    enabledAt: row.totp_enabled_at,
    lastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
  };
}

/**
 * Stores a secret being enrolled unless one is already pending; returns the pending one, so a
 * reload (or two tabs) keeps showing the QR code the person may already have scanned.
 */
export async function ensurePendingTotpSecret(db: Db, userId: string, sealed: string): Promise<string> {
  const row = await db
    .updateTable('users')
    .set({ totp_pending_secret: sql<string>`coalesce(totp_pending_secret, ${sealed})` })
    .where('id', '=', userId)
    .returning('totp_pending_secret')
    .executeTakeFirstOrThrow();
  return row.totp_pending_secret ?? sealed;
}

/**
 * Makes the pending secret the confirmed one, recording the step its confirming code used.
 * Only if the pending secret is still the one that was checked (a second tab may have replaced it).
 */
export async function confirmPendingTotpSecret(
  db: Db,
  userId: string,
  pendingSealed: string,
  step: number,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({
      totp_secret: pendingSealed,
      totp_pending_secret: null,
      totp_enabled_at: now,
      totp_last_step: step,
      updated_at: now,
    })
    .where('id', '=', userId)
    .where('totp_pending_secret', '=', pendingSealed)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Records `step` as used, if it is later than the last one used. Returns false when another
 * request got there first: the same code is never accepted twice, even at the same instant.
 */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', String(step))]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
