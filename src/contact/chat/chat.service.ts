/**
 * The live chat's queue and assignment (issue 4, PRODUCT.md §6). The queue order and every
 * assignment live in the database, so any number of app instances can share one PostgreSQL:
 *
 * - **Queue.** A waiting chat is a `contact_conversations` row with `state = 'queued'`; its place
 *   is its `queued_at` (then its id) within its topic. A transfer back to a topic keeps the
 *   original `queued_at`, so the visitor keeps their place.
 * - **Claims.** Every assignment locks the agent's `contact_agents` row (`FOR UPDATE`), counts the
 *   agent's active chats under that lock, and picks the longest-waiting queued chat of the agent's
 *   topics with `FOR UPDATE SKIP LOCKED`, updating it only `where state = 'queued'`. A chat is
 *   therefore never assigned twice and an agent never exceeds their capacity, also under
 *   concurrent claims from several instances.
 * - **Presence.** An agent is online when `availability = 'available'` and `seen_at` is less than
 *   {@link AGENT_PRESENCE_MS} old; the console socket refreshes `seen_at` every few seconds, and a
 *   console page load (see {@link getAgent}) counts too. A queued visitor unseen for
 *   `config.contact.graceSeconds` leaves the queue ({@link abandonGone}).
 * - **Fairness among agents.** Among the online agents with a free slot, the one with the fewest
 *   active chats, then the one who received a chat longest ago, gets the next visitor.
 *
 * Every change publishes its contact events in its own transaction (delivered after commit to
 * every instance). System messages store a catalogue key as body (`chat.system.*`), rendered in
 * the reader's language by {@link chatMessageText}.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Config } from '../../config.js';
import type { Db } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';
import { isMessageKey, translator } from '../../platform/ui/i18n/catalogue.js';
import type { Locale } from '../../platform/ui/i18n/define.js';
import { type ContactEvent, publishContactEvent } from '../contact-events.js';
import { isOpen, nextOpening } from '../opening-hours.js';
import { findTopic } from '../topics.js';
import { DEFAULT_WINDOW_MS, type QueueStats, type WaitEstimate, waitModel } from './wait-estimator.js';
import './chat.events.js';
import { appendAuditEvent } from '../../platform/audit/audit.js';
import type { AuditOrigin } from '../../platform/audit/audit-events.js';

/** What every chat service function needs: the database, the time and the configuration. */
export interface ChatContext {
  readonly db: Db;
  readonly now: Date;
  readonly config: Config;
}

export type ChatErrorCode =
  /** The topic does not exist or is not active. */
  | 'unknown_topic'
  /** The topic's chat is closed now (opening hours). */
  | 'closed'
  /** No such chat (or not one the caller may see). */
  | 'not_found'
  /** The chat is not in a state that allows this (e.g. a message to an ended chat). */
  | 'not_open'
  /** A message with nothing but white space. */
  | 'empty'
  /** A message longer than {@link MAX_CHAT_MESSAGE}. */
  | 'too_long'
  /** The chat is assigned to another agent. */
  | 'not_yours'
  /** The agent (or the transfer's target) has no free slot, or the capacity asked is out of range. */
  | 'over_capacity'
  /** No such agent, not online (transfer), or not allowed to act as one. */
  | 'unknown_agent';

/** An expected refusal of the chat service; `code` maps to `chat.error.<code>` in the catalogue. */
export class ChatError extends Error {
  constructor(readonly code: ChatErrorCode) {
    super(code);
    this.name = 'ChatError';
  }
}

/** Longest chat message, in characters (after normalising line ends). */
export const MAX_CHAT_MESSAGE = 2000;
/** Longest visitor name kept. */
export const MAX_VISITOR_NAME = 200;
/** How long after its last sign of life an available agent still counts as online. */
export const AGENT_PRESENCE_MS = 90_000;
/** The chat cookie: its value is the visitor token of {@link startChat}. */
export const CHAT_COOKIE = 'chat';
/** The chat cookie's path: only the chat pages and the visitor socket receive it. */
export const CHAT_COOKIE_PATH = '/contact/chat';
export const MIN_CAPACITY = 1;
export const MAX_CAPACITY = 10;

export type ChatState = 'queued' | 'active' | 'ended' | 'abandoned' | 'left';

export interface ChatMessage {
  readonly id: string;
  readonly author: 'visitor' | 'agent' | 'system';
  /** The text typed, or for `system` messages a catalogue key (see {@link chatMessageText}). */
  readonly body: string;
  readonly createdAt: Date;
  /** The agent who wrote it (agent) or whom it is about (system: started with, ended by). */
  readonly agentName: string | null;
}

export interface ChatAvailability {
  readonly open: boolean;
  /** When the topic opens next (now when open; null when nothing opens within the horizon). */
  readonly nextOpening: Date | null;
  /** The wait a visitor joining now would be shown. */
  readonly estimate: WaitEstimate;
  /** Visitors waiting in this topic's queue now. */
  readonly waiting: number;
}

export interface VisitorChat {
  readonly id: string;
  readonly topicId: string;
  readonly state: ChatState;
  readonly locale: Locale;
  readonly visitorName: string;
  /** 1-based place in the topic's queue while queued, else null. */
  readonly position: number | null;
  readonly estimate: WaitEstimate | null;
  /** The agent's first name once assigned (what the visitor sees of the agent). */
  readonly agentName: string | null;
  readonly messages: ChatMessage[];
  readonly rating: number | null;
  readonly transcriptSentAt: Date | null;
  readonly queuedAt: Date | null;
}

export interface AgentState {
  readonly userId: string;
  readonly availability: 'available' | 'away' | 'offline';
  readonly capacity: number;
  readonly topicIds: string[];
  readonly activeCount: number;
}

