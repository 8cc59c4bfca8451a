// Migrates an in-memory PGlite once and dumps it, so each test file starts from a copy in about a
// second instead of initialising and migrating a database itself (about six seconds).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { templatePath } from './database.js';

if (!process.env.TEST_DATABASE_URL) {
  const database = await openDatabase({});
  await migrateToLatest(database.db);
  const dump = await database.pglite!.dumpDataDir('none');
  mkdirSync(path.dirname(templatePath), { recursive: true });
  writeFileSync(templatePath, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}
