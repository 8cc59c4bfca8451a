import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { openTestDatabase } from '../../../test/helpers/database.js';
import { type SmtpPeer, startSmtpPeer, unusedPort } from '../../../test/helpers/smtp.js';
import { ConfigError, loadConfig } from '../../config.js';
import { manualClock } from '../clock.js';
import type { OpenDatabase } from '../db/database.js';
import { createJobRunner, type JobLogger } from '../jobs/runner.js';
import { enqueueMail, type OutgoingMail, onMailDue } from './outbox.js';
import { ERASED_MARKER } from './outbox.repository.js';
import {
  createMailJob,
  createSmtpTransport,
  deliverDueMail,
  describeSendError,
  MAIL_JOB,
  type MailTransport,
  OUTBOX_POLICY,
  retryDelayMs,
} from './outbox-worker.js';

const FROM = 'Integriteitsloket <noreply@desk.example>';
const PUBLIC_URL = 'https://desk.example';
const silent: JobLogger = { debug() {}, info() {}, warn() {}, error() {} };

describe('retry policy', () => {
  it('waits 1, 2, 4 … minutes between attempts and never more than an hour', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => retryDelayMs(n) / 60_000),
      [1, 2, 4, 8, 16, 32, 60, 60, 60],
    );
    assert.equal(retryDelayMs(1_000), OUTBOX_POLICY.maxRetryMs);
  });

  it('records send errors without addresses or credentials, on one short line', () => {
    const failure = describeSendError(
      Object.assign(
        new Error(
          "Can't send mail - all recipients were rejected: 550 5.1.1 <jan.peeters@voorbeeld.be>:\r\n Recipient address rejected (smtp://user:s3cret@mail.example)",
        ),
        {
          code: 'EENVELOPE',
          responseCode: 550,
        },
      ),
    );
    assert.equal(failure.permanent, true);
    assert.match(failure.text, /^EENVELOPE 550: /);
    assert.doesNotMatch(failure.text, /jan\.peeters|s3cret|\r|\n/);
    assert.ok(describeSendError(new Error('x'.repeat(5_000))).text.length <= 300);
  });

  it('treats refused connections, timeouts, 4xx replies and refused logins as worth retrying', () => {
    for (const error of [
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' }),
      Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT' }),
      Object.assign(new Error('451 try again later'), { code: 'EENVELOPE', responseCode: 451 }),
      Object.assign(new Error('535 authentication failed'), { code: 'EAUTH', responseCode: 535 }),
      'not even an Error',
    ]) {
      assert.equal(describeSendError(error).permanent, false, String(error));
    }
  });
});

describe('MAIL_FROM', () => {
  it('defaults to the Integriteitsloket at the host of PUBLIC_URL, and refuses what is not an address', () => {
    assert.equal(loadConfig({}).mailFrom, 'Integriteitsloket <noreply@localhost>');
    assert.equal(
      loadConfig({ PUBLIC_URL: 'https://integriteit.vlaanderen.example/loket' }).mailFrom,
      'Integriteitsloket <noreply@integriteit.vlaanderen.example>',
    );
    assert.equal(loadConfig({ MAIL_FROM: 'loket@example.be' }).mailFrom, 'loket@example.be');
    assert.equal(
      loadConfig({ MAIL_FROM: 'Het Loket <loket@example.be>' }).mailFrom,
      'Het Loket <loket@example.be>',
    );
    for (const bad of ['loket', 'Loket <loket>', 'a@b.be\r\nBcc: x@y.be', `${'x'.repeat(320)}@b.be`]) {
      assert.throws(() => loadConfig({ MAIL_FROM: bad }), ConfigError, bad);
    }
  });
});

