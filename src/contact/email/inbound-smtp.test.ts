import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import nodemailer, { type Transporter } from 'nodemailer';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createUserForTest } from '../../../test/helpers/factories.js';
import { type SmtpPeer, startSmtpPeer } from '../../../test/helpers/smtp.js';
import { createSmtpTransport, deliverDueMail } from '../../platform/mail/outbox-worker.js';
import { listTopics } from '../topics.js';
import { answerEmail, replyAddressFor, sendEmailQuestion } from './email.service.js';
import { INBOUND_LIMITS, type InboundSmtp, startInboundSmtp } from './inbound-smtp.js';

const silent = { info() {}, warn() {}, error() {} };

describe('inbound SMTP receiver (real protocol)', () => {
  let t: TestApp;
  let peer: SmtpPeer;
  let receiver: InboundSmtp;
  let citizen: Transporter;
  let topic: Awaited<ReturnType<typeof listTopics>>[number];

  before(async () => {
    t = await createTestApp({ env: { CONTACT_REPLY_ADDRESS: '1700@desk.example' } });
    peer = await startSmtpPeer();
    receiver = await startInboundSmtp({
      db: t.db,
      config: t.config,
      clock: t.clock,
      logger: silent,
      listen: { host: '127.0.0.1', port: 0 },
    });
    citizen = nodemailer.createTransport({
      host: '127.0.0.1',
      port: receiver.port,
      secure: false,
      ignoreTLS: true,
    });
    const topics = await listTopics(t.db, { activeOnly: true });
    topic = topics[0] as (typeof topics)[number];
  });
  after(async () => {
    citizen.close();
    await receiver.close();
    await peer.stop();
    await t.close();
  });

  async function question(email: string) {
    const { conversationId } = await sendEmailQuestion(
      { db: t.db, now: t.clock.now(), config: t.config },
      { name: 'Anna Peeters', email, topic, question: 'Mijn vraag', locale: 'nl' },
    );
    const row = await t.db
      .selectFrom('contact_conversations')
      .select(['reply_token', 'thread_message_ids'])
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    return { conversationId, replyTo: replyAddressFor('1700@desk.example', row.reply_token ?? ''), row };
  }

  async function deliver() {
    const transport = createSmtpTransport(peer.url, t.config.mailFrom);
    try {
      return await deliverDueMail(t.db, transport, { now: t.clock.now() });
    } finally {
      transport.close();
    }
  }

  const messagesOf = (conversationId: string) =>
    t.db
      .selectFrom('contact_messages')
      .select(['author', 'body', 'message_id'])
      .where('conversation_id', '=', conversationId)
      .orderBy('seq')
      .execute();

  it('threads a reply to the copy into the same conversation, and the answer back to it', async () => {
    const { conversationId, replyTo } = await question('anna@example.be');
    const before = peer.received.length;
    await deliver();
    const [copy] = (await peer.waitFor(before + 1)).slice(before);
    assert.ok(copy);
    assert.equal(copy.envelope.to[0], 'anna@example.be');
    assert.equal(copy.headers.get('reply-to'), replyTo);
    assert.match(copy.text, /Mijn vraag/);

    const sent = await citizen.sendMail({
      from: 'Anna Peeters <anna@example.be>',
      to: copy.headers.get('reply-to'),
      subject: `Re: ${copy.subject}`,
      text: `Nog een detail: het was een fles wijn.\n\nOn Tue, 1 Dec 2026, 1700 wrote:\n> ${copy.text.split('\n').join('\n> ')}\n`,
      inReplyTo: copy.messageId,
      references: [copy.messageId],
    });
    assert.equal(sent.rejected?.length ?? 0, 0);
    const messages = await messagesOf(conversationId);
    assert.equal(messages.length, 2);
    assert.equal(messages[1]?.author, 'visitor');
    assert.equal(messages[1]?.body, 'Nog een detail: het was een fles wijn.');
    assert.equal(messages[1]?.message_id, sent.messageId);
    const row = await t.db
      .selectFrom('contact_conversations')
      .select(['state', 'thread_message_ids'])
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    assert.equal(row.state, 'open');
    assert.deepEqual(row.thread_message_ids, [copy.messageId, sent.messageId]);

    const agent = await createUserForTest(t.db, { roles: ['agent'], name: 'Ilse Agent' });
    await answerEmail(
      { db: t.db, now: t.clock.now(), config: t.config },
      { userId: agent.id, name: agent.name, origin: { kind: 'system', label: 'test' } },
      conversationId,
      'Die mag u niet aanvaarden.',
    );
    await deliver();
    const answer = (await peer.waitFor(before + 2))[before + 1];
    assert.ok(answer);
    assert.equal(answer.headers.get('in-reply-to'), sent.messageId);
    assert.equal(answer.headers.get('references'), `${copy.messageId} ${sent.messageId}`);
    assert.equal(answer.headers.get('reply-to'), replyTo);
    assert.match(answer.text, /Die mag u niet aanvaarden\./);

    // The citizen answers the answer: the conversation is open again with a fresh due date.
    t.clock.advance(60_000);
    await citizen.sendMail({ from: 'anna@example.be', to: replyTo, subject: 'Re', text: 'Dank u.' });
    const reopened = await t.db
      .selectFrom('contact_conversations')
      .select(['state', 'due_at'])
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    assert.equal(reopened.state, 'open');
    assert.ok(reopened.due_at && reopened.due_at > t.clock.now());
  });

  it('refuses unknown tokens, the bare address and other domains with 550 and stores nothing', async () => {
    const { replyTo } = await question('bert@example.be');
    const token = replyTo.slice(replyTo.indexOf('+') + 1, replyTo.indexOf('@'));
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('contact_messages')
            .select(t.db.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    for (const to of [
      `1700+${'0'.repeat(30)}@desk.example`,
      '1700@desk.example',
      `1700+${token}@elsewhere.example`,
      `other+${token}@desk.example`,
      'postmaster@desk.example',
    ]) {
      await assert.rejects(
        citizen.sendMail({ from: 'x@example.org', to, subject: 'x', text: 'x' }),
        (error: { responseCode?: number }) => error.responseCode === 550,
        to,
      );
    }
    assert.equal(await count(), before);
  });

  it('stops checking recipients on a connection that guessed too many tokens', async () => {
    const guesses = Array.from(
      { length: INBOUND_LIMITS.maxRefusedRecipients + 2 },
      (_, i) => `1700+${i.toString(16).padStart(30, 'a')}@desk.example`,
    );
    const error = await citizen
      .sendMail({ envelope: { from: 'x@example.org', to: guesses }, raw: 'Subject: x\r\n\r\nx' })
      .then(
        () => undefined,
        (e: { code?: string; rejectedErrors?: { responseCode?: number }[]; responseCode?: number }) => e,
      );
    assert.ok(error, 'refused');
    // The 421 ends the session: nodemailer reports it as a connection error.
    const codes = (error.rejectedErrors ?? [error]).map((e) => e.responseCode);
    assert.ok(error.code === 'ECONNECTION' || codes.includes(421), `${error.code} ${codes.join(',')}`);
    // A new connection is served normally.
    const { conversationId, replyTo } = await question('guess@example.be');
    await citizen.sendMail({ from: 'guess@example.be', to: replyTo, subject: 'x', text: 'Gewoon verder.' });
    assert.equal((await messagesOf(conversationId)).at(-1)?.body, 'Gewoon verder.');
  });

  it('refuses a message over the size limit and keeps working', async () => {
    const { conversationId, replyTo } = await question('carla@example.be');
    await assert.rejects(
      citizen.sendMail({
        from: 'carla@example.be',
        to: replyTo,
        subject: 'big',
        text: 'a'.repeat(INBOUND_LIMITS.maxBytes + 10_000),
      }),
      (error: { responseCode?: number }) => error.responseCode === 552,
    );
    assert.equal((await messagesOf(conversationId)).length, 1);
    await citizen.sendMail({
      from: 'carla@example.be',
      to: replyTo,
      subject: 'small',
      text: 'Toch nog dit.',
    });
    assert.equal((await messagesOf(conversationId)).at(-1)?.body, 'Toch nog dit.');
  });

  it('takes HTML-only mail as text, drops attachments with a note, and survives malformed mail', async () => {
    const { conversationId, replyTo } = await question('dirk@example.be');
    await citizen.sendMail({
      from: 'dirk@example.be',
      to: replyTo,
      subject: 'html',
      html: '<p>Hallo <b>1700</b>,</p><p>hier is <i>mijn</i> bijlage.</p>',
      attachments: [{ filename: 'scan.pdf', content: Buffer.from('%PDF-1.4 fake') }],
    });
    const messages = await messagesOf(conversationId);
    const reply = messages.at(-2);
    assert.match(reply?.body ?? '', /Hallo 1700,/);
    assert.doesNotMatch(reply?.body ?? '', /<p>|<b>/);
    assert.equal(messages.at(-1)?.author, 'system');
    assert.equal(messages.at(-1)?.body, 'email.system.attachments_ignored');

    // Raw bytes that are no proper mail at all: no headers, NUL bytes, a broken MIME boundary.
    const garbage = Buffer.concat([
      Buffer.from(
        'Content-Type: multipart/mixed; boundary="x"\r\n\r\n--x\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!',
      ),
      Buffer.from([0, 1, 2, 0xff, 0xfe, 0]),
      Buffer.from('\r\n--x'),
    ]);
    await citizen
      .sendMail({ envelope: { from: 'dirk@example.be', to: [replyTo] }, raw: garbage })
      .catch((error: { responseCode?: number }) => assert.ok((error.responseCode ?? 0) >= 500));
    for (const message of await messagesOf(conversationId))
      assert.equal(message.body.includes('\u0000'), false);
    // Still alive and accepting.
    await citizen.sendMail({ from: 'dirk@example.be', to: replyTo, subject: 'ok', text: 'Nog steeds daar?' });
    assert.equal((await messagesOf(conversationId)).at(-1)?.body, 'Nog steeds daar?');
  });

  it('stores a reply delivered twice with the same Message-ID once', async () => {
    const { conversationId, replyTo } = await question('els@example.be');
    const mail = {
      from: 'els@example.be',
      to: replyTo,
      subject: 'x',
      text: 'Eén keer.',
      messageId: '<dup-1@example.be>',
    };
    await citizen.sendMail(mail);
    await citizen.sendMail(mail);
    const messages = await messagesOf(conversationId);
    assert.equal(messages.filter((m) => m.body === 'Eén keer.').length, 1);
  });
});
