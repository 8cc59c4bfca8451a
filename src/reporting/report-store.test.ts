import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.js';
import {
  createChannelForTest,
  createRecipientForTest,
  type TestRecipient,
} from '../../test/helpers/reporting.js';
import { AppError } from '../platform/errors.js';
import { formatReceipt, parseReceipt } from './receipt.js';
import { entitledRecipients, isEntitled } from './report-access.js';
import { openReportKey, openWithReceipt } from './report-crypto.js';
import { readReportFile } from './report-files.js';
import { createReport, readAnswers, readIdentity, readReportFiles } from './report-store.js';

const reporter = { kind: 'anonymous', label: 'reporter' } as const;

describe('report store: creating a report, sealing, receipts', () => {
  let t: TestApp;
  let alice: TestRecipient;
  let bob: TestRecipient;
  let channel: Awaited<ReturnType<typeof createChannelForTest>>;
  before(async () => {
    t = await createTestApp();
    alice = await createRecipientForTest(t.db);
    bob = await createRecipientForTest(t.db, { roles: ['investigator'] });
    channel = await createChannelForTest(t.db, { recipients: [alice.id, bob.id] });
  });
  after(() => t.close());

  it('stores a confidential report that the recipients and the receipt open, and an excluded recipient cannot', async () => {
    const created = await createReport(
      t.db,
      t.config,
      {
        channelId: channel.channelId,
        categoryId: channel.categoryId,
        questionnaireVersionId: channel.questionnaireVersionId,
        identityMode: 'confidential',
        source: 'online',
        answers: { what: 'Iemand knoeit met facturen' },
        identity: { name: 'Jan Janssens', contact: '0470 00 00 00' },
        notifyAddress: null,
        excludedUserIds: [bob.id],
        files: [
          {
            filename: 'bewijs.pdf',
            mediaType: 'application/pdf',
            data: Buffer.from('%PDF-1.4 x'),
            uploadedBy: 'reporter',
            questionId: 'evidence',
          },
        ],
        createdBy: null,
      },
      { now: t.clock.now(), origin: reporter },
    );
    assert.match(created.reference, /^M-\d{4}-\d{5}$/);
    assert.match(formatReceipt(created.receipt), /^\d{4} \d{4} \d{4} \d{4}$/);

    const report = await t.db
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', created.reportId)
      .executeTakeFirstOrThrow();
    assert.equal(report.status, 'received');

    // Alice holds a seal; Bob, excluded, neither a seal nor entitlement.
    const seals = await t.db
      .selectFrom('report_key_seals')
      .select(['user_id', 'sealed_key'])
      .where('report_id', '=', created.reportId)
      .execute();
    assert.deepEqual(
      seals.map((s) => s.user_id),
      [alice.id],
    );
    assert.equal(await isEntitled(t.db, bob.id, created.reportId), false);
    assert.equal(await isEntitled(t.db, alice.id, created.reportId), true);
    assert.deepEqual(
      (await entitledRecipients(t.db, created.reportId)).map((r) => r.userId),
      [alice.id],
    );

    const key = openReportKey(alice.keys, seals[0]!.sealed_key);
    const answers = readAnswers(report, key);
    assert.equal(answers.what, 'Iemand knoeit met facturen');
    assert.equal((answers.evidence as string[]).length, 1);
    assert.deepEqual(readIdentity(report, key), { name: 'Jan Janssens', contact: '0470 00 00 00' });
    const files = await readReportFiles(t.db, created.reportId, key);
    assert.equal(files[0]?.filename, 'bewijs.pdf');
    const file = await readReportFile(t.db, t.config.reporting.uploadDir, {
      reportId: created.reportId,
      fileId: files[0]!.id,
      reportKey: key,
    });
    assert.equal(file?.data.toString(), '%PDF-1.4 x');

    // The receipt opens the same key; another receipt opens nothing.
    const opened = await openWithReceipt(t.db, created.receipt);
    assert.equal(opened?.reportId, created.reportId);
    assert.ok(opened?.reportKey.equals(key));
    assert.equal(await openWithReceipt(t.db, parseReceipt('1234 5678 9012 3456')!), null);

    // Alice (not the excluded Bob) got the activity mail.
    const mail = await t.db
      .selectFrom('outbox')
      .select(['to_address', 'body_text'])
      .where('purpose', '=', 'report.activity')
      .execute();
    assert.deepEqual(
      mail.map((m) => m.to_address).filter((a) => a === alice.email || a === bob.email),
      [alice.email],
    );
    assert.ok(!mail.some((m) => m.body_text.includes('facturen')));
  });

  it('refuses a report for a channel whose recipients could not open it, and stores nothing of it', async () => {
    const empty = await createChannelForTest(t.db, { recipients: [] });
    const before = await t.db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const filesBefore = await readdir(t.config.reporting.uploadDir).catch(() => []);
    await assert.rejects(
      createReport(
        t.db,
        t.config,
        {
          channelId: empty.channelId,
          categoryId: null,
          questionnaireVersionId: empty.questionnaireVersionId,
          identityMode: 'anonymous',
          source: 'online',
          answers: { what: 'x' },
          identity: null,
          notifyAddress: null,
          excludedUserIds: [],
          files: [
            { filename: 'a.txt', mediaType: 'text/plain', data: Buffer.from('a'), uploadedBy: 'reporter' },
          ],
          createdBy: null,
        },
        { now: t.clock.now(), origin: reporter },
      ),
      (error) => error instanceof AppError && error.details?.reason === 'channel_unavailable',
    );
    const afterCount = await t.db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(afterCount.n, before.n);
    assert.deepEqual(await readdir(t.config.reporting.uploadDir).catch(() => []), filesBefore);
  });

  it('refuses to exclude someone who is not a recipient of the channel (a forged id)', async () => {
    const stranger = await createRecipientForTest(t.db);
    await assert.rejects(
      createReport(
        t.db,
        t.config,
        {
          channelId: channel.channelId,
          categoryId: null,
          questionnaireVersionId: channel.questionnaireVersionId,
          identityMode: 'anonymous',
          source: 'online',
          answers: { what: 'x' },
          identity: null,
          notifyAddress: null,
          excludedUserIds: [stranger.id],
          files: [],
          createdBy: null,
        },
        { now: t.clock.now(), origin: reporter },
      ),
      (error) => error instanceof AppError && error.details?.reason === 'bad_exclusion',
    );
  });
});
