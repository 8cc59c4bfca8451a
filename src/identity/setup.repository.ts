import { sql, type Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/** Serialises first-run setups across connections and app instances (any constant unique in the app). */
const SETUP_LOCK_KEY = 727_201;

/**
 * Takes the setup lock for the rest of the transaction and returns the number of users then, so
 * two setups submitted at the same moment cannot both create an admin.
 */
export async function lockAndCountUsers(trx: Transaction<Database>): Promise<number> {
  await sql`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`.execute(trx);
  const row = await trx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
