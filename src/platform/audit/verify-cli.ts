import { loadConfig } from '../../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { verifyAuditChain } from './audit.js';

/**
 * `npm run audit:verify`: checks the audit log's hash chain in the configured database
 * (`DATA_DIR` or `DATABASE_URL`, as the server). Exit 0 when intact, 1 naming the first broken row.
 */
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrateToLatest(database.db);
  const verdict = await verifyAuditChain(database.db);
  if (verdict.ok) {
    console.log(`Audit log intact: ${verdict.count} events verified.`);
  } else {
    const what =
      verdict.reason === 'link' ? 'does not link to the row before it' : 'does not match its content';
    console.error(
      `Audit log BROKEN at event id ${verdict.brokenId}: the row ${what}. ${verdict.count} events before it are intact.`,
    );
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
