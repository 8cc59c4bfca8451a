import { type Kysely, type MigrationResultSet, Migrator, sql } from 'kysely';
import { migrations } from './migrations/index.js';

/**
 * Applies every pending migration from the static list, in one run.
 * When every migration is already recorded it returns at once, without the migrator's locking
 * and table checks: that keeps the usual restart fast.
 * @throws the migration's own error when one fails; nothing after it is applied.
 */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema.
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  if (await isUpToDate(db)) return { results: [] };
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}

// biome-ignore lint/suspicious/noExplicitAny: reads Kysely's own bookkeeping table.
async function isUpToDate(db: Kysely<any>): Promise<boolean> {
  const exists = await sql<{
    found: boolean;
  }>`select to_regclass('kysely_migration') is not null as found`.execute(db);
  if (exists.rows[0]?.found !== true) return false;
  const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const names = new Set(applied.rows.map((row) => row.name));
  return Object.keys(migrations).every((name) => names.has(name));
}
