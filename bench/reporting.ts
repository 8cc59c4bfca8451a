// Reporting benchmark (issue 3): (a) 4 concurrent submitters sending reports with a 1 MB file
// while a fifth client measures /health — its p99 under that load against its p99 idle, in the
// same run (hashing and encryption must stay off the event loop); (b) the p95 time of the
// handler's inbox page with 10,000 reports, against /health in the same run. The real server
// (dist/server.js, as `npm start` runs it) on PGlite in a child process. A report, not a test.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import {
  generateKeyPair,
  newRecoveryKey,
  wrapSecretKey,
  wrapSecretKeyWithRecoveryKey,
} from '../src/platform/crypto/envelope.js';
import { randomToken } from '../src/platform/crypto/tokens.js';
import { openDatabase } from '../src/platform/db/database.js';
import { type ChildServer, freePort, plantSession, printTable, spawnServer } from './lib.js';
import { BENCH_QUESTIONS, submitReport } from './report-submitter.js';

export const targets = {
  healthP99UnderLoadRatio: 3,
  inboxP95Ms: 100,
} as const;

const INBOX_REPORTS = 10_000;

export interface ReportingBenchOptions {
  /** Seconds of submission load. */
  readonly seconds: number;
}

/** Latencies of `count` sequential GETs (one connection, like one person), in ms. */
async function timeSequential(
  url: string,
  count: number,
  headers: Record<string, string> = {},
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers, redirect: 'manual' });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Polls /health until `stop` resolves; returns the latencies. */
async function probeHealth(url: string, stop: Promise<unknown>): Promise<number[]> {
  let done = false;
  void stop.then(() => {
    done = true;
  });
  const times: number[] = [];
  while (!done) {
    const started = performance.now();
    const response = await fetch(`${url}/health`);
    await response.arrayBuffer();
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return times;
}

/**
 * Prepares a data folder: one handler with an active session (inserted directly: the inbox
 * shows clear metadata only, so no keys are needed), one channel, and `count` reports with
 * filler bytes where ciphertext would be (the inbox decrypts nothing), spread over the last year.
 */
async function seedInbox(dataDir: string, count: number): Promise<{ cookie: string; channelSlug: string }> {
  const database = await openDatabase({ dataDir });
  const { db } = database;
  try {
    const user = await db
      .insertInto('users')
      .values({
        username: `bench-${randomToken(4).toLowerCase()}`.replace(/[^a-z0-9-]/g, 'x'),
        email: `${randomToken(6)}@example.invalid`,
        name: 'Bench Handler',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('user_roles').values({ user_id: user.id, role: 'handler' }).execute();
    const slug = 'bench-inbox';
    const channel = await db
      .insertInto('report_channels')
      .values({ slug, name_nl: 'Benchkanaal', name_en: 'Bench channel', audience: 'everyone' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('report_channel_recipients')
      .values({ channel_id: channel.id, user_id: user.id })
      .execute();
    await db
      .insertInto('questionnaire_versions')
      .values({ channel_id: channel.id, version: 1, questions: JSON.stringify(BENCH_QUESTIONS) })
      .execute();
    // A key pair, so that submitted reports can be sealed to this handler.
    const pair = generateKeyPair();
    await db
      .insertInto('user_keys')
      .values({
        user_id: user.id,
        public_key: pair.publicKey,
        wrapped_secret_key: await wrapSecretKey(pair.secretKey, 'bench handler password'),
        wrapped_with: 'password',
        recovery_wrapped_key: wrapSecretKeyWithRecoveryKey(pair.secretKey, newRecoveryKey()),
      })
      .execute();
    await sql`
      insert into reports (reference, channel_id, identity_mode, source, status, received_at,
        acknowledgement_due_at, feedback_due_at, last_activity_at, content, acknowledged_at)
      select 'B-' || lpad(g::text, 6, '0'), ${channel.id}, 'anonymous', 'online',
        case when g % 3 = 0 then 'acknowledged' else 'received' end,
        now() - (g || ' minutes')::interval * 50,
        now() - (g || ' minutes')::interval * 50 + interval '7 days',
        now() - (g || ' minutes')::interval * 50 + interval '3 months 7 days',
        now() - (g || ' minutes')::interval * 50,
        '\\x00'::bytea,
        case when g % 3 = 0 then now() - (g || ' minutes')::interval * 40 end
      from generate_series(1, ${count}) g`.execute(db);
    const cookie = await plantSession(db, user.id);
    return { cookie, channelSlug: slug };
  } finally {
    await database.close();
  }
}

/** Runs the reporting benchmark and prints its tables. */
export async function benchReporting(options: ReportingBenchOptions): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'integrity-bench-reporting-'));
  let server: ChildServer | undefined;
  try {
    const port = await freePort();
    const env = {
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      COOKIE_SECURE: 'false',
      DEMO: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      // The benchmark is the only client: lift the flood ceilings so that they don't measure themselves.
      REPORT_SUBMISSIONS_PER_MINUTE: '10000',
      REPORT_SUBMISSIONS_PER_CLIENT_PER_HOUR: '100000',
    };
    const app = { script: 'dist/server.js', env, port, readyPath: '/health' };
    console.log('\nReporting: creating the data folder…');
    await (await spawnServer(app)).stop();
    console.log(`Reporting: seeding ${INBOX_REPORTS.toLocaleString('en')} reports for the inbox…`);
    const { cookie, channelSlug } = await seedInbox(dataDir, INBOX_REPORTS);
    server = await spawnServer(app);
    const base = server.url;

    // (b) The inbox with 10,000 reports, one person clicking, against /health in the same run.
    const headers = { cookie: `sid=${cookie}` };
    await timeSequential(`${base}/handling`, 10, headers);
    const inbox = await timeSequential(`${base}/handling`, 200, headers);
    const inboxSorted = await timeSequential(`${base}/handling?sort=feedback_due&page=20`, 100, headers);
    const healthIdle = await timeSequential(`${base}/health`, 300);

    // (a) 4 submitters with a 1 MB file for `seconds`, a fifth client probing /health.
    const file = Buffer.alloc(1024 * 1024);
    file.write('%PDF-1.4\n', 0);
    for (let i = 9; i < file.length; i++) file[i] = 32 + (i % 90);
    const deadline = Date.now() + options.seconds * 1000;
    let submitted = 0;
    let failed = 0;
    const submitters = Array.from({ length: 4 }, async () => {
      while (Date.now() < deadline) {
        try {
          await submitReport(base, channelSlug, file);
          submitted++;
        } catch (error) {
          failed++;
          if (failed <= 3) console.error('submission failed:', (error as Error).message);
        }
      }
    });
    const all = Promise.all(submitters);
    const healthLoaded = await probeHealth(base, all);
    await all;

    const idleP99 = percentile(healthIdle, 99);
    const loadedP99 = percentile(healthLoaded, 99);
    const ratio = loadedP99 / idleP99;
    const inboxP95 = percentile(inbox, 95);
    const healthP95 = percentile(healthIdle, 95);
    printTable(
      `Reporting (PGlite, ${INBOX_REPORTS.toLocaleString('en')} reports in the inbox; ${options.seconds} s of submissions)`,
      ['measure', 'value'],
      [
        [
          'reports submitted (4 clients, 1 MB file each)',
          `${submitted} (${(submitted / options.seconds).toFixed(2)}/s), ${failed} failed`,
        ],
        ['/health p99 idle', `${idleP99.toFixed(1)} ms`],
        ['/health p99 during submissions', `${loadedP99.toFixed(1)} ms (${healthLoaded.length} probes)`],
        ['inbox p50 / p95 (first page)', `${percentile(inbox, 50).toFixed(1)} / ${inboxP95.toFixed(1)} ms`],
        ['inbox p95 (sorted by feedback due, page 20)', `${percentile(inboxSorted, 95).toFixed(1)} ms`],
        ['/health p95 idle (baseline)', `${healthP95.toFixed(1)} ms`],
      ],
    );
    const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
    printTable(
      'Targets',
      ['measure', 'measured', 'target', 'result'],
      [
        [
          '/health p99 under submissions vs idle',
          `${ratio.toFixed(2)}×`,
          `<= ${targets.healthP99UnderLoadRatio}×`,
          verdict(ratio <= targets.healthP99UnderLoadRatio),
        ],
        [
          'inbox p95 with 10,000 reports',
          `${inboxP95.toFixed(1)} ms (${(inboxP95 / healthP95).toFixed(1)}× /health)`,
          `< ${targets.inboxP95Ms} ms`,
          verdict(inboxP95 < targets.inboxP95Ms),
        ],
      ],
    );
  } finally {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
