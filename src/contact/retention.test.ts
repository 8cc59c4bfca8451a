import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.js';
import { createContactRetentionJob, purgeExpiredContact } from './retention.js';
import { listTopics } from './topics.js';

const DAY = 86_400_000;

describe('contact retention', () => {
  let t: TestApp;
  let topicId: string;

  before(async () => {
    t = await createTestApp({ env: { CONTACT_RETENTION_DAYS: '90' } });
    topicId = (await listTopics(t.db))[0]?.id ?? '';
  });
  after(() => t.close());

  async function conversation(
    kind: 'chat' | 'email',
    state: 'ended' | 'active' | 'open' | 'closed',
    at: Date,
    messageAt = at,
  ) {
    const row = await t.db
      .insertInto('contact_conversations')
      .values({ kind, topic_id: topicId, state, locale: 'nl', created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('contact_messages')
      .values({ conversation_id: row.id, author: 'visitor', body: 'hallo', created_at: messageAt })
      .execute();
    return row.id;
  }

  async function mail(purpose: string, state: 'sent' | 'failed' | 'pending', at: Date) {
    const row = await t.db
      .insertInto('outbox')
      .values({
        message_id: `<${Math.random()}@test>`,
        purpose,
        to_address: 'x@example.be',
        subject: 's',
        body_text: 'b',
        headers: '{}',
        state,
        next_attempt_at: at,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  const exists = async (table: 'contact_conversations' | 'outbox', id: string) =>
    (await t.db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

  it('deletes chats and e-mail conversations past retention, their messages and old contact mail, and audits counts', async () => {
    t.clock.set('2027-06-01T10:00:00Z');
    const now = t.clock.now();
    const old = new Date(now.getTime() - 91 * DAY);
    const recent = new Date(now.getTime() - 89 * DAY);
    const oldChat = await conversation('chat', 'ended', old);
    const oldEmail = await conversation('email', 'closed', old);
    const oldOpenEmail = await conversation('email', 'open', old);
    const recentChat = await conversation('chat', 'ended', recent);
    // Old conversation, but the citizen wrote again recently: kept.
    const revived = await conversation('email', 'open', old, recent);
    // A chat left "active" without a word for longer than the period is no longer live: deleted.
    const staleChat = await conversation('chat', 'active', old);
    // A live chat whose conversation goes on is kept.
    const liveChat = await conversation('chat', 'active', old, recent);
    const oldCopy = await mail('contact.copy', 'sent', old);
    const oldFailed = await mail('contact.answer', 'failed', old);
    const oldPending = await mail('contact.copy', 'pending', old);
    const recentCopy = await mail('contact.copy', 'sent', recent);
    const reportMail = await mail('report.activity', 'sent', old);

    const result = await purgeExpiredContact(t.db, { now, retentionDays: 90, batch: 2 });
    assert.deepEqual(result, { chats: 2, emails: 2, mails: 2 });
    for (const id of [oldChat, staleChat, oldEmail, oldOpenEmail])
      assert.equal(await exists('contact_conversations', id), false);
    for (const id of [recentChat, revived, liveChat])
      assert.equal(await exists('contact_conversations', id), true);
    const orphans = await t.db
      .selectFrom('contact_messages')
      .select('id')
      .where('conversation_id', 'in', [oldChat, oldEmail, oldOpenEmail])
      .execute();
    assert.equal(orphans.length, 0);
    for (const id of [oldCopy, oldFailed]) assert.equal(await exists('outbox', id), false);
    for (const id of [oldPending, recentCopy, reportMail]) assert.equal(await exists('outbox', id), true);

    const audits = await t.db
      .selectFrom('audit_events')
      .select(['data', 'actor_label'])
      .where('type', '=', 'contact.retention_purged')
      .execute();
    assert.ok(audits.length >= 1);
    const totals = audits.reduce(
      (sum, row) => {
        const data = row.data as { chats: number; emails: number; mails: number };
        return {
          chats: sum.chats + data.chats,
          emails: sum.emails + data.emails,
          mails: sum.mails + data.mails,
        };
      },
      { chats: 0, emails: 0, mails: 0 },
    );
    assert.deepEqual(totals, { chats: 2, emails: 2, mails: 2 });

    // Nothing left to do: a second run deletes nothing and writes no audit event.
    assert.deepEqual(await purgeExpiredContact(t.db, { now, retentionDays: 90 }), {
      chats: 0,
      emails: 0,
      mails: 0,
    });
    const after = await t.db
      .selectFrom('audit_events')
      .select('id')
      .where('type', '=', 'contact.retention_purged')
      .execute();
    assert.equal(after.length, audits.length);
  });

  it('runs as a job on the clock: the recent chat goes once the clock passes its retention', async () => {
    const logged: unknown[] = [];
    const job = createContactRetentionJob({
      db: t.db,
      config: t.config,
      clock: t.clock,
      logger: { debug() {}, info: (obj: unknown) => logged.push(obj), warn() {}, error() {} } as never,
    });
    assert.equal(job.runAtStart, true);
    const id = await conversation('chat', 'ended', t.clock.now());
    await job.run(new AbortController().signal);
    assert.equal(await exists('contact_conversations', id), true);
    t.clock.advance(91 * DAY);
    await job.run(new AbortController().signal);
    assert.equal(await exists('contact_conversations', id), false);
    assert.ok(logged.length >= 1);
  });
});
