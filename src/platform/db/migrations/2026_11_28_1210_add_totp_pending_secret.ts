import type { Kysely } from 'kysely';

/**
 * A place for a TOTP secret that is being enrolled and not yet confirmed with a code, apart from
 * the confirmed one: re-enrolling must not disturb the factor in use until the new one works.
 * Sealed like `totp_secret` (src/identity/totp.crypto.ts). Never edit once landed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('totp_pending_secret', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('totp_pending_secret').execute();
}
