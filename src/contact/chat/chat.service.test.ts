import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestDatabase, unique } from '../../../test/helpers/database.js';
import { createUserForTest } from '../../../test/helpers/factories.js';
import { loadConfig } from '../../config.js';
import type { Db, OpenDatabase } from '../../platform/db/database.js';
import { defaultOpeningHours } from '../opening-hours.js';
import {
  AGENT_PRESENCE_MS,
  abandonGone,
  agentChats,
  assignWaiting,
  type ChatContext,
  ChatError,
  chatAvailability,
  chatMessageText,
  endChatByAgent,
  endChatByVisitor,
  findAgentChat,
  findChatByVisitorToken,
  getAgent,
  leaveQueue,
  MAX_CHAT_MESSAGE,
  postAgentMessage,
  postVisitorMessage,
  startChat,
  takeNext,
  touchVisitor,
  transferChat,
  updateAgent,
} from './chat.service.js';

// Tuesday 1 December 2026, 11:00 in Brussels: open under the default hours.
const OPEN = new Date('2026-12-01T10:00:00Z');
const config = loadConfig({ LOG_LEVEL: 'silent' });

let database: OpenDatabase;
let db: Db;

before(async () => {
  database = await openTestDatabase();
  db = database.db;
});
after(async () => {
  await database.close();
});

function at(ms: number): ChatContext {
  return { db, now: new Date(OPEN.getTime() + ms), config };
}

