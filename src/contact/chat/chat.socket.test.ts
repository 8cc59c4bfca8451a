import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { unique } from '../../../test/helpers/database.js';
import { createUserForTest, loginAs } from '../../../test/helpers/factories.js';
import { SESSION_COOKIE } from '../../identity/session.service.js';
import { defaultOpeningHours } from '../opening-hours.js';
import { CHAT_COOKIE, type ChatContext, startChat, takeNext, updateAgent } from './chat.service.js';
import { MAX_VISITOR_SOCKETS, MESSAGE_BURST } from './chat-hub.js';
import { SocketClient } from './chat-socket.test-helpers.js';

const OPEN = new Date('2026-12-01T10:00:00Z');

let t: TestApp;
let base: string;
let origin: string;

before(async () => {
  t = await createTestApp();
  t.clock.set(OPEN);
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  base = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  origin = new URL(t.config.publicUrl).origin;
});
after(async () => {
  await t.close();
});

function ctx(): ChatContext {
  return { db: t.db, now: t.clock.now(), config: t.config };
}

async function makeTopic(): Promise<string> {
  const slug = unique('t');
  const row = await t.db
    .insertInto('contact_topics')
    .values({ slug, name_nl: slug, name_en: slug, opening_hours: JSON.stringify(defaultOpeningHours) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function visit(topicId: string, offsetMs = 0) {
  t.clock.set(new Date(OPEN.getTime() + offsetMs));
  const chat = await startChat(ctx(), { topicId, name: 'Visitor', locale: 'nl', visitorKeyHash: null });
  return chat;
}

function connectVisitor(token: string | undefined, headers: Record<string, string> = {}, query = '') {
  return SocketClient.connect(`${base}/contact/chat/socket${query}`, {
    origin,
    ...(token ? { cookie: `${CHAT_COOKIE}=${token}` } : {}),
    ...headers,
  });
}

async function connectAgent(user: { id: string }, headers: Record<string, string> = {}) {
  const client = await loginAs(t, user);
  return SocketClient.connect(`${base}/console/socket`, {
    origin,
    cookie: `${SESSION_COOKIE}=${client.cookies.get(SESSION_COOKIE)}`,
    ...headers,
  });
}

async function messagesOf(conversationId: string) {
  return t.db
    .selectFrom('contact_messages')
    .select(['author', 'body'])
    .where('conversation_id', '=', conversationId)
    .orderBy('seq')
    .execute();
}

describe('the visitor socket', () => {
  it('shows the position on connect and a new one when someone ahead is assigned', async () => {
    const topic = await makeTopic();
    const first = await visit(topic, 0);
    await visit(topic, 1000);
    const third = await visit(topic, 2000);
    const firstSocket = await connectVisitor(first.visitorToken);
    const socket = await connectVisitor(third.visitorToken);
    const status = await socket.next((f) => f.type === 'status');
    assert.equal(status.state, 'queued');
    assert.equal(status.position, 3);
    assert.deepEqual(status.estimate, { kind: 'none' });
    assert.match(status.text, /3/);
    const agent = await createUserForTest(t.db, { roles: ['agent'], name: 'Anna Peeters' });
    await updateAgent(ctx(), agent.id, { topicIds: [topic], availability: 'away' });
    await takeNext(ctx(), agent.id);
    const moved = await socket.next((f) => f.type === 'status');
    assert.equal(moved.position, 2);
    const started = await firstSocket.next((f) => f.type === 'status' && f.state === 'active');
    assert.equal(started.agentName, 'Anna');
    assert.equal(started.position, null);
    const system = await firstSocket.next((f) => f.type === 'message');
    assert.equal(system.message.author, 'system');
    assert.equal(system.message.text, 'De chat met Anna is begonnen.');
    // Only real changes are sent: no second status for the third visitor without a change.
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(socket.all('status').length, 2);
    await Promise.all([socket.close(), firstSocket.close()]);
  });

  it('carries messages both ways between visitor and agent', async () => {
    const topic = await makeTopic();
    const v = await visit(topic);
    const visitor = await connectVisitor(v.visitorToken);
    await visitor.next((f) => f.type === 'status');
    const user = await createUserForTest(t.db, { roles: ['agent'], name: 'Bert Claes' });
    const agent = await connectAgent(user);
    await agent.next((f) => f.type === 'agent');
    await agent.next((f) => f.type === 'queue');
    await updateAgent(ctx(), user.id, { topicIds: [topic], availability: 'available', capacity: 2 });
    const chat = await agent.next((f) => f.type === 'chat');
    assert.equal(chat.chat.id, v.conversationId);
    assert.equal(chat.chat.messages.at(-1).text, 'De chat met Bert Claes is begonnen.');
    await visitor.next((f) => f.type === 'status' && f.state === 'active');
    visitor.send({ type: 'message', body: 'Hallo, ik heb een vraag' });
    const atAgent = await agent.next((f) => f.type === 'message' && f.message.author === 'visitor');
    assert.equal(atAgent.conversationId, v.conversationId);
    assert.equal(atAgent.message.text, 'Hallo, ik heb een vraag');
    agent.send({ type: 'message', conversationId: v.conversationId, body: 'Zeg het maar' });
    const atVisitor = await visitor.next((f) => f.type === 'message' && f.message.author === 'agent');
    assert.equal(atVisitor.message.text, 'Zeg het maar');
    assert.equal(atVisitor.message.agentName, 'Bert', 'the visitor sees the first name only');
    assert.deepEqual(
      (await messagesOf(v.conversationId)).map((m) => m.author),
      ['system', 'visitor', 'agent'],
    );
    await Promise.all([visitor.close(), agent.close()]);
  });

  it('keeps the place and the conversation across a reconnect, replaying what was missed', async () => {
    const topic = await makeTopic();
    await visit(topic, 0);
    const v = await visit(topic, 1000);
    const socket = await connectVisitor(v.visitorToken);
    assert.equal((await socket.next((f) => f.type === 'status')).position, 2);
    socket.send({ type: 'message', body: 'eerste' });
    const own = await socket.next((f) => f.type === 'message');
    await socket.close();
    const again = await connectVisitor(v.visitorToken, {}, `?after=${own.message.id}`);
    const status = await again.next((f) => f.type === 'status');
    assert.equal(status.position, 2);
    assert.equal(status.state, 'queued');
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(again.all('message').length, 0, 'nothing after the last message seen');
    await again.close();
    const fresh = await connectVisitor(v.visitorToken);
    assert.equal((await fresh.next((f) => f.type === 'message')).message.body, 'eerste');
    await fresh.close();
  });
});

describe('refusals', () => {
  it('refuses a wrong or missing Origin, a missing or forged cookie, and the wrong role', async () => {
    const topic = await makeTopic();
    const v = await visit(topic);
    await assert.rejects(connectVisitor(v.visitorToken, { origin: 'https://evil.example' }), /HTTP 403/);
    await assert.rejects(
      SocketClient.connect(`${base}/contact/chat/socket`, { cookie: `${CHAT_COOKIE}=${v.visitorToken}` }),
      /HTTP 403/,
    );
    await assert.rejects(connectVisitor(undefined), /HTTP 403/);
    await assert.rejects(connectVisitor('A'.repeat(43)), /HTTP 403/);
    await assert.rejects(connectVisitor(`${v.visitorToken.slice(0, -1)}x`), /HTTP 403/);
    // Staff routes send a visitor without a session to the login page: a refusal all the same.
    await assert.rejects(SocketClient.connect(`${base}/console/socket`, { origin }), /HTTP (401|303)/);
    const staff = await createUserForTest(t.db, { roles: ['staff'] });
    await assert.rejects(connectAgent(staff), /HTTP 403/);
    const agent = await createUserForTest(t.db, { roles: ['agent'] });
    await assert.rejects(connectAgent(agent, { origin: 'http://localhost.evil.example' }), /HTTP 403/);
    // The page's own origin (the host the request went to) is this application too, also when
    // PUBLIC_URL names another spelling of it (localhost vs 127.0.0.1); another port is not.
    const ownOrigin = base.replace('ws:', 'http:');
    const own = await connectVisitor(v.visitorToken, { origin: ownOrigin });
    await own.close();
    const port = Number(new URL(ownOrigin).port);
    await assert.rejects(
      connectVisitor(v.visitorToken, { origin: `http://127.0.0.1:${port + 1}` }),
      /HTTP 403/,
    );
    await assert.rejects(
      connectVisitor(v.visitorToken, { origin: `https://127.0.0.1:${port}.evil` }),
      /HTTP 403/,
    );
  });

  it('never lets a visitor reach another visitor’s chat', async () => {
    const topic = await makeTopic();
    const mine = await visit(topic);
    const theirs = await visit(topic);
    const socket = await connectVisitor(mine.visitorToken);
    await socket.next((f) => f.type === 'status');
    socket.send({ type: 'message', body: 'hijack', conversationId: theirs.conversationId });
    assert.equal((await socket.next((f) => f.type === 'error')).code, 'bad_frame');
    socket.send({ type: 'message', body: 'mine' });
    await socket.next((f) => f.type === 'message');
    assert.deepEqual(await messagesOf(theirs.conversationId), []);
    // An agent cannot write into a chat that is not assigned to them either.
    const user = await createUserForTest(t.db, { roles: ['agent'] });
    const agent = await connectAgent(user);
    await agent.next((f) => f.type === 'agent');
    agent.send({ type: 'message', conversationId: theirs.conversationId, body: 'hello' });
    assert.equal((await agent.next((f) => f.type === 'error')).code, 'not_yours');
    agent.send({ type: 'message', conversationId: '00000000-0000-0000-0000-000000000000', body: 'hello' });
    assert.equal((await agent.next((f) => f.type === 'error')).code, 'not_found');
    assert.deepEqual(await messagesOf(theirs.conversationId), []);
    await Promise.all([socket.close(), agent.close()]);
  });

  it('answers malformed, unknown, binary, too long and flooding frames with clear errors and stores nothing', async () => {
    const topic = await makeTopic();
    const v = await visit(topic);
    const socket = await connectVisitor(v.visitorToken);
    await socket.next((f) => f.type === 'status');
    socket.send('{not json');
    let error = await socket.next((f) => f.type === 'error');
    assert.equal(error.code, 'bad_frame');
    assert.equal(error.text, 'Dit bericht kon niet gelezen worden. Probeer het opnieuw.');
    socket.send({ type: 'shout', body: 'x' });
    assert.equal((await socket.next((f) => f.type === 'error')).code, 'bad_frame');
    socket.send({ type: 'message', body: ['an', 'array'] });
    assert.equal((await socket.next((f) => f.type === 'error')).code, 'bad_frame');
    socket.send('null');
    assert.equal((await socket.next((f) => f.type === 'error')).code, 'bad_frame');
    socket.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    assert.equal((await socket.next((f) => f.type === 'error')).code, 'bad_frame');
    socket.send({ type: 'message', body: 'x'.repeat(2001) });
    assert.equal((await socket.next((f) => f.type === 'error')).code, 'too_long');
    socket.send({ type: 'message', body: '   ' });
    assert.equal((await socket.next((f) => f.type === 'error')).code, 'empty');
    assert.deepEqual(await messagesOf(v.conversationId), []);
    await socket.close();
    // A flood (a fresh chat: the refused messages above count in this chat's window): the first
    // five pass, the rest are refused with too_fast.
    const w = await visit(topic);
    const flood = await connectVisitor(w.visitorToken);
    for (let i = 0; i < 8; i++) flood.send({ type: 'message', body: `m${i}` });
    error = await flood.next((f) => f.type === 'error');
    assert.equal(error.code, 'too_fast');
    await new Promise((r) => setTimeout(r, 200));
    assert.equal((await messagesOf(w.conversationId)).length, 5);
    // An oversized frame closes the socket (1009); the server carries on.
    flood.send({ type: 'message', body: 'y'.repeat(20_000) });
    assert.equal(await flood.closed(), 1009);
    const health = await t.app.inject({ method: 'GET', url: '/health' });
    assert.equal(health.statusCode, 200);
    const again = await connectVisitor(v.visitorToken);
    assert.equal((await again.next((f) => f.type === 'status')).state, 'queued');
    await again.close();
  });

  it('shares the message throttle among all sockets of one chat and caps how many it may open', async () => {
    const topic = await makeTopic();
    const v = await visit(topic);
    const sockets = await Promise.all(
      Array.from({ length: MAX_VISITOR_SOCKETS }, () => connectVisitor(v.visitorToken)),
    );
    // Another tab beyond the cap is refused before the upgrade, and changes nothing.
    await assert.rejects(connectVisitor(v.visitorToken), /HTTP 429/);
    for (const socket of sockets)
      for (let i = 0; i < MESSAGE_BURST; i++) socket.send({ type: 'message', body: 'spam' });
    const tooFast = () => sockets.flatMap((s) => s.all('error')).filter((f) => f.code === 'too_fast').length;
    for (let i = 0; i < 50 && tooFast() < MAX_VISITOR_SOCKETS * MESSAGE_BURST - MESSAGE_BURST; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(tooFast(), MAX_VISITOR_SOCKETS * MESSAGE_BURST - MESSAGE_BURST);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal((await messagesOf(v.conversationId)).length, MESSAGE_BURST);
    await Promise.all(sockets.map((s) => s.close()));
    // Reconnecting does not reset the chat's window.
    const again = await connectVisitor(v.visitorToken);
    again.send({ type: 'message', body: 'more' });
    assert.equal((await again.next((f) => f.type === 'error')).code, 'too_fast');
    await again.close();
    // Nor can a chat reconnect without end: the connections per minute are counted too.
    let refused = false;
    for (let i = 0; i < 40 && !refused; i++) {
      try {
        await (await connectVisitor(v.visitorToken)).close();
      } catch (error) {
        assert.match(String(error), /HTTP 429/);
        refused = true;
      }
    }
    assert.ok(refused, 'a reconnect loop is throttled');
  });

  it('closes a connection that keeps sending garbage with 1008', async () => {
    const topic = await makeTopic();
    const v = await visit(topic);
    const socket = await connectVisitor(v.visitorToken);
    await socket.next((f) => f.type === 'status');
    for (let i = 0; i < 40; i++) socket.send('garbage');
    assert.equal(await socket.closed(), 1008);
  });
});
