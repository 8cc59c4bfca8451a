import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

/** An open database with what is needed to close it. */
export interface OpenDatabase {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** The PGlite instance in embedded mode (for LISTEN/NOTIFY in-process and test dumps). */
  readonly pglite: PGlite | undefined;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; when absent an embedded PGlite is used. */
  readonly databaseUrl?: string | undefined;
  /** Folder of the embedded database (`<dataDir>/pgdata`); `undefined` keeps it in memory. */
  readonly dataDir?: string | undefined;
  /** A dump to start an embedded database from (tests load a migrated template this way). */
  readonly loadDataDir?: Blob | undefined;
  /** Largest number of pooled connections to PostgreSQL. */
  readonly poolSize?: number;
}

// Bigint columns (audit ids, counts) come back as strings rather than lose precision.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);

/**
 * Opens PostgreSQL when a URL is given, otherwise the embedded PGlite in `dataDir`.
 * Both speak the same SQL; migrations are applied separately (see migrate.ts).
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenDatabase> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle client that errors (server restart) must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', pglite: undefined, close: () => db.destroy() };
  }
  let dataDir: string | undefined;
  if (options.dataDir) {
    dataDir = path.join(options.dataDir, 'pgdata');
    await fs.mkdir(dataDir, { recursive: true });
  }
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers: { 20: (v: string) => v },
    // PGlite's default 128 MB of shared buffers is sized for a server; one embedded process with
    // a modest data set does as well with 16 MB and stays far below the memory target.
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'],
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    pglite,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
