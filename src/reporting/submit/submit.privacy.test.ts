import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { openTestDatabase } from '../../../test/helpers/database.js';
import { dumpAllTables, markerSpellingsIn, readFolder } from '../../../test/helpers/marker-scan.js';
import {
  createChannelForTest,
  createRecipientForTest,
  type TestChannel,
} from '../../../test/helpers/reporting.js';
import { buildApp } from '../../app.js';
import { type Config, loadConfig } from '../../config.js';
import { manualClock } from '../../platform/clock.js';
import type { OpenDatabase } from '../../platform/db/database.js';
import { loggerOptions } from '../../platform/logger.js';
import { parseReceipt } from '../receipt.js';
import { openWithReceipt } from '../report-crypto.js';
import { readAnswers, readIdentity, readReportFiles } from '../report-store.js';
import {
  everyTypeQuestions,
  formVersion,
  ReporterClient,
  receiptOf,
  reviewRevision,
} from './reporter-client.testkit.js';

/**
 * The two promises of the reporter's side that only a search of everything stored can prove:
 * nothing identifies an anonymous reporter (no address, no user agent, in logs or database), and
 * nothing a reporter writes is stored in clear (a marker in every field is found nowhere in the
 * database, the upload folder or the embedded database's raw files).
 */

/** The app with its log lines captured, trusting one proxy hop so forwarded addresses reach the code. */
async function appWithCapturedLogs(): Promise<{
  app: FastifyInstance;
  database: OpenDatabase;
  config: Config;
  logs: string[];
  close(): Promise<void>;
}> {
  const uploadDir = await mkdtemp(path.join(tmpdir(), 'idesk-privacy-'));
  const config = loadConfig({
    COOKIE_SECURE: 'false',
    LOG_LEVEL: 'trace',
    UPLOAD_DIR: uploadDir,
    TRUST_PROXY: '1',
  });
  const database = await openTestDatabase();
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const app = await buildApp({
    config,
    database,
    clock: manualClock(new Date()),
    logger: { ...loggerOptions(config), stream },
  });
  await app.ready();
  return {
    app,
    database,
    config,
    logs,
    close: async () => {
      await app.close();
      await database.close();
      await rm(uploadDir, { recursive: true, force: true });
    },
  };
}

describe('nothing identifies an anonymous reporter', () => {
  let env: Awaited<ReturnType<typeof appWithCapturedLogs>>;
  let channel: TestChannel;
  before(async () => {
    env = await appWithCapturedLogs();
    const recipient = await createRecipientForTest(env.database.db);
    channel = await createChannelForTest(env.database.db, {
      recipients: [recipient.id],
      questions: everyTypeQuestions,
    });
  });
  after(() => env.close());

  it('records neither the address (direct or forwarded) nor the user agent in logs or in any table', async () => {
    const socketAddress = '203.0.113.77';
    const forwarded = '198.51.100.99';
    const agent = 'MarkerAgent/9.9 (ua-marker-5521)';
    const client = new ReporterClient(env.app, {
      remoteAddress: socketAddress,
      headers: { 'x-forwarded-for': forwarded, 'user-agent': agent, 'x-real-ip': forwarded },
    });
    const form = `/report/channel/${channel.slug}`;
    assert.equal((await client.get('/report')).statusCode, 200);
    const page = await client.get(form);
    const version = formVersion(page.body);
    const fields = {
      version,
      identity: 'anonymous',
      category: 'unknown',
      q_what: 'Er klopt iets niet.',
      strip_metadata: 'yes',
    };
    assert.equal((await client.postForm(form, { ...fields, q_what: '' })).statusCode, 422);
    assert.equal(
      (
        await client.postForm(form, fields, [
          { field: 'file_evidence', filename: 'nota.txt', data: Buffer.from('tekst') },
        ])
      ).statusCode,
      303,
    );
    const review = await client.get(`${form}/review`);
    const sent = await client.post(`${form}/review`, { revision: reviewRevision(review.body) });
    assert.equal(sent.statusCode, 200);
    assert.equal((await client.get(`${form}/review`)).statusCode, 410);
    await client.get('/report/channel/no-such-channel');
    await client.get('/report/follow-up');

    const logs = env.logs.join('');
    assert.ok(logs.includes(form), 'the log lines were captured (they name the paths)');
    const { tables, text } = await dumpAllTables(env.database);
    assert.ok(tables.includes('public.audit_events') && tables.includes('public.reports'));
    assert.ok(text.includes('report.submitted'), 'the tables were read (the submission is in the audit log)');
    for (const marker of [socketAddress, forwarded, 'ua-marker-5521', 'MarkerAgent']) {
      const lines = env.logs.filter((line) => line.includes(marker)).join('');
      assert.deepEqual(markerSpellingsIn(logs, marker), [], `${marker} is not in the logs:\n${lines}`);
      assert.deepEqual(markerSpellingsIn(text, marker), [], `${marker} is in no table`);
    }

    // Cookies on these routes are session-only (a cookie being deleted carries a past date).
    for (const cookie of client.setCookies) {
      const [pair = ''] = cookie.split(';');
      if (pair.endsWith('=')) continue;
      assert.doesNotMatch(cookie, /max-age|expires/i, `session-only: ${cookie}`);
    }
  });
});

