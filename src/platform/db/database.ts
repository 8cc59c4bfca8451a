import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
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
  /**
   * Listens to a PostgreSQL notification channel (`LISTEN`): on a server through one dedicated
   * connection shared by every listener of this process, reconnecting after a failure (`resync`
   * is then called, since notifications sent meanwhile are lost); in embedded mode PGlite delivers
   * them in-process. Notifications are sent with {@link notify} inside a transaction and arrive
   * only if and after it commits. Resolves once listening; the result stops listening.
   */
  listen(
    channel: string,
    handler: (payload: string) => void,
    resync?: () => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * Sends a notification on `channel` (≤ 7,900 bytes of payload) as part of `db`'s transaction:
 * listeners in every process hear it after the commit, and never if it rolls back.
 */
export async function notify(db: Kysely<Database>, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
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
    const listener = new PgListener(options.databaseUrl);
    return {
      db,
      kind: 'postgres',
      pglite: undefined,
      listen: (channel, handler, resync) => listener.listen(channel, handler, resync),
      close: async () => {
        await listener.close();
        await db.destroy();
      },
    };
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
    async listen(channel, handler) {
      const unlisten = await pglite.listen(channel, handler);
      return async () => {
        if (!pglite.closed) await unlisten();
      };
    },
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

interface Subscription {
  readonly channel: string;
  readonly handler: (payload: string) => void;
  readonly resync: (() => void) | undefined;
}

/**
 * One `LISTEN` connection to PostgreSQL for the whole process (a pooled connection cannot listen:
 * it is handed to other queries). Connects on the first listener; after an error it reconnects
 * with a growing delay (0.5 s … 10 s), listens again and asks every listener to resync.
 */
class PgListener {
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;
  private retryDelayMs = 500;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(private readonly connectionString: string) {}

  async listen(
    channel: string,
    handler: (payload: string) => void,
    resync?: () => void,
  ): Promise<() => Promise<void>> {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new TypeError(`bad channel name: ${channel}`);
    const subscription: Subscription = { channel, handler, resync };
    const client = await this.connect();
    const already = [...this.subscriptions].some((s) => s.channel === channel);
    this.subscriptions.add(subscription);
    if (!already) await client.query(`LISTEN ${channel}`);
    return async () => {
      this.subscriptions.delete(subscription);
      const still = [...this.subscriptions].some((s) => s.channel === channel);
      if (!still && this.client) await this.client.query(`UNLISTEN ${channel}`).catch(() => {});
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.subscriptions.clear();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.connectionString });
      client.on('notification', (message) => {
        for (const s of this.subscriptions) {
          if (s.channel === message.channel) s.handler(message.payload ?? '');
        }
      });
      client.on('error', () => this.lost(client));
      client.on('end', () => this.lost(client));
      try {
        await client.connect();
      } finally {
        this.connecting = undefined;
      }
      this.client = client;
      return client;
    })();
    return this.connecting;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => {});
    if (!this.closed) this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(async () => {
      if (this.closed || this.subscriptions.size === 0) return;
      try {
        const client = await this.connect();
        for (const channel of new Set([...this.subscriptions].map((s) => s.channel))) {
          await client.query(`LISTEN ${channel}`);
        }
        this.retryDelayMs = 500;
        for (const s of this.subscriptions) s.resync?.();
      } catch {
        this.retryDelayMs = Math.min(this.retryDelayMs * 2, 10_000);
        this.scheduleReconnect();
      }
    }, this.retryDelayMs);
    this.retryTimer.unref();
  }
}
