import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type OpenDatabase, openDatabase } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The migrated PGlite template that `prepare.ts` writes before the tests run. */
export const templatePath = path.join(root, '.test-tmp/pglite-template.tar');

/**
 * A fresh, migrated database for one test file.
 * - With `TEST_DATABASE_URL` (CI's PostgreSQL run): a new database on that server, dropped at close.
 * - Otherwise: an in-memory PGlite loaded from the migrated template (about a second).
 * Tests stay independent by their data (random names), not by a database per test.
 */
export async function openTestDatabase(): Promise<OpenDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) return openPostgresTestDatabase(serverUrl);
  if (!existsSync(templatePath)) {
    const database = await openDatabase({});
    await migrateToLatest(database.db);
    return database;
  }
  const blob = new Blob([readFileSync(templatePath)]);
  const database = await openDatabase({ loadDataDir: blob });
  // The template may predate a migration added since; applying pending ones is cheap.
  await migrateToLatest(database.db);
  return database;
}

async function openPostgresTestDatabase(serverUrl: string): Promise<OpenDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await migrateToLatest(database.db);
  const opened: OpenDatabase = {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
  postgresTestUrls.set(opened, url.toString());
  return opened;
}

const postgresTestUrls = new WeakMap<OpenDatabase, string>();

/**
 * PostgreSQL only: another pool (with its own LISTEN connection) on the same test database, as a
 * second app instance would open it. Close it before the first; it drops nothing.
 */
export async function openAnotherConnection(database: OpenDatabase): Promise<OpenDatabase> {
  const url = postgresTestUrls.get(database);
  if (!url) throw new Error('openAnotherConnection needs a PostgreSQL test database (TEST_DATABASE_URL)');
  return openDatabase({ databaseUrl: url, poolSize: 5 });
}

/** A unique suffix for test data (user names, e-mail addresses). */
export function unique(prefix = 'u'): string {
  return `${prefix}${randomBytes(5).toString('hex')}`;
}