export interface AgentChat {
  readonly id: string;
  readonly topicId: string;
  readonly state: ChatState;
  readonly locale: Locale;
  readonly visitorName: string;
  readonly queuedAt: Date | null;
  readonly assignedAt: Date | null;
  readonly messages: ChatMessage[];
}

type Trx = Transaction<Database>;

/** The audit origin of an agent's own change (no address: the service is also called from sockets). */
async function agentOrigin(db: Db, userId: string): Promise<AuditOrigin> {
  const user = await db.selectFrom('users').select('username').where('id', '=', userId).executeTakeFirst();
  return { kind: 'user', userId, label: user?.username ?? userId };
}

// ---------------------------------------------------------------------------------------------
// Pure helpers

/** The sha256 (hex) under which a visitor token is stored. */
export function hashVisitorToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Normalises a typed message: line ends to `\n`, NUL and other control characters (except tab
 * and new line) removed, surrounding white space trimmed.
 * @throws ChatError `empty`, `too_long`
 */
export function normaliseMessageBody(body: string): string {
  const text = body
    .replace(/\r\n?/g, '\n')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .trim();
  if (text.length === 0) throw new ChatError('empty');
  if (text.length > MAX_CHAT_MESSAGE) throw new ChatError('too_long');
  return text;
}

function normaliseName(name: string): string {
  return (
    name
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_VISITOR_NAME)
  );
}

/** What a visitor sees of an agent's name: the first name only. */
export function visitorFacingName(name: string | null): string | null {
  if (name === null) return null;
  const first = name.trim().split(/\s+/)[0];
  return first && first.length > 0 ? first : null;
}

/**
 * The text of a message in `locale`: the body as typed, or for a system message its catalogue
 * text with `{agent}` filled in.
 */
