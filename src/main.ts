import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { startInboundSmtp } from './contact/email/inbound-smtp.js';
import { createContactRetentionJob } from './contact/retention.js';
import { deleteExpiredSessions } from './identity/session.repository.js';
import { countUsers } from './identity/user.repository.js';
import { systemClock } from './platform/clock.js';
import { randomToken } from './platform/crypto/tokens.js';
import { openDatabase } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { createJobRunner } from './platform/jobs/runner.js';
import { loggerOptions } from './platform/logger.js';
import { onMailDue } from './platform/mail/outbox.js';
import { createMailJob, createSmtpTransport, MAIL_JOB } from './platform/mail/outbox-worker.js';
import { sweepOrphanFiles } from './reporting/report-files.js';

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

  const jobs = startJobs(config, database, app);
  // Citizens' e-mail replies to 1700 (src/contact/email/inbound-smtp.ts): only when configured.
  const inbound = config.contact.inboundSmtp
    ? await startInboundSmtp({
        db: database.db,
        config,
        clock: systemClock,
        logger: app.log.child({ component: 'inbound-smtp' }),
      })
    : undefined;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    clearInterval(sweep);
    await jobs.stop();
    await inbound?.close();
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

/**
 * The background jobs of a server process (tests build the app without them): the outbox worker
 * every 5 s and whenever mail is enqueued or retried, and a daily sweep of orphan upload files
 * (also at start, after a crash is when they appear), and the contact channel's retention
 * (hourly and at start, src/contact/retention.ts).
 */
function startJobs(
  config: Config,
  database: Awaited<ReturnType<typeof openDatabase>>,
  app: FastifyInstance,
): { stop(): Promise<void> } {
  const logger = app.log.child({ component: 'jobs' });
  const transport = config.smtpUrl ? createSmtpTransport(config.smtpUrl, config.mailFrom) : undefined;
  const runner = createJobRunner({
    logger,
    // Long enough for the enqueuing transaction to commit, short enough to feel immediate.
    wakeDelayMs: 250,
    jobs: [
      createMailJob({ db: database.db, transport, clock: systemClock, logger }),
      createContactRetentionJob({ db: database.db, config, clock: systemClock, logger }),
      {
        name: 'upload-sweep',
        intervalMs: 24 * 60 * 60_000,
        runAtStart: true,
        async run() {
          const deleted = await sweepOrphanFiles(database.db, config.reporting.uploadDir, systemClock.now());
          logger.info({ deleted }, 'orphan upload files swept');
        },
      },
    ],
  });
  const removeHook = onMailDue(() => runner.wake(MAIL_JOB));
  runner.start();
  return {
    async stop() {
      removeHook();
      await runner.stop();
      transport?.close();
    },
  };
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
