import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.js';
import { seedDemoContact } from './demo-contact.js';
import { countOpenEmail, findEmailThread, listEmailQueue } from './email/email.service.js';

describe('demo data of the contact channel', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('seeds e-mail conversations in every state (one overdue) and rated chats, once', async () => {
    const now = new Date('2026-12-10T10:00:00Z');
    await seedDemoContact(t.db, now);
    await seedDemoContact(t.db, now);
    const ctx = { db: t.db, now, config: t.config };
    const all = await listEmailQueue(ctx, 'all');
    assert.deepEqual(new Set(all.map((item) => item.state)), new Set(['open', 'answered', 'closed']));
    assert.equal(all.length, 5);
    const counts = await countOpenEmail(t.db, now);
    assert.equal(counts.open, 3);
    assert.equal(counts.overdue, 1);
    const replied = all.find((item) => item.visitorName === 'Lotte Maes');
    const thread = replied && (await findEmailThread(ctx, replied.id));
    assert.deepEqual(
      thread?.messages.map((m) => m.author),
      ['visitor', 'agent', 'visitor'],
    );
    const chats = await t.db
      .selectFrom('contact_conversations')
      .select(['rating', 'state'])
      .where('kind', '=', 'chat')
      .execute();
    assert.equal(chats.length, 3);
    assert.ok(chats.every((c) => c.state === 'ended' && c.rating !== null));
    const feedback = await t.db.selectFrom('page_feedback').select(['page', 'useful']).execute();
    assert.equal(feedback.length, 69, 'seeded once');
    assert.ok(feedback.some((f) => !f.useful));
  });
});