export function chatMessageText(
  message: Pick<ChatMessage, 'author' | 'body' | 'agentName'>,
  locale: Locale,
): string {
  if (message.author !== 'system') return message.body;
  const t = translator(locale);
  return isMessageKey(message.body) ? t(message.body, { agent: message.agentName ?? '' }) : message.body;
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

function presenceCutoff(now: Date): Date {
  return new Date(now.getTime() - AGENT_PRESENCE_MS);
}

/**
 * How many chats the agent of the row aliased `a` is in (a correlated subquery for selects over
 * `contact_agents as a`, read as a string like every count): what capacity is measured against.
 */
export function activeChatsOfAgent(alias = 'active') {
  return sql<string>`(select count(*) from contact_conversations c where c.agent_id = a.user_id and c.kind = 'chat' and c.state = 'active')`.as(
    alias,
  );
}

async function publishAll(trx: Db, events: readonly ContactEvent[]): Promise<void> {
  for (const event of events) await publishContactEvent(trx, event);
}

// ---------------------------------------------------------------------------------------------
// Queue state for estimates and positions (also used by the hub, in bulk)

/**
 * The {@link QueueStats} of each topic in `topicIds`, read in three queries whatever their number.
 */
export async function queueStats(
  db: Db,
  now: Date,
  topicIds: readonly string[],
): Promise<Map<string, QueueStats>> {
  const result = new Map<string, QueueStats>();
  if (topicIds.length === 0) return result;
  const since = new Date(now.getTime() - DEFAULT_WINDOW_MS);
  const [agents, exits, durations] = await Promise.all([
    db
      .selectFrom('contact_agents as a')
      .innerJoin('contact_agent_topics as t', 't.user_id', 'a.user_id')
      .select(['t.topic_id', 'a.user_id', 'a.capacity', activeChatsOfAgent()])
      .where('t.topic_id', 'in', topicIds)
      .where('a.availability', '=', 'available')
      .where('a.seen_at', '>', presenceCutoff(now))
      .execute(),
    db
      .selectFrom('contact_conversations')
      .select(['topic_id', 'assigned_at'])
      .where('kind', '=', 'chat')
      .where('topic_id', 'in', topicIds)
      .where('assigned_at', '>=', since)
      .where('assigned_at', '<=', now)
      .execute(),
    db
      .selectFrom('contact_conversations')
      .select(['topic_id', 'assigned_at', 'ended_at'])
      .where('kind', '=', 'chat')
      .where('state', '=', 'ended')
      .where('topic_id', 'in', topicIds)
      .where('ended_at', '>=', since)
      .where('assigned_at', 'is not', null)
      .execute(),
  ]);
  for (const topicId of topicIds) {
    const mine = agents.filter((a) => a.topic_id === topicId);
    result.set(topicId, {
      nowMs: now.getTime(),
      onlineAgents: mine.length,
      freeSlots: mine.reduce((sum, a) => sum + Math.max(0, a.capacity - Number(a.active ?? 0)), 0),
      totalSlots: mine.reduce((sum, a) => sum + a.capacity, 0),
      recentExitsMs: exits
        .filter((e) => e.topic_id === topicId && e.assigned_at)
        .map((e) => (e.assigned_at as Date).getTime()),
      recentChatDurationsMs: durations
        .filter((d) => d.topic_id === topicId && d.assigned_at && d.ended_at)
        .map((d) => Math.max(0, (d.ended_at as Date).getTime() - (d.assigned_at as Date).getTime())),
      windowMs: DEFAULT_WINDOW_MS,
    });
  }
  return result;
}

/** One waiting chat and its 1-based place in its topic's queue. */
export interface QueuedChat {
  readonly id: string;
  readonly topicId: string;
  readonly position: number;
}

/**
 * Every waiting chat of the given topics with its position, in one query (ids only: the order
 * is the position; `contact_conversations_queue_idx` serves it).
 */
export async function queuedChats(db: Db, topicIds: readonly string[]): Promise<QueuedChat[]> {
  if (topicIds.length === 0) return [];
  // One row per topic with its queue as one string: thousands of waiting visitors cost one short
  // result to read instead of thousands of rows (the drivers' per-row work dominated on PGlite).
  const rows = await db
    .selectFrom('contact_conversations')
    .select(['topic_id', sql<string>`string_agg(id::text, ',' order by queued_at, id)`.as('ids')])
    .where('kind', '=', 'chat')
    .where('state', '=', 'queued')
    .where('topic_id', 'in', topicIds)
    .groupBy('topic_id')
    .execute();
  const result: QueuedChat[] = [];
  for (const row of rows) {
    let position = 0;
    for (const id of row.ids.split(',')) {
      position += 1;
      result.push({ id, topicId: row.topic_id, position });
    }
  }
  return result;
}

/** Per topic: how many wait, and since when the longest-waiting one does (for the consoles). */
export async function queueSummary(
  db: Db,
): Promise<{ topicId: string; waiting: number; oldestQueuedAt: Date | null }[]> {
  const rows = await db
    .selectFrom('contact_topics as t')
    .leftJoin('contact_conversations as c', (join) =>
      join.onRef('c.topic_id', '=', 't.id').on('c.kind', '=', 'chat').on('c.state', '=', 'queued'),
    )
    .select((eb) => [
      't.id',
      eb.fn.count<string>('c.id').as('waiting'),
      eb.fn.min('c.queued_at').as('oldest'),
    ])
    .groupBy(['t.id', 't.position', 't.slug'])
    .orderBy('t.position')
    .orderBy('t.slug')
    .execute();
  return rows.map((r) => ({
    topicId: r.id,
    waiting: Number(r.waiting),
    oldestQueuedAt: (r.oldest as Date | null) ?? null,
  }));
}

// ---------------------------------------------------------------------------------------------
// Visitors

/**
 * Whether a visitor can start a chat on `topicId` now, and what wait they would be shown.
 * @throws ChatError `unknown_topic`
 */
export async function chatAvailability(ctx: ChatContext, topicId: string): Promise<ChatAvailability> {
  const topic = await findTopic(ctx.db, topicId);
  if (!topic?.active) throw new ChatError('unknown_topic');
  const [stats, waitingRow] = await Promise.all([
    queueStats(ctx.db, ctx.now, [topic.id]),
    ctx.db
      .selectFrom('contact_conversations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('kind', '=', 'chat')
      .where('state', '=', 'queued')
      .where('topic_id', '=', topic.id)
      .executeTakeFirstOrThrow(),
  ]);
  const waiting = Number(waitingRow.n);
  const topicStats = stats.get(topic.id);
  return {
    open: isOpen(topic.openingHours, ctx.now),
    nextOpening: nextOpening(topic.openingHours, ctx.now),
    estimate: topicStats ? waitModel(topicStats)(waiting + 1) : { kind: 'none' },
    waiting,
  };
}

/**
 * Puts a visitor in the queue of `topicId`. The returned `visitorToken` is the only key to the
 * chat (only its sha256 is stored): the caller sets it as the {@link CHAT_COOKIE}.
 * @throws ChatError `unknown_topic`, `closed`
 */
export async function startChat(
  ctx: ChatContext,
  input: { topicId: string; name: string; locale: Locale; visitorKeyHash: string | null },
): Promise<{ conversationId: string; visitorToken: string }> {
  const topic = await findTopic(ctx.db, input.topicId);
  if (!topic?.active) throw new ChatError('unknown_topic');
  if (!isOpen(topic.openingHours, ctx.now)) throw new ChatError('closed');
  const visitorToken = randomBytes(32).toString('base64url');
  const conversationId = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('contact_conversations')
      .values({
        kind: 'chat',
        topic_id: topic.id,
        state: 'queued',
        locale: input.locale,
        visitor_name: normaliseName(input.name),
        visitor_token_hash: hashVisitorToken(visitorToken),
        visitor_key_hash: input.visitorKeyHash,
        queued_at: ctx.now,
        visitor_seen_at: ctx.now,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await publishContactEvent(trx, { t: 'queue', topicId: topic.id });
    await publishContactEvent(trx, { t: 'conv', conversationId: row.id });
    return row.id;
  });
  return { conversationId, visitorToken };
}

const messageColumns = [
  'm.id',
  'm.conversation_id',
  'm.author',
  'm.body',
  'm.created_at',
  'u.name as agent_name',
] as const;

async function loadMessages(db: Db, conversationIds: readonly string[]): Promise<Map<string, ChatMessage[]>> {
  const byConversation = new Map<string, ChatMessage[]>();
  if (conversationIds.length === 0) return byConversation;
  const rows = await db
    .selectFrom('contact_messages as m')
    .leftJoin('users as u', 'u.id', 'm.agent_id')
    .select(messageColumns)
    .where('m.conversation_id', 'in', conversationIds)
    .orderBy('m.seq')
    .execute();
  for (const r of rows) {
    const list = byConversation.get(r.conversation_id) ?? [];
    list.push({
      id: r.id,
      author: r.author,
      body: r.body,
      createdAt: r.created_at,
      agentName: r.agent_name ?? null,
    });
    byConversation.set(r.conversation_id, list);
  }
  return byConversation;
}

/** One message by id, with its conversation (for the hub's delivery). */
export async function findMessage(
  db: Db,
  messageId: string,
): Promise<{ conversationId: string; message: ChatMessage } | null> {
  if (!isUuid(messageId)) return null;
  const r = await db
    .selectFrom('contact_messages as m')
    .leftJoin('users as u', 'u.id', 'm.agent_id')
    .select(messageColumns)
    .where('m.id', '=', messageId)
    .executeTakeFirst();
  if (!r) return null;
  return {
    conversationId: r.conversation_id,
    message: {
      id: r.id,
      author: r.author,
      body: r.body,
      createdAt: r.created_at,
      agentName: r.agent_name ?? null,
    },
  };
}

/** A message as the visitor sees it: agents by their first name. */
export function forVisitor(message: ChatMessage): ChatMessage {
  return message.agentName === null
    ? message
    : { ...message, agentName: visitorFacingName(message.agentName) };
}

/** The position (1-based) of a queued chat in its topic's queue. */
async function positionOf(db: Db, chat: { id: string; topicId: string; queuedAt: Date }): Promise<number> {
  const row = await db
    .selectFrom('contact_conversations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('kind', '=', 'chat')
    .where('state', '=', 'queued')
    .where('topic_id', '=', chat.topicId)
    .where((eb) =>
      eb.or([
        eb('queued_at', '<', chat.queuedAt),
        eb.and([eb('queued_at', '=', chat.queuedAt), eb('id', '<', chat.id)]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n) + 1;
}

/**
 * The visitor's chat for the token in their chat cookie (null for an unknown or malformed token),
 * with its place and estimate while queued and every message (agents by first name).
 */
export async function findChatByVisitorToken(ctx: ChatContext, token: string): Promise<VisitorChat | null> {
  if (typeof token !== 'string' || token.length < 16 || token.length > 100) return null;
  const row = await ctx.db
    .selectFrom('contact_conversations as c')
    .leftJoin('users as u', 'u.id', 'c.agent_id')
    .select([
      'c.id',
      'c.topic_id',
      'c.state',
      'c.locale',
      'c.visitor_name',
      'c.rating',
      'c.transcript_sent_at',
      'c.queued_at',
      'u.name as agent_name',
    ])
    .where('c.visitor_token_hash', '=', hashVisitorToken(token))
    .where('c.kind', '=', 'chat')
    .executeTakeFirst();
  if (!row) return null;
  const state = row.state as ChatState;
  let position: number | null = null;
  let estimate: WaitEstimate | null = null;
  if (state === 'queued' && row.queued_at) {
    position = await positionOf(ctx.db, { id: row.id, topicId: row.topic_id, queuedAt: row.queued_at });
    const stats = (await queueStats(ctx.db, ctx.now, [row.topic_id])).get(row.topic_id);
    estimate = stats ? waitModel(stats)(position) : { kind: 'none' };
  }
  const messages = (await loadMessages(ctx.db, [row.id])).get(row.id) ?? [];
  return {
    id: row.id,
    topicId: row.topic_id,
    state,
    locale: row.locale,
    visitorName: row.visitor_name,
    position,
    estimate,
    agentName: state === 'active' ? visitorFacingName(row.agent_name ?? null) : null,
    messages: messages.map(forVisitor),
    rating: row.rating,
    transcriptSentAt: row.transcript_sent_at,
    queuedAt: row.queued_at,
  };
}

/** What the visitor socket needs to know of a chat when it connects. */
export interface VisitorIdentity {
  readonly id: string;
  readonly topicId: string;
  readonly state: ChatState;
  readonly locale: Locale;
  /** The agent's first name while active. */
  readonly agentName: string | null;
}

/** The chat of a chat cookie in one light query (null for an unknown or malformed token). */
export async function identifyVisitor(ctx: ChatContext, token: string): Promise<VisitorIdentity | null> {
  if (typeof token !== 'string' || token.length < 16 || token.length > 100) return null;
  const row = await ctx.db
    .selectFrom('contact_conversations as c')
    .leftJoin('users as u', 'u.id', 'c.agent_id')
    .select(['c.id', 'c.topic_id', 'c.state', 'c.locale', 'u.name as agent_name'])
    .where('c.visitor_token_hash', '=', hashVisitorToken(token))
    .where('c.kind', '=', 'chat')
    .executeTakeFirst();
  if (!row) return null;
  const state = row.state as ChatState;
  return {
    id: row.id,
    topicId: row.topic_id,
    state,
    locale: row.locale,
    agentName: state === 'active' ? visitorFacingName(row.agent_name ?? null) : null,
  };
}

/** Every message of a chat as its visitor sees it (agents by first name), oldest first. */
export async function visitorMessages(db: Db, conversationId: string): Promise<ChatMessage[]> {
  if (!isUuid(conversationId)) return [];
  return ((await loadMessages(db, [conversationId])).get(conversationId) ?? []).map(forVisitor);
}

/** Marks the visitor as present (no-JS refresh, socket heartbeat); only while queued or active. */
export async function touchVisitor(ctx: ChatContext, conversationId: string): Promise<void> {
  await touchVisitors(ctx, [conversationId]);
}

/** {@link touchVisitor} for many chats in one statement (the hub's heartbeat). */
export async function touchVisitors(ctx: ChatContext, conversationIds: readonly string[]): Promise<void> {
  const ids = conversationIds.filter(isUuid);
  if (ids.length === 0) return;
  await ctx.db
    .updateTable('contact_conversations')
    .set({ visitor_seen_at: ctx.now })
    .where('id', 'in', ids)
    .where('state', 'in', ['queued', 'active'])
    .execute();
}

async function lockChat(trx: Trx, conversationId: string) {
  if (!isUuid(conversationId)) return undefined;
  return trx
    .selectFrom('contact_conversations')
    .select(['id', 'state', 'topic_id', 'agent_id', 'queued_at'])
    .where('id', '=', conversationId)
    .where('kind', '=', 'chat')
    .forUpdate()
    .executeTakeFirst();
}

async function insertMessage(
  trx: Trx,
  now: Date,
  conversationId: string,
  author: ChatMessage['author'],
  body: string,
  agentId: string | null,
): Promise<string> {
  const row = await trx
    .insertInto('contact_messages')
    .values({ conversation_id: conversationId, author, body, agent_id: agentId, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await publishContactEvent(trx, { t: 'msg', conversationId, messageId: row.id });
  return row.id;
}

/**
 * Adds the visitor's message (while queued or active) and marks them present.
 * @throws ChatError `not_found`, `not_open`, `empty`, `too_long`
 */
export async function postVisitorMessage(
  ctx: ChatContext,
  conversationId: string,
  body: string,
): Promise<ChatMessage> {
  const text = normaliseMessageBody(body);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const chat = await lockChat(trx, conversationId);
    if (!chat) throw new ChatError('not_found');
    if (chat.state !== 'queued' && chat.state !== 'active') throw new ChatError('not_open');
    await trx
      .updateTable('contact_conversations')
      .set({ visitor_seen_at: ctx.now, updated_at: ctx.now })
      .where('id', '=', chat.id)
      .execute();
    return insertMessage(trx, ctx.now, chat.id, 'visitor', text, null);
  });
  return { id, author: 'visitor', body: text, createdAt: ctx.now, agentName: null };
}

/**
 * The visitor leaves the queue (queued → left). Idempotent for a chat that already left or was
 * abandoned or ended.
 * @throws ChatError `not_found`, `not_open` (the chat has started: end it instead)
 */
export async function leaveQueue(ctx: ChatContext, conversationId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const chat = await lockChat(trx, conversationId);
    if (!chat) throw new ChatError('not_found');
    if (chat.state === 'active') throw new ChatError('not_open');
    if (chat.state !== 'queued') return;
    await finishQueued(trx, ctx.now, chat.id, chat.topic_id, 'left', 'visitor');
  });
}

async function finishQueued(
  trx: Trx,
  now: Date,
  conversationId: string,
  topicId: string,
  state: 'left' | 'abandoned',
  endedBy: 'visitor' | 'system',
): Promise<void> {
  await trx
    .updateTable('contact_conversations')
    .set({ state, ended_at: now, ended_by: endedBy, updated_at: now })
    .where('id', '=', conversationId)
    .where('state', '=', 'queued')
    .execute();
  await insertMessage(
    trx,
    now,
    conversationId,
    'system',
    state === 'left' ? 'chat.system.left' : 'chat.system.abandoned',
    null,
  );
  await publishAll(trx, [
    { t: 'queue', topicId },
    { t: 'conv', conversationId },
  ]);
}

/**
 * The visitor ends the chat: active → ended, queued → left; nothing for a chat already over.
 * @throws ChatError `not_found`
 */
export async function endChatByVisitor(ctx: ChatContext, conversationId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const chat = await lockChat(trx, conversationId);
    if (!chat) throw new ChatError('not_found');
    if (chat.state === 'queued') {
      await finishQueued(trx, ctx.now, chat.id, chat.topic_id, 'left', 'visitor');
      return;
    }
    if (chat.state !== 'active') return;
    await trx
      .updateTable('contact_conversations')
      .set({ state: 'ended', ended_at: ctx.now, ended_by: 'visitor', updated_at: ctx.now })
      .where('id', '=', chat.id)
      .execute();
    await insertMessage(trx, ctx.now, chat.id, 'system', 'chat.system.ended_by_visitor', null);
    await publishAll(trx, [
      { t: 'conv', conversationId: chat.id },
      ...(chat.agent_id ? [{ t: 'agent', userId: chat.agent_id } as const] : []),
    ]);
  });
}

/**
 * Queued visitors unseen for longer than the grace period leave the queue (→ abandoned).
 * Returns how many.
 */
export async function abandonGone(ctx: ChatContext): Promise<number> {
  const cutoff = new Date(ctx.now.getTime() - ctx.config.contact.graceSeconds * 1000);
  return ctx.db.transaction().execute(async (trx) => {
    const gone = await trx
      .selectFrom('contact_conversations')
      .select(['id', 'topic_id'])
      .where('kind', '=', 'chat')
      .where('state', '=', 'queued')
      .where((eb) => eb.or([eb('visitor_seen_at', '<', cutoff), eb('visitor_seen_at', 'is', null)]))
      .forUpdate()
      .skipLocked()
      .execute();
    for (const chat of gone) await finishQueued(trx, ctx.now, chat.id, chat.topic_id, 'abandoned', 'system');
    return gone.length;
  });
}

// ---------------------------------------------------------------------------------------------
// Agents

/** The agent's state as stored (null when they have no `contact_agents` row yet); no side effect. */
export async function agentState(db: Db, userId: string): Promise<AgentState | null> {
  if (!isUuid(userId)) return null;
  const row = await db
    .selectFrom('contact_agents as a')
    .select(['a.user_id', 'a.availability', 'a.capacity', activeChatsOfAgent()])
    .where('a.user_id', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  const topics = await db
    .selectFrom('contact_agent_topics')
    .select('topic_id')
    .where('user_id', '=', userId)
    .orderBy('topic_id')
    .execute();
  return {
    userId: row.user_id,
    availability: row.availability,
    capacity: row.capacity,
    topicIds: topics.map((t) => t.topic_id),
    activeCount: Number(row.active ?? 0),
  };
}

async function assertAgentUser(db: Db, userId: string): Promise<void> {
  if (!isUuid(userId)) throw new ChatError('unknown_agent');
  const row = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select('u.id')
    .where('u.id', '=', userId)
    .where('u.active', '=', true)
    .where('r.role', '=', 'agent')
    .executeTakeFirst();
  if (!row) throw new ChatError('unknown_agent');
}

/**
 * The agent's state; creates their `contact_agents` row (offline, capacity 3) on first use.
 * A call counts as a sign of life: it refreshes `seen_at` (the console page without JavaScript
 * keeps an available agent online by loading).
 * @throws ChatError `unknown_agent` (no active user with role agent)
 */
export async function getAgent(ctx: ChatContext, userId: string): Promise<AgentState> {
  await assertAgentUser(ctx.db, userId);
  await ctx.db
    .insertInto('contact_agents')
    .values({ user_id: userId, seen_at: ctx.now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ seen_at: ctx.now }))
    .execute();
  const state = await agentState(ctx.db, userId);
  if (!state) throw new ChatError('unknown_agent');
  return state;
}

/** Refreshes `seen_at` of the given agents in one statement (the hub's heartbeat). */
export async function touchAgents(ctx: ChatContext, userIds: readonly string[]): Promise<void> {
  const ids = userIds.filter(isUuid);
  if (ids.length === 0) return;
  await ctx.db.updateTable('contact_agents').set({ seen_at: ctx.now }).where('user_id', 'in', ids).execute();
}

/**
 * Changes the agent's availability, capacity and/or topics, then runs an assignment pass (an agent
 * who becomes available receives the longest-waiting visitors at once). Lowering the capacity
 * below the current number of chats ends none: no new chat arrives until there is room.
 * @throws ChatError `unknown_agent`, `over_capacity` (capacity outside 1–10), `unknown_topic`
 */
export async function updateAgent(
  ctx: ChatContext,
  userId: string,
  changes: {
    availability?: AgentState['availability'];
    capacity?: number;
    topicIds?: readonly string[];
  },
): Promise<AgentState> {
  await assertAgentUser(ctx.db, userId);
  if (
    changes.capacity !== undefined &&
    (!Number.isInteger(changes.capacity) ||
      changes.capacity < MIN_CAPACITY ||
      changes.capacity > MAX_CAPACITY)
  ) {
    throw new ChatError('over_capacity');
  }
  if (
    changes.availability !== undefined &&
    !['available', 'away', 'offline'].includes(changes.availability)
  ) {
    throw new ChatError('unknown_agent');
  }
  const topicIds = changes.topicIds ? [...new Set(changes.topicIds)] : undefined;
  if (topicIds) {
    if (!topicIds.every(isUuid)) throw new ChatError('unknown_topic');
    if (topicIds.length > 0) {
      const found = await ctx.db
        .selectFrom('contact_topics')
        .select('id')
        .where('id', 'in', topicIds)
        .execute();
      if (found.length !== topicIds.length) throw new ChatError('unknown_topic');
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('contact_agents')
      .values({ user_id: userId, seen_at: ctx.now })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
    await trx
      .selectFrom('contact_agents')
      .select('user_id')
      .where('user_id', '=', userId)
      .forUpdate()
      .execute();
    await trx
      .updateTable('contact_agents')
      .set({
        seen_at: ctx.now,
        updated_at: ctx.now,
        ...(changes.availability !== undefined ? { availability: changes.availability } : {}),
        ...(changes.capacity !== undefined ? { capacity: changes.capacity } : {}),
      })
      .where('user_id', '=', userId)
      .execute();
    if (topicIds) {
      await trx.deleteFrom('contact_agent_topics').where('user_id', '=', userId).execute();
      if (topicIds.length > 0) {
        await trx
          .insertInto('contact_agent_topics')
          .values(topicIds.map((topicId) => ({ user_id: userId, topic_id: topicId })))
          .execute();
      }
    }
    await appendAuditEvent(
      trx,
      {
        type: 'chat.agent_updated',
        data: {
          userId,
          ...(changes.availability !== undefined ? { availability: changes.availability } : {}),
          ...(changes.capacity !== undefined ? { capacity: changes.capacity } : {}),
          ...(topicIds ? { topicIds } : {}),
        },
      },
      await agentOrigin(trx, userId),
      ctx.now,
    );
    await publishContactEvent(trx, { t: 'agent', userId });
  });
  await assignWaiting(ctx);
  const state = await agentState(ctx.db, userId);
  if (!state) throw new ChatError('unknown_agent');
  return state;
}

/**
 * Within `trx`, which holds the agent's row lock: assigns the longest-waiting queued chat of the
 * agent's topics, skipping chats another transaction is claiming. Returns its id, or null.
 */
async function claimFor(
  trx: Trx,
  now: Date,
  agent: { userId: string; capacity: number },
): Promise<string | null> {
  const active = await trx
    .selectFrom('contact_conversations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('agent_id', '=', agent.userId)
    .where('state', '=', 'active')
    .where('kind', '=', 'chat')
    .executeTakeFirstOrThrow();
  if (Number(active.n) >= agent.capacity) throw new ChatError('over_capacity');
  const next = await trx
    .selectFrom('contact_conversations as c')
    .innerJoin('contact_agent_topics as t', (join) =>
      join.onRef('t.topic_id', '=', 'c.topic_id').on('t.user_id', '=', agent.userId),
    )
    .select(['c.id', 'c.topic_id'])
    .where('c.kind', '=', 'chat')
    .where('c.state', '=', 'queued')
    .orderBy('c.queued_at')
    .orderBy('c.id')
    .limit(1)
    .forUpdate('c')
    .skipLocked()
    .executeTakeFirst();
  if (!next) return null;
  const updated = await trx
    .updateTable('contact_conversations')
    .set({ state: 'active', agent_id: agent.userId, assigned_at: now, updated_at: now })
    .where('id', '=', next.id)
    .where('state', '=', 'queued')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return null;
  await trx
    .updateTable('contact_agents')
    .set({ last_assigned_at: now })
    .where('user_id', '=', agent.userId)
    .execute();
  await insertMessage(trx, now, next.id, 'system', 'chat.system.started', agent.userId);
  await publishAll(trx, [
    { t: 'queue', topicId: next.topic_id },
    { t: 'conv', conversationId: next.id },
    { t: 'agent', userId: agent.userId },
  ]);
  return next.id;
}

/**
 * "Take next": assigns the longest-waiting chat of the agent's topics to them, whatever their
 * availability. Returns its id, or null when nobody waits.
 * @throws ChatError `unknown_agent`, `over_capacity` (no free slot)
 */
export async function takeNext(ctx: ChatContext, userId: string): Promise<string | null> {
  await assertAgentUser(ctx.db, userId);
  return ctx.db.transaction().execute(async (trx) => {
    const agent = await trx
      .selectFrom('contact_agents')
      .select(['user_id', 'capacity'])
      .where('user_id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!agent) throw new ChatError('unknown_agent');
    return claimFor(trx, ctx.now, { userId: agent.user_id, capacity: agent.capacity });
  });
}

/** Most assignments one pass makes (a safety bound; the next pass continues). */
const MAX_ASSIGNMENTS_PER_PASS = 500;

/**
 * The automatic assignment pass: while an online agent has a free slot and a visitor of their
 * topics waits, the longest-waiting visitor goes to the agent with the fewest active chats, then
 * the one who received a chat longest ago. One short transaction per assignment; agents and chats
 * locked by a concurrent claim are skipped (`SKIP LOCKED`), so passes on several instances never
 * wait for each other nor assign twice. Returns how many chats it assigned.
 */
export async function assignWaiting(ctx: ChatContext): Promise<number> {
  let assigned = 0;
  const cutoff = presenceCutoff(ctx.now);
  while (assigned < MAX_ASSIGNMENTS_PER_PASS) {
    const candidates = await ctx.db
      .selectFrom('contact_agents as a')
      .select(['a.user_id', 'a.capacity', 'a.last_assigned_at', activeChatsOfAgent()])
      .where('a.availability', '=', 'available')
      .where('a.seen_at', '>', cutoff)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('contact_conversations as q')
            .innerJoin('contact_agent_topics as t', 't.topic_id', 'q.topic_id')
            .select('q.id')
            .whereRef('t.user_id', '=', 'a.user_id')
            .where('q.kind', '=', 'chat')
            .where('q.state', '=', 'queued'),
        ),
      )
      .execute();
    const free = candidates
      .map((c) => ({ ...c, active: Number(c.active ?? 0) }))
      .filter((c) => c.active < c.capacity)
      .sort(
        (a, b) =>
          a.active - b.active ||
          (a.last_assigned_at?.getTime() ?? 0) - (b.last_assigned_at?.getTime() ?? 0) ||
          a.user_id.localeCompare(b.user_id),
      );
    if (free.length === 0) break;
    let madeOne = false;
    for (const candidate of free) {
      const id = await ctx.db.transaction().execute(async (trx) => {
        const agent = await trx
          .selectFrom('contact_agents')
          .select(['user_id', 'capacity'])
          .where('user_id', '=', candidate.user_id)
          .where('availability', '=', 'available')
          .where('seen_at', '>', cutoff)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!agent) return null;
        try {
          return await claimFor(trx, ctx.now, { userId: agent.user_id, capacity: agent.capacity });
        } catch (error) {
          // Filled up meanwhile by a concurrent claim: try the next agent.
          if (error instanceof ChatError && error.code === 'over_capacity') return null;
          throw error;
        }
      });
      if (id) {
        assigned += 1;
        madeOne = true;
        // Re-rank: the agent who just received a chat goes behind the others.
        break;
      }
    }
    if (!madeOne) break;
  }
  return assigned;
}

async function loadAgentChats(
  db: Db,
  where: { userId: string; conversationId?: string },
): Promise<AgentChat[]> {
  let query = db
    .selectFrom('contact_conversations')
    .select(['id', 'topic_id', 'state', 'locale', 'visitor_name', 'queued_at', 'assigned_at'])
    .where('kind', '=', 'chat')
    .where('agent_id', '=', where.userId);
  query = where.conversationId
    ? query.where('id', '=', where.conversationId)
    : query.where('state', '=', 'active').orderBy('assigned_at').orderBy('id');
  const rows = await query.execute();
  const messages = await loadMessages(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    topicId: r.topic_id,
    state: r.state as ChatState,
    locale: r.locale,
    visitorName: r.visitor_name,
    queuedAt: r.queued_at,
    assignedAt: r.assigned_at,
    messages: messages.get(r.id) ?? [],
  }));
}