async function makeTopic(): Promise<string> {
  const slug = unique('t');
  const row = await db
    .insertInto('contact_topics')
    .values({ slug, name_nl: slug, name_en: slug, opening_hours: JSON.stringify(defaultOpeningHours) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function makeAgent(
  ctx: ChatContext,
  topicIds: string[],
  options: { capacity?: number; availability?: 'available' | 'away' | 'offline'; name?: string } = {},
): Promise<string> {
  const user = await createUserForTest(db, {
    roles: ['agent'],
    ...(options.name ? { name: options.name } : {}),
  });
  await updateAgent(ctx, user.id, {
    topicIds,
    capacity: options.capacity ?? 3,
    availability: options.availability ?? 'available',
  });
  return user.id;
}

async function visit(ctx: ChatContext, topicId: string, name = 'Visitor') {
  return startChat(ctx, { topicId, name, locale: 'nl', visitorKeyHash: null });
}

async function stateOf(id: string) {
  return db
    .selectFrom('contact_conversations')
    .select(['state', 'agent_id', 'queued_at', 'topic_id'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

async function rejects(promise: Promise<unknown>, code: ChatError['code']): Promise<void> {
  await assert.rejects(promise, (error: unknown) => error instanceof ChatError && error.code === code);
}

describe('starting a chat', () => {
  it('queues the visitor with a position and no estimate while no agent is online', async () => {
    const topic = await makeTopic();
    const first = await visit(at(0), topic);
    const second = await visit(at(1000), topic);
    const third = await visit(at(2000), topic);
    const chats = await Promise.all(
      [first, second, third].map((v) => findChatByVisitorToken(at(3000), v.visitorToken)),
    );
    assert.deepEqual(
      chats.map((c) => c?.position),
      [1, 2, 3],
    );
    assert.deepEqual(chats[0]?.estimate, { kind: 'none' });
    const availability = await chatAvailability(at(3000), topic);
    assert.equal(availability.waiting, 3);
    assert.equal(availability.open, true);
    // The token is the only key; nothing else finds the chat.
    assert.equal(await findChatByVisitorToken(at(0), `${first.visitorToken}x`), null);
    const stored = await db
      .selectFrom('contact_conversations')
      .select('visitor_token_hash')
      .where('id', '=', first.conversationId)
      .executeTakeFirstOrThrow();
    assert.notEqual(stored.visitor_token_hash, first.visitorToken);
  });

  it('refuses with closed outside the opening hours, and unknown_topic for a forged topic', async () => {
    const topic = await makeTopic();
    const saturday = { db, now: new Date('2026-12-05T10:00:00Z'), config };
    await rejects(visit(saturday, topic), 'closed');
    const christmas = { db, now: new Date('2026-12-25T10:00:00Z'), config };
    await rejects(visit(christmas, topic), 'closed');
    await rejects(visit(at(0), '00000000-0000-0000-0000-000000000000'), 'unknown_topic');
    await rejects(visit(at(0), "1' or 1=1"), 'unknown_topic');
    assert.equal((await chatAvailability(saturday, topic)).open, false);
  });
});

describe('assignment', () => {
  it('gives the longest-waiting visitor of the agent’s own topics first', async () => {
    const topicA = await makeTopic();
    const topicB = await makeTopic();
    const a1 = await visit(at(0), topicA);
    const b1 = await visit(at(1000), topicB);
    const a2 = await visit(at(2000), topicA);
    const agent = await makeAgent(at(3000), [topicA], { capacity: 1 });
    assert.equal((await stateOf(a1.conversationId)).agent_id, agent);
    assert.equal((await stateOf(a2.conversationId)).state, 'queued');
    await endChatByAgent(at(4000), agent, a1.conversationId);
    assert.equal(await assignWaiting(at(5000)), 1);
    assert.equal((await stateOf(a2.conversationId)).agent_id, agent);
    assert.equal((await stateOf(b1.conversationId)).state, 'queued', 'a topic the agent does not serve');
    const started = (await findAgentChat(at(5000), agent, a2.conversationId))?.messages.at(-1);
    assert.equal(started?.author, 'system');
    assert.equal(started?.body, 'chat.system.started');
  });

  it('gives the next visitor to the agent with the fewest active chats, then the one waiting longest', async () => {
    const topic = await makeTopic();
    const busy = await makeAgent(at(0), [topic], { capacity: 3 });
    const first = await visit(at(1000), topic);
    await assignWaiting(at(1000));
    assert.equal((await stateOf(first.conversationId)).agent_id, busy);
    const idle = await makeAgent(at(2000), [topic], { capacity: 3 });
    const second = await visit(at(3000), topic);
    await assignWaiting(at(3000));
    assert.equal((await stateOf(second.conversationId)).agent_id, idle, 'fewest active chats first');
    // Both have one chat now; `busy` received theirs longest ago.
    const third = await visit(at(4000), topic);
    await assignWaiting(at(4000));
    assert.equal((await stateOf(third.conversationId)).agent_id, busy);
  });

  it('never exceeds capacity: takeNext refuses with over_capacity and assignment skips a full agent', async () => {
    const topic = await makeTopic();
    const agent = await makeAgent(at(0), [topic], { capacity: 2, availability: 'away' });
    const visitors = [];
    for (let i = 0; i < 3; i++) visitors.push(await visit(at(1000 + i), topic));
    assert.equal(await assignWaiting(at(2000)), 0, 'an agent who is away receives nothing automatically');
    assert.equal(await takeNext(at(2000), agent), visitors[0]?.conversationId);
    assert.equal(await takeNext(at(2000), agent), visitors[1]?.conversationId);
    await rejects(takeNext(at(2000), agent), 'over_capacity');
    await updateAgent(at(3000), agent, { availability: 'available' });
    assert.equal((await getAgent(at(3000), agent)).activeCount, 2);
    assert.equal((await stateOf(visitors[2]?.conversationId ?? '')).state, 'queued');
  });

  it('does not count an available agent whose console went quiet as online', async () => {
    const topic = await makeTopic();
    await makeAgent(at(0), [topic]);
    const later = at(AGENT_PRESENCE_MS + 1000);
    const v = await visit(later, topic);
    assert.equal(await assignWaiting(later), 0);
    assert.equal((await stateOf(v.conversationId)).state, 'queued');
    assert.deepEqual((await chatAvailability(later, topic)).estimate, { kind: 'none' });
    assert.notDeepEqual((await chatAvailability(at(1000), topic)).estimate, { kind: 'none' });
  });

  it('refuses agent actions for users without the agent role', async () => {
    const staff = await createUserForTest(db, { roles: ['staff'] });
    await rejects(getAgent(at(0), staff.id), 'unknown_agent');
    await rejects(takeNext(at(0), staff.id), 'unknown_agent');
    await rejects(updateAgent(at(0), staff.id, { availability: 'available' }), 'unknown_agent');
    const agent = await createUserForTest(db, { roles: ['agent'] });
    await rejects(updateAgent(at(0), agent.id, { capacity: 11 }), 'over_capacity');
    await rejects(
      updateAgent(at(0), agent.id, { topicIds: ['00000000-0000-0000-0000-000000000000'] }),
      'unknown_topic',
    );
    const state = await getAgent(at(0), agent.id);
    assert.deepEqual(state, {
      userId: agent.id,
      availability: 'offline',
      capacity: 3,
      topicIds: [],
      activeCount: 0,
    });
  });
});

describe('concurrent claims', () => {
  it('assigns every visitor at most once and keeps every agent within capacity', async () => {
    const topic2 = await makeTopic();
    const racers: string[] = [];
    for (let i = 0; i < 5; i++)
      racers.push(await makeAgent(at(3000), [topic2], { capacity: 2, availability: 'away' }));
    const waiting = [];
    for (let i = 0; i < 20; i++) waiting.push(await visit(at(4000 + i), topic2));
    // Available straight in the table, so that no assignment pass runs before the race starts.
    await db
      .updateTable('contact_agents')
      .set({ availability: 'available' })
      .where('user_id', 'in', racers)
      .execute();
    const claims = await Promise.allSettled([
      ...racers.flatMap((agent) => [
        takeNext(at(5000), agent),
        takeNext(at(5000), agent),
        takeNext(at(5000), agent),
      ]),
      assignWaiting(at(5000)),
      assignWaiting(at(5000)),
      assignWaiting(at(5000)),
    ]);
    for (const claim of claims) {
      if (claim.status === 'rejected') {
        assert.ok(
          claim.reason instanceof ChatError && claim.reason.code === 'over_capacity',
          String(claim.reason),
        );
      }
    }
    const rows = await db
      .selectFrom('contact_conversations')
      .select(['id', 'state', 'agent_id'])
      .where('topic_id', '=', topic2)
      .execute();
    const active = rows.filter((r) => r.state === 'active');
    assert.equal(active.length, 10, 'all ten slots filled');
    for (const agent of racers) assert.equal(active.filter((r) => r.agent_id === agent).length, 2);
    // Each assignment wrote exactly one "started" message: no chat was claimed twice.
    const started = await db
      .selectFrom('contact_messages')
      .select(['conversation_id'])
      .where('body', '=', 'chat.system.started')
      .where(
        'conversation_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    assert.equal(started.length, 10);
    assert.equal(new Set(started.map((s) => s.conversation_id)).size, 10);
    // The ten assigned are the ten who waited longest.
    const assignedIds = new Set(active.map((r) => r.id));
    assert.deepEqual(
      waiting.map((w) => assignedIds.has(w.conversationId)),
      [...Array(10).fill(true), ...Array(10).fill(false)],
    );
  });

  it('never puts one agent over capacity when many claims for that agent race', async () => {
    const topic = await makeTopic();
    const agent = await makeAgent(at(0), [topic], { capacity: 3, availability: 'away' });
    for (let i = 0; i < 10; i++) await visit(at(1000 + i), topic);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => takeNext(at(2000), agent)));
    assert.equal(results.filter((r) => r.status === 'fulfilled' && r.value !== null).length, 3);
    assert.equal((await agentChats(at(2000), agent)).length, 3);
  });
});

describe('transfer', () => {
  it('back to a topic keeps the visitor’s original place', async () => {
    const topic = await makeTopic();
    const other = await makeTopic();
    const agent = await makeAgent(at(0), [topic], { capacity: 1, availability: 'away' });
    const first = await visit(at(1000), topic);
    const second = await visit(at(2000), other);
    await visit(at(3000), other);
    assert.equal(await takeNext(at(4000), agent), first.conversationId);
    await transferChat(at(5000), agent, first.conversationId, { topicId: other });
    const moved = await stateOf(first.conversationId);
    assert.equal(moved.state, 'queued');
    assert.equal(moved.topic_id, other);
    assert.equal(moved.queued_at?.getTime(), OPEN.getTime() + 1000);
    assert.equal((await findChatByVisitorToken(at(5000), first.visitorToken))?.position, 1);
    assert.equal((await findChatByVisitorToken(at(5000), second.visitorToken))?.position, 2);
    await rejects(postAgentMessage(at(5000), agent, first.conversationId, 'still there?'), 'not_yours');
  });

  it('to a colleague needs them online, serving the topic, with a free slot', async () => {
    const topic = await makeTopic();
    const from = await makeAgent(at(0), [topic], { capacity: 2, availability: 'away' });
    const offline = await makeAgent(at(0), [topic], { availability: 'offline' });
    const otherTopic = await makeAgent(at(0), [], { capacity: 3 });
    const v1 = await visit(at(1000), topic);
    const v2 = await visit(at(1001), topic);
    await takeNext(at(2000), from);
    await takeNext(at(2000), from);
    // Colleagues made available only now, with both chats taken: none is assigned by itself.
    const full = await makeAgent(at(2500), [topic], { capacity: 1 });
    const free = await makeAgent(at(2500), [topic], { capacity: 1, name: 'Anna Peeters' });
    await rejects(transferChat(at(3000), from, v1.conversationId, { agentId: otherTopic }), 'unknown_agent');
    await transferChat(at(3000), from, v2.conversationId, { agentId: full });
    await rejects(transferChat(at(3000), from, v1.conversationId, { agentId: offline }), 'unknown_agent');
    await rejects(transferChat(at(3000), from, v1.conversationId, { agentId: full }), 'over_capacity');
    await rejects(transferChat(at(3000), full, v1.conversationId, { agentId: free }), 'not_yours');
    await transferChat(at(3000), from, v1.conversationId, { agentId: free });
    assert.equal((await stateOf(v1.conversationId)).agent_id, free);
    const chat = await findChatByVisitorToken(at(3000), v1.visitorToken);
    assert.equal(chat?.agentName, 'Anna', 'the visitor sees the first name');
    const last = chat?.messages.at(-1);
    assert.ok(last);
    assert.equal(chatMessageText(last, 'nl'), 'De chat is doorgegeven aan Anna.');
    assert.equal(chatMessageText(last, 'en'), 'The chat has been handed over to Anna.');
  });
});

describe('messages', () => {
  it('takes messages while queued and active, cleaned, and refuses empty, too long and closed chats', async () => {
    const topic = await makeTopic();
    const agent = await makeAgent(at(0), [topic], { capacity: 1, availability: 'away' });
    const intruder = await makeAgent(at(0), [topic], { availability: 'away' });
    const v = await visit(at(1000), topic);
    const early = await postVisitorMessage(at(1500), v.conversationId, '  Hallo\r\nik wacht\u0000  ');
    assert.equal(early.body, 'Hallo\nik wacht');
    await rejects(postVisitorMessage(at(1500), v.conversationId, ' \n\t '), 'empty');
    await rejects(
      postVisitorMessage(at(1500), v.conversationId, 'x'.repeat(MAX_CHAT_MESSAGE + 1)),
      'too_long',
    );
    await rejects(postVisitorMessage(at(1500), '00000000-0000-0000-0000-000000000000', 'hi'), 'not_found');
    await rejects(postVisitorMessage(at(1500), 'not-a-uuid', 'hi'), 'not_found');
    await takeNext(at(2000), agent);
    await rejects(postAgentMessage(at(2000), intruder, v.conversationId, 'mine now'), 'not_yours');
    assert.equal(await findAgentChat(at(2000), intruder, v.conversationId), null);
    await postAgentMessage(at(2500), agent, v.conversationId, 'Goedemiddag');
    await endChatByVisitor(at(3000), v.conversationId);
    await rejects(postVisitorMessage(at(3500), v.conversationId, 'nog iets'), 'not_open');
    await rejects(postAgentMessage(at(3500), agent, v.conversationId, 'nog iets'), 'not_open');
    const chat = await findChatByVisitorToken(at(4000), v.visitorToken);
    assert.equal(chat?.state, 'ended');
    assert.deepEqual(
      chat?.messages.map((m) => [m.author, m.body]),
      [
        ['visitor', 'Hallo\nik wacht'],
        ['system', 'chat.system.started'],
        ['agent', 'Goedemiddag'],
        ['system', 'chat.system.ended_by_visitor'],
      ],
    );
    // Ending twice, or leaving a finished chat, changes nothing.
    await endChatByVisitor(at(4000), v.conversationId);
    await leaveQueue(at(4000), v.conversationId);
    assert.equal((await stateOf(v.conversationId)).state, 'ended');
  });
});

describe('grace period', () => {
  it('abandons queued visitors unseen for longer than the grace period, and only them', async () => {
    const topic = await makeTopic();
    const grace = config.contact.graceSeconds * 1000;
    const gone = await visit(at(0), topic);
    const present = await visit(at(0), topic);
    await touchVisitor(at(grace - 1000), present.conversationId);
    const abandoned = await abandonGone(at(grace + 1000));
    assert.ok(abandoned >= 1);
    assert.equal((await stateOf(gone.conversationId)).state, 'abandoned');
    assert.equal((await stateOf(present.conversationId)).state, 'queued');
    assert.equal((await findChatByVisitorToken(at(grace + 1000), present.visitorToken))?.position, 1);
    const left = await visit(at(0), topic);
    await leaveQueue(at(1000), left.conversationId);
    assert.equal((await stateOf(left.conversationId)).state, 'left');
  });
});