describe('outbox worker with a real SMTP peer', () => {
  let database: OpenDatabase;
  let peer: SmtpPeer;
  let transport: ReturnType<typeof createSmtpTransport>;
  const clock = manualClock('2026-12-01T09:00:00Z');

  before(async () => {
    database = await openTestDatabase();
    peer = await startSmtpPeer();
    transport = createSmtpTransport(peer.url, FROM);
  });
  after(async () => {
    transport.close();
    await peer.stop();
    await database.close();
  });
  beforeEach(async () => {
    // Tests share the database; each starts with an empty outbox and an empty mailbox.
    await database.db.deleteFrom('outbox').execute();
    peer.received.length = 0;
  });

  const enqueue = (mail: Partial<OutgoingMail> = {}, now = clock.now()) =>
    enqueueMail(
      database.db,
      {
        to: 'behandelaar@voorbeeld.be',
        subject: 'Nieuwe activiteit op melding M-2026-0001',
        text: 'Er is nieuwe activiteit.\nBekijk ze op https://desk.example/handling.',
        purpose: 'report.activity',
        ...mail,
      },
      { now, publicUrl: PUBLIC_URL },
    );
  const row = (messageId: string) =>
    database.db
      .selectFrom('outbox')
      .selectAll()
      .where('message_id', '=', messageId)
      .executeTakeFirstOrThrow();

  it('delivers a due message with its stable Message-ID, headers, From and plain text, and records it', async () => {
    const text = `Geachte,\n\nÉén bericht met accenten: café, déjà vu.\n${'Een lange regel '.repeat(10)}\n.\nEinde.`;
    const messageId = await enqueue({
      subject: 'Nieuw bericht over uw vraag — één update',
      text,
      headers: { 'In-Reply-To': '<earlier@desk.example>', References: '<earlier@desk.example>' },
    });
    assert.match(messageId, /^<[0-9a-f-]{36}@desk\.example>$/);

    const result = await deliverDueMail(database.db, transport, { now: clock.now() });
    assert.deepEqual(result, { attempted: 1, sent: 1, deferred: 0, failed: 0, interrupted: false });
    const [mail] = await peer.waitFor(1);
    assert.ok(mail);
    assert.equal(mail.messageId, messageId);
    assert.equal(mail.to, 'behandelaar@voorbeeld.be');
    assert.deepEqual(mail.envelope.to, ['behandelaar@voorbeeld.be']);
    assert.equal(mail.from, FROM);
    assert.equal(mail.subject, 'Nieuw bericht over uw vraag — één update');
    assert.equal(mail.text, text);
    assert.equal(mail.headers.get('in-reply-to'), '<earlier@desk.example>');
    assert.match(mail.headers.get('content-type') ?? '', /^text\/plain/);

    const stored = await row(messageId);
    assert.equal(stored.state, 'sent');
    assert.equal(stored.attempts, 1);
    assert.equal(stored.sent_at?.toISOString(), clock.now().toISOString());
    assert.equal(stored.last_error, null);
    assert.equal(stored.body_text, text, 'ordinary mail keeps its text for the admin page');
  });

  it('sends nothing before a message is due, and nothing twice', async () => {
    await enqueue({}, new Date(clock.now().getTime() + 60_000));
    assert.equal((await deliverDueMail(database.db, transport, { now: clock.now() })).attempted, 0);
    const later = new Date(clock.now().getTime() + 60_000);
    assert.equal((await deliverDueMail(database.db, transport, { now: later })).sent, 1);
    assert.equal((await deliverDueMail(database.db, transport, { now: later })).attempted, 0);
    assert.equal(peer.received.length, 1);
  });

  it('backs off while the SMTP server refuses connections, then delivers exactly once when it is back', async () => {
    const port = await unusedPort();
    const downTransport = createSmtpTransport(`smtp://127.0.0.1:${port}`, FROM);
    const t0 = clock.now().getTime();
    const at = (ms: number) => new Date(t0 + ms);
    const first = await enqueue({ subject: 'eerste' }, at(0));
    const second = await enqueue({ subject: 'tweede' }, at(1));

    // Down: one attempt, then the worker stops (the next message would fail the same way).
    const attempt1 = await deliverDueMail(database.db, downTransport, { now: at(0) });
    assert.deepEqual(attempt1, { attempted: 1, sent: 0, deferred: 1, failed: 0, interrupted: true });
    const failedRow = await row(first);
    assert.equal(failedRow.state, 'pending');
    assert.equal(failedRow.attempts, 1);
    assert.equal(failedRow.next_attempt_at.getTime(), t0 + 60_000);
    assert.match(failedRow.last_error ?? '', /ECONNREFUSED|ECONNECTION|ESOCKET/);
    assert.equal((await row(second)).attempts, 0, 'the second message was not claimed');

    // The second is still due and fails too; the first waits for its back-off.
    await deliverDueMail(database.db, downTransport, { now: at(30_000) });
    assert.equal((await row(first)).attempts, 1);
    assert.equal((await row(second)).attempts, 1);
    assert.equal((await row(second)).next_attempt_at.getTime(), t0 + 30_000 + 60_000);

    // Still down at the first retry: the delay doubles.
    await deliverDueMail(database.db, downTransport, { now: at(60_000) });
    assert.equal((await row(first)).attempts, 2);
    assert.equal((await row(first)).next_attempt_at.getTime(), t0 + 60_000 + 120_000);

    // The server comes back on the same port.
    const revived = await startSmtpPeer({ port });
    try {
      const before = await deliverDueMail(database.db, downTransport, { now: at(120_000) });
      assert.equal(before.sent, 1, 'only the second message is due');
      const result = await deliverDueMail(database.db, downTransport, { now: at(180_000) });
      assert.equal(result.sent, 1);
      assert.equal((await deliverDueMail(database.db, downTransport, { now: at(3_600_000) })).attempted, 0);
      const received = await revived.waitFor(2);
      assert.deepEqual(received.map((m) => m.messageId).sort(), [first, second].sort());
      assert.equal((await row(first)).state, 'sent');
      assert.equal((await row(first)).attempts, 3);
    } finally {
      downTransport.close();
      await revived.stop();
    }
  });

  it('sends a message again with the same Message-ID when its worker died between sending and recording', async () => {
    const messageId = await enqueue();
    const now = clock.now().getTime();
    // A worker that sends, then never comes back: as if the process died right after the send.
    const dying: MailTransport = {
      async sendMail(message) {
        await transport.sendMail(message);
        await new Promise(() => {});
      },
    };
    void deliverDueMail(database.db, dying, { now: new Date(now) });
    await peer.waitFor(1);
    const stuck = await row(messageId);
    assert.equal(stuck.state, 'sending');
    assert.equal(stuck.next_attempt_at.getTime(), now + OUTBOX_POLICY.leaseMs);

    // Within the lease nobody touches it …
    const early = await deliverDueMail(database.db, transport, { now: new Date(now + 5 * 60_000) });
    assert.equal(early.attempted, 0);
    // … after it, another worker sends it again, as the same message.
    const late = await deliverDueMail(database.db, transport, {
      now: new Date(now + OUTBOX_POLICY.leaseMs + 1_000),
    });
    assert.equal(late.sent, 1);
    const received = await peer.waitFor(2);
    assert.equal(received.length, 2);
    assert.deepEqual(
      received.map((m) => m.messageId),
      [messageId, messageId],
    );
    const done = await row(messageId);
    assert.equal(done.state, 'sent');
    assert.equal(done.attempts, 2);
  });

  it('gives up on a message that keeps killing its worker', async () => {
    const messageId = await enqueue();
    await database.db
      .updateTable('outbox')
      .set({ state: 'sending', attempts: OUTBOX_POLICY.maxAttempts, next_attempt_at: new Date(0) })
      .where('message_id', '=', messageId)
      .execute();
    const result = await deliverDueMail(database.db, transport, { now: clock.now() });
    assert.deepEqual(result, { attempted: 0, sent: 0, deferred: 0, failed: 1, interrupted: false });
    assert.equal((await row(messageId)).state, 'failed');
    assert.equal(peer.received.length, 0);
  });

  it('erases address, subject, text and headers of a reporter message once it is sent', async () => {
    const messageId = await enqueue({
      to: 'melder-geheim@voorbeeld.be',
      subject: 'Nieuws over uw melding',
      text: 'Er is nieuws. Open uw brievenbus met uw ontvangstbewijs.',
      headers: { 'X-Report': 'marker-header' },
      purpose: 'report.reporter_news',
      scrubAfterSend: true,
    });
    await deliverDueMail(database.db, transport, { now: clock.now() });
    const [mail] = await peer.waitFor(1);
    assert.equal(mail?.to, 'melder-geheim@voorbeeld.be');
    assert.equal(mail?.text, 'Er is nieuws. Open uw brievenbus met uw ontvangstbewijs.');

    const stored = await row(messageId);
    assert.equal(stored.state, 'sent');
    assert.equal(stored.to_address, ERASED_MARKER);
    assert.equal(stored.subject, ERASED_MARKER);
    assert.equal(stored.body_text, ERASED_MARKER);
    assert.deepEqual(stored.headers, {});
    assert.doesNotMatch(JSON.stringify(stored), /melder-geheim|Nieuws over|brievenbus|marker-header/);
  });

  it('fails at once when the server refuses the recipient for good, and erases a reporter message then too', async () => {
    const refusing = await startSmtpPeer({ rejectRecipient: (address) => address.startsWith('weg') });
    const refusingTransport = createSmtpTransport(refusing.url, FROM);
    try {
      const ordinary = await enqueue({ to: 'weg@voorbeeld.be' });
      const reporter = await enqueue({ to: 'weg-melder@voorbeeld.be', scrubAfterSend: true });
      const fine = await enqueue({ to: 'blijft@voorbeeld.be' });
      const result = await deliverDueMail(database.db, refusingTransport, { now: clock.now() });
      assert.deepEqual(result, { attempted: 3, sent: 1, deferred: 0, failed: 2, interrupted: false });

      const refused = await row(ordinary);
      assert.equal(refused.state, 'failed');
      assert.equal(refused.attempts, 1);
      assert.match(refused.last_error ?? '', /550/);
      assert.doesNotMatch(refused.last_error ?? '', /weg@voorbeeld/);
      assert.equal(refused.to_address, 'weg@voorbeeld.be', 'kept for the admin to see and retry');

      const erased = await row(reporter);
      assert.equal(erased.state, 'failed');
      assert.equal(erased.to_address, ERASED_MARKER);
      assert.doesNotMatch(JSON.stringify(erased), /weg-melder/);

      assert.equal((await row(fine)).state, 'sent');
      assert.deepEqual(
        refusing.received.map((m) => m.to),
        ['blijft@voorbeeld.be'],
      );
    } finally {
      refusingTransport.close();
      await refusing.stop();
    }
  });

  it('marks a message failed after its last attempt', async () => {
    const port = await unusedPort();
    const downTransport = createSmtpTransport(`smtp://127.0.0.1:${port}`, FROM);
    try {
      const messageId = await enqueue();
      await database.db
        .updateTable('outbox')
        .set({ attempts: OUTBOX_POLICY.maxAttempts - 1 })
        .where('message_id', '=', messageId)
        .execute();
      const result = await deliverDueMail(database.db, downTransport, { now: clock.now() });
      assert.equal(result.failed, 1);
      const stored = await row(messageId);
      assert.equal(stored.state, 'failed');
      assert.equal(stored.attempts, OUTBOX_POLICY.maxAttempts);
    } finally {
      downTransport.close();
    }
  });

  it('holds mail while no SMTP server is configured and sends it once one is', async () => {
    const messageId = await enqueue();
    const noSmtp = createMailJob({ db: database.db, transport: undefined, clock, logger: silent });
    await noSmtp.run(new AbortController().signal);
    const held = await row(messageId);
    assert.equal(held.state, 'held');
    assert.equal(held.attempts, 0);
    assert.equal(held.body_text, 'Er is nieuwe activiteit.\nBekijk ze op https://desk.example/handling.');
    assert.equal(peer.received.length, 0);

    clock.advance(3_600_000);
    const withSmtp = createMailJob({ db: database.db, transport, clock, logger: silent });
    await withSmtp.run(new AbortController().signal);
    const [mail] = await peer.waitFor(1);
    assert.equal(mail?.messageId, messageId);
    assert.equal((await row(messageId)).state, 'sent');
  });

  it('in a running job runner, sends new mail soon after it is enqueued, not at the next interval', async () => {
    const runner = createJobRunner({
      logger: silent,
      wakeDelayMs: 10,
      jobs: [createMailJob({ db: database.db, transport, clock, logger: silent, intervalMs: 60 * 60_000 })],
    });
    const removeHook = onMailDue(() => runner.wake(MAIL_JOB));
    try {
      runner.start();
      await sleep(100);
      const messageId = await enqueue();
      const [mail] = await peer.waitFor(1, 3_000);
      assert.equal(mail?.messageId, messageId);
    } finally {
      removeHook();
      await runner.stop();
    }
  });

  it('never sends one message twice when two workers run at once', async () => {
    const slow = await startSmtpPeer({ delayMs: 15 });
    const transportA = createSmtpTransport(slow.url, FROM);
    const transportB = createSmtpTransport(slow.url, FROM);
    try {
      const ids: string[] = [];
      for (let i = 0; i < 16; i++) ids.push(await enqueue({ subject: `bericht ${i}` }));
      const now = clock.now();
      const [a, b] = await Promise.all([
        deliverDueMail(database.db, transportA, { now, batch: 100 }),
        deliverDueMail(database.db, transportB, { now, batch: 100 }),
      ]);
      assert.equal(a.sent + b.sent, ids.length);
      assert.ok(a.sent > 0 && b.sent > 0, `both workers took part (${a.sent} and ${b.sent})`);
      const received = await slow.waitFor(ids.length);
      assert.equal(received.length, ids.length);
      assert.deepEqual(received.map((m) => m.messageId).sort(), [...ids].sort());
      const states = await database.db.selectFrom('outbox').select(['state', 'attempts']).execute();
      assert.ok(states.every((s) => s.state === 'sent' && s.attempts === 1));
    } finally {
      transportA.close();
      transportB.close();
      await slow.stop();
    }
  });
});