/** The agent's active chats, oldest assignment first, with their messages. */
export async function agentChats(ctx: ChatContext, userId: string): Promise<AgentChat[]> {
  if (!isUuid(userId)) return [];
  return loadAgentChats(ctx.db, { userId });
}

/** One chat, only if it is (or, once ended, was last) assigned to this agent; null otherwise. */
export async function findAgentChat(
  ctx: ChatContext,
  userId: string,
  conversationId: string,
): Promise<AgentChat | null> {
  if (!isUuid(userId) || !isUuid(conversationId)) return null;
  const [chat] = await loadAgentChats(ctx.db, { userId, conversationId });
  return chat ?? null;
}

async function lockOwnActiveChat(trx: Trx, userId: string, conversationId: string) {
  const chat = await lockChat(trx, conversationId);
  if (!chat) throw new ChatError('not_found');
  if (chat.agent_id !== userId) throw new ChatError('not_yours');
  if (chat.state !== 'active') throw new ChatError('not_open');
  return chat;
}

/**
 * Adds the agent's message to a chat assigned to them.
 * @throws ChatError `not_found`, `not_yours`, `not_open`, `empty`, `too_long`
 */
export async function postAgentMessage(
  ctx: ChatContext,
  userId: string,
  conversationId: string,
  body: string,
): Promise<ChatMessage> {
  const text = normaliseMessageBody(body);
  const result = await ctx.db.transaction().execute(async (trx) => {
    const chat = await lockOwnActiveChat(trx, userId, conversationId);
    await trx
      .updateTable('contact_conversations')
      .set({ updated_at: ctx.now })
      .where('id', '=', chat.id)
      .execute();
    const id = await insertMessage(trx, ctx.now, chat.id, 'agent', text, userId);
    const user = await trx.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst();
    return { id, agentName: user?.name ?? null };
  });
  return { id: result.id, author: 'agent', body: text, createdAt: ctx.now, agentName: result.agentName };
}