describe('encryption at rest: a marker in every field is found nowhere', () => {
  let env: Awaited<ReturnType<typeof appWithCapturedLogs>>;
  let channel: TestChannel;
  before(async () => {
    env = await appWithCapturedLogs();
    const recipient = await createRecipientForTest(env.database.db);
    channel = await createChannelForTest(env.database.db, {
      recipients: [recipient.id],
      questions: everyTypeQuestions,
    });
  });
  after(() => env.close());

  it('stores a confidential report with a marker in every text, the notify address and a file, and no table, upload or database file holds it', async () => {
    const M = 'QZXMARKER4417';
    const client = new ReporterClient(env.app, { remoteAddress: '192.0.2.200' });
    const form = `/report/channel/${channel.slug}`;
    const version = formVersion((await client.get(form)).body);
    const posted = await client.postForm(
      form,
      {
        version,
        identity: 'confidential',
        name: `Jan ${M} Janssens`,
        contact: `Straat ${M} 1, 9000 Gent`,
        category: channel.categoryId,
        q_what: `Wat er gebeurde: ${M} betaalde facturen dubbel.`,
        q_where: `Kantoor ${M}`,
        q_kind: 'fraud',
        q_how: ['saw', 'heard'],
        q_when: '2026-03-14',
        q_ongoing: 'no',
        notify_email: `${M}@example.org`,
        strip_metadata: 'yes',
      },
      [
        {
          field: 'file_evidence',
          filename: `bewijs-${M}.txt`,
          data: Buffer.from(`Inhoud van het bewijs: ${M}\n`),
        },
      ],
    );
    assert.equal(posted.statusCode, 303, posted.body.slice(0, 2000));
    const review = await client.get(`${form}/review`);
    const sent = await client.post(`${form}/review`, { revision: reviewRevision(review.body) });
    assert.equal(sent.statusCode, 200);

    // The marker was stored — encrypted: the receipt opens it again.
    const opened = await openWithReceipt(env.database.db, parseReceipt(receiptOf(sent.body))!);
    assert.ok(opened);
    const report = await env.database.db
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', opened.reportId)
      .executeTakeFirstOrThrow();
    assert.ok(String(readAnswers(report, opened.reportKey).what).includes(M));
    assert.ok(readIdentity(report, opened.reportKey)?.name.includes(M));
    assert.ok((await readReportFiles(env.database.db, report.id, opened.reportKey))[0]?.filename.includes(M));

    // A control: markers put in clear on purpose, to prove that each scan would find one.
    const C1 = 'CTRLTEXT8812';
    const C2 = 'CTRLBYTES6630';
    const C3 = 'CTRLUPLOAD2291';
    await sql`create table scan_probe (t text, b bytea)`.execute(env.database.db);
    await sql`insert into scan_probe values (${C1}, ${Buffer.from(C2)})`.execute(env.database.db);
    await writeFile(path.join(env.config.reporting.uploadDir, 'probe'), `x${C3}y`);

    const { text } = await dumpAllTables(env.database);
    const uploads = await readFolder(env.config.reporting.uploadDir);
    assert.ok(uploads.length > 0, 'the upload folder holds the encrypted file');
    assert.notDeepEqual(markerSpellingsIn(text, C1), [], 'the table scan finds text');
    assert.notDeepEqual(markerSpellingsIn(text, C2), [], 'the table scan finds bytes in a bytea');
    assert.notDeepEqual(markerSpellingsIn(uploads, C3), [], 'the upload scan finds a file’s content');
    assert.deepEqual(markerSpellingsIn(text, M), [], 'no table holds the marker');
    assert.deepEqual(markerSpellingsIn(uploads, M), [], 'no uploaded file holds the marker');
    assert.deepEqual(markerSpellingsIn(env.logs.join(''), M), [], 'no log line holds the marker');

    if (env.database.pglite) {
      // The embedded database's own files (heap, WAL), as a backup would copy them.
      await sql`checkpoint`.execute(env.database.db);
      const dump = Buffer.from(await (await env.database.pglite.dumpDataDir('none')).arrayBuffer());
      assert.notDeepEqual(markerSpellingsIn(dump, C1), [], 'the raw scan finds a value written in clear');
      assert.deepEqual(markerSpellingsIn(dump, M), [], 'the database files do not hold the marker');
    }
  });
});
