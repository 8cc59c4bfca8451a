import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { deleteExpiredSessions } from './identity/session.repository.js';
import { countUsers } from './identity/user.repository.js';
import { systemClock } from './platform/clock.js';
import { randomToken } from './platform/crypto/tokens.js';
import { openDatabase } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { loggerOptions } from './platform/logger.js';

/**
 * Composition root: configuration → database → migrations → app → listen, and a graceful stop.
 * `beforeListen` lets `npm run demo` fill the database first.
 */
export async function start(
  config: Config,
  beforeListen?: (deps: { database: Awaited<ReturnType<typeof openDatabase>> }) => Promise<void>,
): Promise<FastifyInstance> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(database.db);
  if (beforeListen) await beforeListen({ database });
  const needsSetup = (await countUsers(database.db)) === 0;
  const setupToken = needsSetup ? randomToken(18) : undefined;
  const app = await buildApp({
    config,
    database,
    clock: systemClock,
    logger: loggerOptions(config),
    ...(setupToken ? { setupToken } : {}),
  });

  // Expired sessions are refused when presented anyway; this only keeps the table small.
  const sweep = setInterval(() => {
    const now = systemClock.now();
    const idleCutoff = new Date(now.getTime() - config.session.idleMinutes * 60_000);
    deleteExpiredSessions(database.db, now, idleCutoff).catch((error: unknown) =>
      app.log.warn({ err: error }, 'could not delete expired sessions'),
    );
  }, 15 * 60_000);
  sweep.unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    clearInterval(sweep);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const address = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  app.log.info(
    `Integrity Desk is running at ${address} (${database.kind}${database.kind === 'pglite' ? ` in ${config.dataDir}` : ''})`,
  );
  if (setupToken) {
    app.log.info(
      `First run: open ${config.publicUrl}/setup and enter this one-time setup code: ${setupToken}`,
    );
  }
  return app;
}

/** Loads the configuration, or prints every problem and exits. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