/**
 * The agent ends a chat assigned to them (active → ended).
 * @throws ChatError `not_found`, `not_yours`, `not_open`
 */
export async function endChatByAgent(
  ctx: ChatContext,
  userId: string,
  conversationId: string,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const chat = await lockOwnActiveChat(trx, userId, conversationId);
    await trx
      .updateTable('contact_conversations')
      .set({ state: 'ended', ended_at: ctx.now, ended_by: 'agent', updated_at: ctx.now })
      .where('id', '=', chat.id)
      .execute();
    await insertMessage(trx, ctx.now, chat.id, 'system', 'chat.system.ended_by_agent', userId);
    await publishAll(trx, [
      { t: 'conv', conversationId: chat.id },
      { t: 'agent', userId },
    ]);
  });
}

/**
 * Hands an active chat to another agent (who must be online with a free slot) or back to a
 * topic's queue, where it keeps its original `queued_at` and so its place.
 * @throws ChatError `not_found`, `not_yours`, `not_open`, `unknown_agent`, `over_capacity`, `unknown_topic`
 */
export async function transferChat(
  ctx: ChatContext,
  userId: string,
  conversationId: string,
  to: { agentId: string } | { topicId: string },
): Promise<void> {
  if ('agentId' in to) {
    if (to.agentId === userId) throw new ChatError('unknown_agent');
    await assertAgentUser(ctx.db, to.agentId);
    await ctx.db.transaction().execute(async (trx) => {
      // Agent row first, then the chat: the same order as every claim (no deadlock).
      const target = await trx
        .selectFrom('contact_agents')
        .select(['user_id', 'capacity'])
        .where('user_id', '=', to.agentId)
        .where('availability', '=', 'available')
        .where('seen_at', '>', presenceCutoff(ctx.now))
        .forUpdate()
        .executeTakeFirst();
      if (!target) throw new ChatError('unknown_agent');
      const chat = await lockOwnActiveChat(trx, userId, conversationId);
      // The colleague must serve the chat's topic, as the console's list of colleagues says.
      const serves = await trx
        .selectFrom('contact_agent_topics')
        .select('user_id')
        .where('user_id', '=', target.user_id)
        .where('topic_id', '=', chat.topic_id)
        .executeTakeFirst();
      if (!serves) throw new ChatError('unknown_agent');
      const active = await trx
        .selectFrom('contact_conversations')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('agent_id', '=', target.user_id)
        .where('state', '=', 'active')
        .where('kind', '=', 'chat')
        .executeTakeFirstOrThrow();
      if (Number(active.n) >= target.capacity) throw new ChatError('over_capacity');
      await trx
        .updateTable('contact_conversations')
        .set({ agent_id: target.user_id, assigned_at: ctx.now, updated_at: ctx.now })
        .where('id', '=', chat.id)
        .execute();
      await trx
        .updateTable('contact_agents')
        .set({ last_assigned_at: ctx.now })
        .where('user_id', '=', target.user_id)
        .execute();
      await insertMessage(
        trx,
        ctx.now,
        chat.id,
        'system',
        'chat.system.transferred_to_agent',
        target.user_id,
      );
      await appendAuditEvent(
        trx,
        {
          type: 'chat.transferred',
          data: { conversationId: chat.id, fromUserId: userId, toUserId: target.user_id },
        },
        await agentOrigin(trx, userId),
        ctx.now,
      );
      await publishAll(trx, [
        { t: 'conv', conversationId: chat.id },
        { t: 'agent', userId },
        { t: 'agent', userId: target.user_id },
      ]);
    });
    return;
  }
  const topic = await findTopic(ctx.db, to.topicId);
  if (!topic?.active) throw new ChatError('unknown_topic');
  await ctx.db.transaction().execute(async (trx) => {
    const chat = await lockOwnActiveChat(trx, userId, conversationId);
    await trx
      .updateTable('contact_conversations')
      .set({
        state: 'queued',
        topic_id: topic.id,
        agent_id: null,
        assigned_at: null,
        // A chat that somehow has no queue time enters now; otherwise it keeps its place.
        queued_at: chat.queued_at ?? ctx.now,
        visitor_seen_at: ctx.now,
        updated_at: ctx.now,
      })
      .where('id', '=', chat.id)
      .execute();
    await insertMessage(trx, ctx.now, chat.id, 'system', 'chat.system.transferred_to_topic', null);
    await appendAuditEvent(
      trx,
      {
        type: 'chat.transferred',
        data: { conversationId: chat.id, fromUserId: userId, toTopicId: topic.id },
      },
      await agentOrigin(trx, userId),
      ctx.now,
    );
    await publishAll(trx, [
      { t: 'queue', topicId: topic.id },
      { t: 'conv', conversationId: chat.id },
      { t: 'agent', userId },
    ]);
  });
}
