import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { openAnotherConnection, openTestDatabase, unique } from '../../../test/helpers/database.js';
import { createUserForTest, loginAs } from '../../../test/helpers/factories.js';
import { SESSION_COOKIE } from '../../identity/session.service.js';
import type { OpenDatabase } from '../../platform/db/database.js';
import { defaultOpeningHours } from '../opening-hours.js';
import { CHAT_COOKIE, type ChatContext, startChat, updateAgent } from './chat.service.js';
import { SocketClient } from './chat-socket.test-helpers.js';

/**
 * Two app instances on one PostgreSQL database, each with its own pool and its own LISTEN
 * connection, so every event really crosses between processes' connections through NOTIFY.
 * PGlite is one in-process database and cannot show this: the test needs TEST_DATABASE_URL.
 */
const skip = process.env.TEST_DATABASE_URL
  ? false
  : 'needs PostgreSQL: set TEST_DATABASE_URL (CI does) — two instances cannot share an embedded PGlite';

const OPEN = new Date('2026-12-01T10:00:00Z');

describe('two app instances on one PostgreSQL', { skip }, () => {
  let database: OpenDatabase;
  let second: OpenDatabase;
  let one: TestApp;
  let two: TestApp;
  let urlOne: string;
  let urlTwo: string;

  before(async () => {
    database = await openTestDatabase();
    second = await openAnotherConnection(database);
    one = await createTestApp({ database });
    two = await createTestApp({ database: second });
    one.clock.set(OPEN);
    two.clock.set(OPEN);
    await one.app.listen({ host: '127.0.0.1', port: 0 });
    await two.app.listen({ host: '127.0.0.1', port: 0 });
    urlOne = `ws://127.0.0.1:${(one.app.server.address() as AddressInfo).port}`;
    urlTwo = `ws://127.0.0.1:${(two.app.server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await two?.close();
    await one?.close();
    await second?.close();
    await database?.close();
  });

  it('lets a visitor on one instance and an agent on the other chat both ways', async () => {
    const origin = new URL(one.config.publicUrl).origin;
    const ctx: ChatContext = { db: one.db, now: OPEN, config: one.config };
    const slug = unique('t');
    const topic = await one.db
      .insertInto('contact_topics')
      .values({ slug, name_nl: slug, name_en: slug, opening_hours: JSON.stringify(defaultOpeningHours) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await startChat(ctx, { topicId: topic.id, name: 'Ahead', locale: 'nl', visitorKeyHash: null });
    const v = await startChat(
      { ...ctx, now: new Date(OPEN.getTime() + 1000) },
      {
        topicId: topic.id,
        name: 'Visitor',
        locale: 'en',
        visitorKeyHash: null,
      },
    );
    const visitor = await SocketClient.connect(`${urlOne}/contact/chat/socket`, {
      origin,
      cookie: `${CHAT_COOKIE}=${v.visitorToken}`,
    });
    assert.equal((await visitor.next((f) => f.type === 'status')).position, 2);

    const user = await createUserForTest(one.db, { roles: ['agent'], name: 'Chris Janssens' });
    const session = await loginAs(two, user);
    const agent = await SocketClient.connect(`${urlTwo}/console/socket`, {
      origin,
      cookie: `${SESSION_COOKIE}=${session.cookies.get(SESSION_COOKIE)}`,
    });
    await agent.next((f) => f.type === 'agent');
    // Capacity 2 for the two visitors; the assignment runs on the instance of the agent's change.
    await updateAgent({ db: two.db, now: OPEN, config: two.config }, user.id, {
      topicIds: [topic.id],
      capacity: 2,
      availability: 'available',
    });

    const started = await visitor.next((f) => f.type === 'status' && f.state === 'active', 5000);
    assert.equal(started.agentName, 'Chris');
    assert.equal(started.text.includes('Chris'), true);
    const chats = [
      await agent.next((f) => f.type === 'chat', 5000),
      await agent.next((f) => f.type === 'chat', 5000),
    ];
    assert.ok(chats.some((c) => c.chat.id === v.conversationId));

    visitor.send({ type: 'message', body: 'Hello from instance one' });
    const atAgent = await agent.next((f) => f.type === 'message' && f.message.author === 'visitor', 5000);
    assert.equal(atAgent.conversationId, v.conversationId);
    assert.equal(atAgent.message.text, 'Hello from instance one');

    agent.send({ type: 'message', conversationId: v.conversationId, body: 'Hello from instance two' });
    const atVisitor = await visitor.next((f) => f.type === 'message' && f.message.author === 'agent', 5000);
    assert.equal(atVisitor.message.text, 'Hello from instance two');
    await Promise.all([visitor.close(), agent.close()]);
  });
});
