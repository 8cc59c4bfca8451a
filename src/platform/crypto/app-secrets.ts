import type { Db } from '../db/database.js';
import { randomToken } from './tokens.js';

/**
 * Returns the named application secret, creating it on first use. Secrets live in the database
 * so that every app instance sharing it agrees on them.
 */
export async function getOrCreateSecret(db: Db, name: string): Promise<string> {
  await db
    .insertInto('app_secrets')
    .values({ name, value: randomToken(32) })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('app_secrets')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.value;
}
