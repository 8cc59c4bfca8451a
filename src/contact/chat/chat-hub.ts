/**
 * The live chat hub of one app instance: the WebSocket connections of visitors and agents on this
 * instance, fed by the contact events of every instance (LISTEN/NOTIFY, see contact-events.ts).
 *
 * ## Protocol (JSON text frames, at most {@link MAX_FRAME_BYTES} bytes each)
 *
 * Both sockets require `Origin` to equal the origin of `PUBLIC_URL` (else HTTP 403 before the
 * upgrade: no cross-site WebSocket hijacking). Binary, malformed, unknown or oversized frames are
 * refused with an `error` frame (oversized ones close the socket with 1009) and change nothing.
 * Message frames are throttled per connection ({@link MESSAGE_BURST} per {@link MESSAGE_WINDOW_MS}
 * ms, then `error` `too_fast`); a connection that keeps sending garbage or floods is closed with
 * 1008 (policy violation). The server pings every 30 s and drops connections that do not answer.
 *
 * **Visitor** — `GET /contact/chat/socket[?after=<messageId>]`, identified only by the chat cookie
 * (`chat`, path `/contact/chat`); no valid cookie → HTTP 401 before the upgrade.
 * - server → client:
 *   - `{type:'status', state, position, estimate, agentName, text}` on connect and whenever the
 *     state, place, shown wait or agent really changes; `text` is the status sentence in the
 *     visitor's language (the same as the page without JavaScript) for the polite live region.
 *   - `{type:'message', message:{id, author, body, createdAt, agentName, text}}` for every message of
 *     the chat, the visitor's own included; on connect every message after `after` (all without
 *     it), so a reconnect misses nothing — clients skip ids they already show.
 *   - `{type:'error', code, text}`.
 * - client → server: `{type:'message', body}` (≤ 2000 characters), `{type:'ping'}` (keeps the
 *   visitor present; the open socket does too).
 *
 * **Agent** — `GET /console/socket`, a staff session with role `agent`; no session → 401, other
 * roles → 403. Keeps the agent present (`seen_at`) while open.
 * - server → client: `{type:'agent', state}` (AgentState, on connect and on changes);
 *   `{type:'queue', topics:[{topicId, waiting, oldestQueuedAt}], emailOpen}` (on connect and on
 *   changes); `{type:'chat', chat}` (AgentChat with `text` on each message; on connect for each
 *   active chat, and when one is assigned or transferred to the agent — replace any copy you
 *   hold); `{type:'message', conversationId, message}`; `{type:'closed', conversationId, reason}`
 *   with reason `ended_by_visitor` | `ended` | `transferred` | `abandoned`; `{type:'error', code, text}`.
 * - client → server: `{type:'message', conversationId, body}`, `{type:'ping'}`.
 *
 * ## Work per event
 * `queue` → one query for the positions of the topic's queue plus the topic's wait statistics,
 * then `status` to this instance's waiting visitors whose status really changed (bursts of events
 * are coalesced for {@link COALESCE_MS} ms; refreshes run one at a time so a newer snapshot is
 * never overtaken by an older one). `msg` → the message is read once and sent to the visitor and
 * the assigned agent where connected here. `conv` → status to the visitor, `chat`/`closed` to
 * agents. `agent` → agent state, an assignment pass and fresh estimates. Assignment also runs when
 * a visitor connects and every {@link ASSIGN_INTERVAL_MS} ms; the grace sweep every
 * {@link SWEEP_INTERVAL_MS} ms; presence is written in bulk once per heartbeat.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { translator } from '../../platform/ui/i18n/catalogue.js';
import type { Locale } from '../../platform/ui/i18n/define.js';
import type { ContactEvent, ContactEventBus } from '../contact-events.js';
import { statusKey, statusText } from '../visitor/visitor-status.js';
import {
  type AgentChat,
  type AgentState,
  abandonGone,
  agentChats,
  agentState,
  assignWaiting,
  type ChatContext,
  ChatError,
  type ChatState,
  chatMessageText,
  findAgentChat,
  findMessage,
  forVisitor,
  getAgent,
  MAX_CHAT_MESSAGE,
  postAgentMessage,
  postVisitorMessage,
  queuedChats,
  queueStats,
  queueSummary,
  touchAgents,
  touchVisitors,
  type VisitorIdentity,
  visitorFacingName,
  visitorMessages,
} from './chat.service.js';
import { type WaitEstimate, waitModel } from './wait-estimator.js';

/** Largest frame accepted (bytes); a 2000-character message fits with room to spare. */
export const MAX_FRAME_BYTES = 8 * 1024;
/** Message frames allowed per connection per window before `too_fast`. */
export const MESSAGE_BURST = 5;
export const MESSAGE_WINDOW_MS = 5_000;
/**
 * Sockets one visitor chat may hold open at once on this instance (tabs); more are refused with
 * HTTP 429 before the upgrade. The message throttle above is shared by all of them and survives
 * reconnects, so neither extra tabs nor reconnecting multiplies it.
 */
export const MAX_VISITOR_SOCKETS = 5;
/** (Re)connections one visitor chat may make per window before further ones get HTTP 429. */
export const VISITOR_CONNECTS_PER_WINDOW = 20;
const VISITOR_CONNECT_WINDOW_MS = 60_000;
/** Frames of any kind per connection per window before the socket is closed (1008). */
const FRAME_LIMIT = 30;
const FRAME_WINDOW_MS = 10_000;
/** Bad frames (malformed, binary, unknown) tolerated per connection before it is closed (1008). */
const BAD_FRAME_LIMIT = 10;
/** Events of a burst are handled together after this delay. */
export const COALESCE_MS = 5;
export const ASSIGN_INTERVAL_MS = 5_000;
export const SWEEP_INTERVAL_MS = 15_000;
/** Presence heartbeat; shorter when the grace period is short, so a connected visitor never lapses. */
const HEARTBEAT_MAX_MS = 15_000;
const PING_INTERVAL_MS = 30_000;
/** A message over the agent socket refreshes the staff session at most this often (as page loads do). */
const SESSION_TOUCH_MS = 60_000;
/** Presence of visitors who (re)connect within this delay is written together. */
const TOUCH_BATCH_MS = 50;
/** Refresh the estimates of waiting visitors at least this often (the window slides). */
const ESTIMATE_REFRESH_MS = 15_000;

/** Close codes: 1008 policy violation (abuse), 4401/4403 the session ended or lost the role. */
export const CLOSE_POLICY = 1008;
export const CLOSE_SESSION_ENDED = 4401;

export type ErrorCode = ChatError['code'] | 'bad_frame' | 'too_fast' | 'internal';

const VisitorFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message'), body: z.string().max(MAX_CHAT_MESSAGE * 4) }).strict(),
  z.object({ type: z.literal('ping') }).strict(),
]);
const AgentFrame = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('message'),
      conversationId: z.string().uuid(),
      body: z.string().max(MAX_CHAT_MESSAGE * 4),
    })
    .strict(),
  z.object({ type: z.literal('ping') }).strict(),
]);

/** A fixed-window counter for one connection. */
class Window {
  private count = 0;
  private resetAt = 0;
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}
  hit(nowMs: number): boolean {
    if (nowMs >= this.resetAt) {
      this.count = 0;
      this.resetAt = nowMs + this.windowMs;
    }
    this.count += 1;
    return this.count <= this.limit;
  }
  /** Whether the current window is over (the counter would start afresh). */
  expired(nowMs: number): boolean {
    return nowMs >= this.resetAt;
  }
}

interface Connection {
  readonly ws: WebSocket;
  readonly locale: Locale;
  readonly messages: Window;
  readonly frames: Window;
  badFrames: number;
  alive: boolean;
}

interface VisitorConnection extends Connection {
  readonly kind: 'visitor';
  readonly conversationId: string;
  topicId: string;
  /** The status last sent (its {@link statusKey}); `state` decides who a queue refresh updates. */
  lastKey: string;
  lastState: ChatState;
}

interface AgentConnection extends Connection {
  readonly kind: 'agent';
  readonly userId: string;
  readonly sessionIdHash: string;
  /** Chats this connection has been sent (`chat`) and not yet `closed`. */
  readonly chats: Set<string>;
  lastAgentKey: string;
  lastQueueKey: string;
  /** When a message over this socket last refreshed the session's `last_seen_at` (clock ms). */
  sessionTouchedAt: number;
}

/** What the hub needs from the app. */
export interface ChatHubDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly config: Config;
  readonly bus: ContactEventBus;
  readonly log: FastifyBaseLogger;
}

/** Counters for tests and benchmarks. */
export interface ChatHubStats {
  readonly visitors: number;
  readonly agents: number;
  readonly queueRefreshes: number;
  readonly statusSent: number;
}

export interface VisitorStatus {
  readonly state: ChatState;
  readonly position: number | null;
  readonly estimate: WaitEstimate | null;
  readonly agentName: string | null;
}

export class ChatHub {
  private readonly visitorsByConversation = new Map<string, Set<VisitorConnection>>();
  private readonly visitorsByTopic = new Map<string, Set<VisitorConnection>>();
  private readonly agentsByUser = new Map<string, Set<AgentConnection>>();
  /** Per visitor chat, shared by its sockets and kept across reconnects (pruned by the sweep). */
  private readonly visitorLimits = new Map<string, { messages: Window; connects: Window }>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly unsubscribe: Array<() => void> = [];
  private closed = false;

  private readonly pendingTopics = new Set<string>();
  private pendingAllTopics = false;
  private pendingQueueSummary = false;
  private flushTimer: NodeJS.Timeout | undefined;
  private flushDueAt = 0;
  private refreshing: Promise<void> | undefined;

  private readonly pendingTouches = new Set<string>();
  private touchTimer: NodeJS.Timeout | undefined;

  private assigning: Promise<void> | undefined;
  private assignAgain = false;

  /** Handling of `conv`/`msg` events is sequential per conversation (a `chat` before its messages). */
  private readonly conversationChains = new Map<string, Promise<void>>();

  private counters = { queueRefreshes: 0, statusSent: 0 };

  constructor(private readonly deps: ChatHubDeps) {}

  /** Subscribes to the contact events and starts the timers (all unref'd). */
  start(): void {
    this.unsubscribe.push(this.deps.bus.subscribe((event) => this.onEvent(event)));
    // Notifications may have been lost while the listening connection was down: re-read everything.
    this.unsubscribe.push(
      this.deps.bus.onResync(() => {
        // Waiting visitors whose chat changed meanwhile are caught by the refresh (see refresh()).
        this.scheduleRefresh({ all: true, queueSummary: true });
        this.scheduleAssignment();
        for (const set of this.agentsByUser.values()) {
          for (const connection of set) void this.guard('agent resync', () => this.resyncAgent(connection));
        }
      }),
    );
    const heartbeatMs = Math.min(
      HEARTBEAT_MAX_MS,
      Math.floor((this.deps.config.contact.graceSeconds * 1000) / 3),
    );
    this.every(ASSIGN_INTERVAL_MS, () => this.scheduleAssignment());
    this.every(SWEEP_INTERVAL_MS, () => this.sweep());
    this.every(heartbeatMs, () => this.heartbeat());
    this.every(ESTIMATE_REFRESH_MS, () => this.scheduleRefresh({ all: true }));
    this.every(PING_INTERVAL_MS, () => this.pingAll());
  }

  /** Stops timers and subscriptions and closes every socket (1001 going away). */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearInterval(timer);
    clearTimeout(this.flushTimer);
    clearTimeout(this.touchTimer);
    for (const off of this.unsubscribe) off();
    for (const set of [...this.visitorsByConversation.values(), ...this.agentsByUser.values()]) {
      for (const connection of set) connection.ws.close(1001);
    }
    await Promise.allSettled([this.refreshing, this.assigning, ...this.conversationChains.values()]);
  }

  stats(): ChatHubStats {
    let visitors = 0;
    for (const set of this.visitorsByConversation.values()) visitors += set.size;
    let agents = 0;
    for (const set of this.agentsByUser.values()) agents += set.size;
    return { visitors, agents, ...this.counters };
  }

  private ctx(): ChatContext {
    return { db: this.deps.db, now: this.deps.clock.now(), config: this.deps.config };
  }

  private every(ms: number, task: () => void): void {
    const timer = setInterval(() => {
      if (!this.closed) task();
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }

  /** Runs `task`, logging instead of throwing: a failing handler must never take the process down. */
  private guard(what: string, task: () => Promise<unknown>): Promise<void> {
    return task().then(
      () => undefined,
      (error: unknown) => {
        if (!this.closed) this.deps.log.error({ err: error }, `chat hub: ${what} failed`);
      },
    );
  }

  // -------------------------------------------------------------------------------------------
  // Connections

  /**
   * Registers a visitor's socket for a chat already identified by its cookie. A waiting visitor's
   * first status comes from the next (coalesced) queue refresh, so a burst of connections — all
   * visitors reconnecting after a restart — costs one positions query, not one per visitor. The
   * messages after `afterMessageId` (all without it) are replayed in order with live ones.
   */
  /**
   * Whether one more socket of this visitor chat may connect now (checked before the upgrade):
   * at most {@link MAX_VISITOR_SOCKETS} at once and {@link VISITOR_CONNECTS_PER_WINDOW} per minute.
   */
  admitVisitor(conversationId: string): boolean {
    if ((this.visitorsByConversation.get(conversationId)?.size ?? 0) >= MAX_VISITOR_SOCKETS) return false;
    return this.visitorLimitsOf(conversationId).connects.hit(Date.now());
  }

  private visitorLimitsOf(conversationId: string): { messages: Window; connects: Window } {
    let limits = this.visitorLimits.get(conversationId);
    if (!limits) {
      limits = {
        messages: new Window(MESSAGE_BURST, MESSAGE_WINDOW_MS),
        connects: new Window(VISITOR_CONNECTS_PER_WINDOW, VISITOR_CONNECT_WINDOW_MS),
      };
      this.visitorLimits.set(conversationId, limits);
    }
    return limits;
  }

  addVisitor(ws: WebSocket, chat: VisitorIdentity, afterMessageId: string | undefined): void {
    // Upgrades admitted together may overshoot the cap: the late ones are closed here.
    if ((this.visitorsByConversation.get(chat.id)?.size ?? 0) >= MAX_VISITOR_SOCKETS) {
      ws.close(CLOSE_POLICY, 'too many connections');
      return;
    }
    const connection: VisitorConnection = {
      kind: 'visitor',
      ws,
      locale: chat.locale,
      conversationId: chat.id,
      topicId: chat.topicId,
      lastKey: '',
      lastState: chat.state,
      messages: this.visitorLimitsOf(chat.id).messages,
      frames: new Window(FRAME_LIMIT, FRAME_WINDOW_MS),
      badFrames: 0,
      alive: true,
    };
    addTo(this.visitorsByConversation, chat.id, connection);
    addTo(this.visitorsByTopic, chat.topicId, connection);
    this.wire(connection, (frame) => this.onVisitorFrame(connection, frame));
    ws.on('close', () => {
      removeFrom(this.visitorsByConversation, chat.id, connection);
      removeFrom(this.visitorsByTopic, connection.topicId, connection);
    });
    if (chat.state === 'queued') {
      this.scheduleRefresh({ topicIds: [chat.topicId] });
    } else {
      this.sendStatus(connection, {
        state: chat.state,
        position: null,
        estimate: null,
        agentName: chat.agentName,
      });
    }
    this.chainConversation(chat.id, async () => {
      const messages = await visitorMessages(this.deps.db, chat.id);
      const start = afterMessageId ? messages.findIndex((m) => m.id === afterMessageId) + 1 : 0;
      for (const message of messages.slice(start)) {
        this.send(connection, {
          type: 'message',
          message: { ...message, text: chatMessageText(message, connection.locale) },
        });
      }
    });
    this.touchSoon(chat.id);
  }

  /** Registers an agent's console socket and sends their state, the queues and their active chats. */
  async addAgent(
    ws: WebSocket,
    agent: { userId: string; sessionIdHash: string; locale: Locale },
  ): Promise<void> {
    const connection: AgentConnection = {
      kind: 'agent',
      ws,
      locale: agent.locale,
      userId: agent.userId,
      sessionIdHash: agent.sessionIdHash,
      chats: new Set(),
      lastAgentKey: '',
      lastQueueKey: '',
      sessionTouchedAt: 0,
      messages: new Window(MESSAGE_BURST * 2, MESSAGE_WINDOW_MS),
      frames: new Window(FRAME_LIMIT, FRAME_WINDOW_MS),
      badFrames: 0,
      alive: true,
    };
    addTo(this.agentsByUser, agent.userId, connection);
    this.wire(connection, (frame) => this.onAgentFrame(connection, frame));
    ws.on('close', () => removeFrom(this.agentsByUser, agent.userId, connection));
    await this.guard('agent connect', async () => {
      const ctx = this.ctx();
      // getAgent creates the agent's row on first use and marks them present.
      const [state, summary, chats] = await Promise.all([
        getAgent(ctx, agent.userId),
        this.readQueueSummary(),
        agentChats(ctx, agent.userId),
      ]);
      this.sendAgentState(connection, state);
      this.sendQueueSummary(connection, summary);
      for (const chat of chats) this.sendChat(connection, chat);
    });
    // An agent who just connected may be the free slot someone waits for.
    this.scheduleAssignment();
    this.scheduleRefresh({ all: true });
  }

  private wire(
    connection: VisitorConnection | AgentConnection,
    onFrame: (frame: unknown) => Promise<void>,
  ): void {
    const { ws } = connection;
    ws.on('pong', () => {
      connection.alive = true;
    });
    ws.on('error', () => {
      // Oversized frames (ws closes with 1009), resets, bad UTF-8: the socket is gone, nothing to do.
    });
    ws.on('message', (data, isBinary) => {
      if (this.closed) return;
      connection.alive = true;
      const nowMs = Date.now();
      if (!connection.frames.hit(nowMs)) {
        ws.close(CLOSE_POLICY, 'too many frames');
        return;
      }
      if (isBinary) {
        this.refuse(connection, 'bad_frame');
        return;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(data.toString());
      } catch {
        this.refuse(connection, 'bad_frame');
        return;
      }
      void this.guard('frame', () =>
        onFrame(parsed).catch((error: unknown) => {
          if (error instanceof ChatError) {
            this.sendError(connection, error.code);
            return;
          }
          this.sendError(connection, 'internal');
          throw error;
        }),
      );
    });
  }

  private refuse(connection: Connection, code: 'bad_frame'): void {
    connection.badFrames += 1;
    if (connection.badFrames > BAD_FRAME_LIMIT) {
      connection.ws.close(CLOSE_POLICY, 'too many bad frames');
      return;
    }
    this.sendError(connection, code);
  }

  private async onVisitorFrame(connection: VisitorConnection, raw: unknown): Promise<void> {
    const frame = VisitorFrame.safeParse(raw);
    if (!frame.success) return this.refuse(connection, 'bad_frame');
    if (frame.data.type === 'ping') return;
    if (!connection.messages.hit(Date.now())) return this.sendError(connection, 'too_fast');
    // Delivery (to this visitor too) follows from the `msg` event.
    await postVisitorMessage(this.ctx(), connection.conversationId, frame.data.body);
  }

  private async onAgentFrame(connection: AgentConnection, raw: unknown): Promise<void> {
    const frame = AgentFrame.safeParse(raw);
    if (!frame.success) return this.refuse(connection, 'bad_frame');
    if (frame.data.type === 'ping') return;
    if (!connection.messages.hit(Date.now())) return this.sendError(connection, 'too_fast');
    const ctx = this.ctx();
    await postAgentMessage(ctx, connection.userId, frame.data.conversationId, frame.data.body);
    // Chatting is activity: keep the staff session from idling out while the agent only types here.
    if (ctx.now.getTime() - connection.sessionTouchedAt >= SESSION_TOUCH_MS) {
      connection.sessionTouchedAt = ctx.now.getTime();
      await ctx.db
        .updateTable('sessions')
        .set({ last_seen_at: ctx.now })
        .where('id_hash', '=', connection.sessionIdHash)
        .execute();
    }
  }

  /** Re-reads an agent connection's state and chats (after notifications may have been lost). */
  private async resyncAgent(connection: AgentConnection): Promise<void> {
    const ctx = this.ctx();
    const [state, chats] = await Promise.all([
      agentState(ctx.db, connection.userId),
      agentChats(ctx, connection.userId),
    ]);
    if (state) this.sendAgentState(connection, state);
    const current = new Set(chats.map((c) => c.id));
    for (const id of [...connection.chats]) {
      if (current.has(id)) continue;
      // Gone while we were deaf: its row says why.
      this.chainConversation(id, () => this.onConversation(id));
    }
    for (const chat of chats) if (!connection.chats.has(chat.id)) this.sendChat(connection, chat);
  }

  // -------------------------------------------------------------------------------------------
  // Sending

  private send(connection: Connection, frame: unknown): void {
    if (connection.ws.readyState !== 1) return;
    connection.ws.send(JSON.stringify(frame));
  }

  private sendError(connection: Connection, code: ErrorCode): void {
    this.send(connection, { type: 'error', code, text: translator(connection.locale)(`chat.error.${code}`) });
  }

  private sendStatus(connection: VisitorConnection, status: VisitorStatus): void {
    const key = statusKey(status);
    connection.lastState = status.state;
    if (key === connection.lastKey) return;
    connection.lastKey = key;
    this.counters.statusSent += 1;
    this.send(connection, {
      type: 'status',
      state: status.state,
      position: status.position,
      estimate: status.estimate,
      agentName: status.agentName,
      text: statusText(translator(connection.locale), status),
    });
  }

  private sendChat(connection: AgentConnection, chat: AgentChat): void {
    connection.chats.add(chat.id);
    this.send(connection, {
      type: 'chat',
      chat: {
        ...chat,
        messages: chat.messages.map((m) => ({ ...m, text: chatMessageText(m, connection.locale) })),
      },
    });
  }

  private sendAgentState(connection: AgentConnection, state: AgentState): void {
    const key = JSON.stringify(state);
    if (key === connection.lastAgentKey) return;
    connection.lastAgentKey = key;
    this.send(connection, { type: 'agent', state });
  }

  private sendQueueSummary(connection: AgentConnection, summary: QueueSummaryFrame): void {
    const key = JSON.stringify(summary);
    if (key === connection.lastQueueKey) return;
    connection.lastQueueKey = key;
    this.send(connection, { type: 'queue', ...summary });
  }

  // -------------------------------------------------------------------------------------------
  // Events

  private onEvent(event: ContactEvent): void {
    if (this.closed) return;
    switch (event.t) {
      case 'queue':
        this.scheduleRefresh({ topicIds: [event.topicId], queueSummary: true });
        this.scheduleAssignment();
        return;
      case 'msg':
        this.chainConversation(event.conversationId, () =>
          this.onMessage(event.conversationId, event.messageId),
        );
        return;
      case 'conv':
        this.chainConversation(event.conversationId, () => this.onConversation(event.conversationId));
        return;
      case 'agent':
        void this.guard('agent event', () => this.onAgent(event.userId));
        this.scheduleRefresh({ all: true });
        this.scheduleAssignment();
        return;
      case 'email':
        this.scheduleRefresh({ queueSummary: true });
        return;
      default: {
        // An event of a newer version of the app: nothing to do here.
        const _unknown: never = event;
        return;
      }
    }
  }

  private chainConversation(conversationId: string, task: () => Promise<void>): void {
    const previous = this.conversationChains.get(conversationId) ?? Promise.resolve();
    const next = previous.then(() => this.guard('conversation event', task));
    this.conversationChains.set(conversationId, next);
    void next.then(() => {
      if (this.conversationChains.get(conversationId) === next)
        this.conversationChains.delete(conversationId);
    });
  }

  private agentConnectionsWith(conversationId: string): AgentConnection[] {
    const result: AgentConnection[] = [];
    for (const set of this.agentsByUser.values()) {
      for (const connection of set) if (connection.chats.has(conversationId)) result.push(connection);
    }
    return result;
  }

  private async onMessage(conversationId: string, messageId: string): Promise<void> {
    const visitors = this.visitorsByConversation.get(conversationId);
    const agents = this.agentConnectionsWith(conversationId);
    if (!visitors?.size && agents.length === 0) return;
    const found = await findMessage(this.deps.db, messageId);
    if (!found || found.conversationId !== conversationId) return;
    const { message } = found;
    if (visitors) {
      const seen = forVisitor(message);
      for (const connection of visitors) {
        this.send(connection, {
          type: 'message',
          message: { ...seen, text: chatMessageText(seen, connection.locale) },
        });
      }
    }
    for (const connection of agents) {
      this.send(connection, {
        type: 'message',
        conversationId,
        message: { ...message, text: chatMessageText(message, connection.locale) },
      });
    }
  }

  private async onConversation(conversationId: string): Promise<void> {
    const visitors = this.visitorsByConversation.get(conversationId);
    const holders = this.agentConnectionsWith(conversationId);
    if (!visitors?.size && holders.length === 0 && this.agentsByUser.size === 0) return;
    const row = await this.deps.db
      .selectFrom('contact_conversations as c')
      .leftJoin('users as u', 'u.id', 'c.agent_id')
      .select([
        'c.id',
        'c.state',
        'c.topic_id',
        'c.agent_id',
        'c.ended_by',
        'c.queued_at',
        'u.name as agent_name',
      ])
      .where('c.id', '=', conversationId)
      .where('c.kind', '=', 'chat')
      .executeTakeFirst();
    if (!row) return;
    const state = row.state as ChatState;
    if (visitors?.size) {
      let status: VisitorStatus;
      if (state === 'queued') {
        for (const connection of visitors) {
          if (connection.topicId !== row.topic_id) {
            removeFrom(this.visitorsByTopic, connection.topicId, connection);
            connection.topicId = row.topic_id;
            addTo(this.visitorsByTopic, row.topic_id, connection);
          }
        }
        status = await this.queuedStatus(row.topic_id, conversationId);
      } else {
        status = {
          state,
          position: null,
          estimate: null,
          agentName: state === 'active' ? visitorFacingName(row.agent_name ?? null) : null,
        };
      }
      for (const connection of visitors) this.sendStatus(connection, status);
    }
    // Agents who hold the chat but no longer own it: closed, with the reason.
    for (const connection of holders) {
      if (state === 'active' && row.agent_id === connection.userId) continue;
      connection.chats.delete(conversationId);
      this.send(connection, { type: 'closed', conversationId, reason: closeReason(state, row.ended_by) });
    }
    // The agent who owns it now, if connected here and not yet holding it.
    if (state === 'active' && row.agent_id) {
      const owners = [...(this.agentsByUser.get(row.agent_id) ?? [])].filter(
        (c) => !c.chats.has(conversationId),
      );
      if (owners.length > 0) {
        const chat = await findAgentChat(this.ctx(), row.agent_id, conversationId);
        if (chat && chat.state === 'active') for (const connection of owners) this.sendChat(connection, chat);
      }
    }
  }

  private async onAgent(userId: string): Promise<void> {
    const connections = this.agentsByUser.get(userId);
    if (!connections?.size) return;
    const state = await agentState(this.deps.db, userId);
    if (!state) return;
    for (const connection of connections) this.sendAgentState(connection, state);
  }

  private async queuedStatus(topicId: string, conversationId: string): Promise<VisitorStatus> {
    const ctx = this.ctx();
    const [queue, stats] = await Promise.all([
      queuedChats(ctx.db, [topicId]),
      queueStats(ctx.db, ctx.now, [topicId]),
    ]);
    const mine = queue.find((q) => q.id === conversationId);
    const topicStats = stats.get(topicId);
    const position = mine?.position ?? 1;
    return {
      state: 'queued',
      position,
      estimate: topicStats ? waitModel(topicStats)(position) : { kind: 'none' },
      agentName: null,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Queue refreshes (coalesced, one at a time)

  private scheduleRefresh(
    what: { topicIds?: readonly string[]; all?: boolean; queueSummary?: boolean },
    delayMs = COALESCE_MS,
  ): void {
    if (this.closed) return;
    for (const id of what.topicIds ?? []) this.pendingTopics.add(id);
    if (what.all) this.pendingAllTopics = true;
    if (what.queueSummary) this.pendingQueueSummary = true;
    // A refresh in progress schedules the next one when it ends.
    if (this.refreshing) return;
    const due = Date.now() + delayMs;
    if (this.flushTimer && this.flushDueAt <= due) return;
    clearTimeout(this.flushTimer);
    this.flushDueAt = due;
    this.flushTimer = setTimeout(() => this.flush(), delayMs);
    this.flushTimer.unref();
  }

  private flush(): void {
    this.flushTimer = undefined;
    if (this.closed || this.refreshing) return;
    const topics = this.pendingAllTopics ? [...this.visitorsByTopic.keys()] : [...this.pendingTopics];
    const summary = this.pendingQueueSummary;
    this.pendingTopics.clear();
    this.pendingAllTopics = false;
    this.pendingQueueSummary = false;
    this.refreshing = this.guard('queue refresh', () => this.refresh(topics, summary)).finally(() => {
      this.refreshing = undefined;
      if (this.pendingTopics.size > 0 || this.pendingAllTopics || this.pendingQueueSummary) {
        this.scheduleRefresh({});
      }
    });
  }

  /** Sends fresh positions and estimates to this instance's waiting visitors of `topicIds`. */
  private async refresh(topicIds: readonly string[], withSummary: boolean): Promise<void> {
    const local = topicIds.filter((id) => (this.visitorsByTopic.get(id)?.size ?? 0) > 0);
    const ctx = this.ctx();
    const [queue, stats, summary] = await Promise.all([
      queuedChats(ctx.db, local),
      queueStats(ctx.db, ctx.now, local),
      withSummary && this.agentsByUser.size > 0 ? this.readQueueSummary() : undefined,
    ]);
    this.counters.queueRefreshes += 1;
    const positions = new Map(queue.map((q) => [q.id, q.position]));
    for (const topicId of local) {
      const topicStats = stats.get(topicId);
      const estimate = topicStats ? waitModel(topicStats) : () => ({ kind: 'none' }) as const;
      for (const connection of this.visitorsByTopic.get(topicId) ?? []) {
        // State changes are the `conv` handler's (fresher) business; only waiting visitors here.
        if (connection.lastState !== 'queued') continue;
        const position = positions.get(connection.conversationId);
        if (position === undefined) {
          // No longer waiting (assigned, left, moved): normally its `conv` event says so; this
          // also covers events lost while the listening connection was down.
          this.chainConversation(connection.conversationId, () =>
            this.onConversation(connection.conversationId),
          );
          continue;
        }
        this.sendStatus(connection, {
          state: 'queued',
          position,
          estimate: estimate(position),
          agentName: null,
        });
      }
    }
    if (summary) {
      for (const set of this.agentsByUser.values()) for (const c of set) this.sendQueueSummary(c, summary);
    }
  }

  private async readQueueSummary(): Promise<QueueSummaryFrame> {
    const [topics, email] = await Promise.all([
      queueSummary(this.deps.db),
      this.deps.db
        .selectFrom('contact_conversations')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('kind', '=', 'email')
        .where('state', '=', 'open')
        .executeTakeFirstOrThrow(),
    ]);
    return {
      topics: topics.map((t) => ({ ...t, oldestQueuedAt: t.oldestQueuedAt?.toISOString() ?? null })),
      emailOpen: Number(email.n),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Assignment, sweep, presence

  /** Runs an assignment pass soon; passes never overlap on this instance (and skip each other's locks across instances). */
  scheduleAssignment(): void {
    if (this.closed) return;
    if (this.assigning) {
      this.assignAgain = true;
      return;
    }
    this.assigning = this.guard('assignment', () => assignWaiting(this.ctx())).finally(() => {
      this.assigning = undefined;
      if (this.assignAgain && !this.closed) {
        this.assignAgain = false;
        this.scheduleAssignment();
      }
    });
  }

  /** Marks a (re)connected visitor present; connections of a burst are written in one statement. */
  private touchSoon(conversationId: string): void {
    this.pendingTouches.add(conversationId);
    if (this.touchTimer) return;
    this.touchTimer = setTimeout(() => {
      this.touchTimer = undefined;
      const ids = [...this.pendingTouches];
      this.pendingTouches.clear();
      if (!this.closed) void this.guard('visitor presence', () => touchVisitors(this.ctx(), ids));
    }, TOUCH_BATCH_MS);
    this.touchTimer.unref();
  }

  private sweep(): void {
    const nowMs = Date.now();
    for (const [id, limits] of this.visitorLimits) {
      if (this.visitorsByConversation.has(id)) continue;
      if (limits.messages.expired(nowMs) && limits.connects.expired(nowMs)) this.visitorLimits.delete(id);
    }
    void this.guard('grace sweep', () => abandonGone(this.ctx()));
  }

  private heartbeat(): void {
    const ctx = this.ctx();
    const conversations = [...this.visitorsByConversation.keys()];
    const agents = [...this.agentsByUser.keys()];
    if (conversations.length > 0)
      void this.guard('visitor presence', () => touchVisitors(ctx, conversations));
    if (agents.length > 0) {
      void this.guard('agent presence', async () => {
        await touchAgents(ctx, agents);
        await this.checkSessions(ctx);
      });
    }
  }

  /** Closes agent sockets whose staff session ended, went idle or lost the agent role. */
  private async checkSessions(ctx: ChatContext): Promise<void> {
    const connections = [...this.agentsByUser.values()].flatMap((set) => [...set]);
    if (connections.length === 0) return;
    const idleSince = new Date(ctx.now.getTime() - ctx.config.session.idleMinutes * 60_000);
    const valid = await ctx.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .innerJoin('user_roles as r', (join) => join.onRef('r.user_id', '=', 'u.id').on('r.role', '=', 'agent'))
      .select('s.id_hash')
      .where(
        's.id_hash',
        'in',
        connections.map((c) => c.sessionIdHash),
      )
      .where('s.stage', '=', 'active')
      .where('u.active', '=', true)
      .where('s.expires_at', '>', ctx.now)
      .where('s.last_seen_at', '>', idleSince)
      .execute();
    const ok = new Set(valid.map((v) => v.id_hash));
    for (const connection of connections) {
      if (!ok.has(connection.sessionIdHash)) connection.ws.close(CLOSE_SESSION_ENDED, 'session ended');
    }
  }

  private pingAll(): void {
    for (const set of [...this.visitorsByConversation.values(), ...this.agentsByUser.values()]) {
      for (const connection of set) {
        if (!connection.alive) {
          connection.ws.terminate();
          continue;
        }
        connection.alive = false;
        connection.ws.ping();
      }
    }
  }
}

interface QueueSummaryFrame {
  readonly topics: { topicId: string; waiting: number; oldestQueuedAt: string | null }[];
  readonly emailOpen: number;
}

function closeReason(
  state: ChatState,
  endedBy: 'visitor' | 'agent' | 'system' | null,
): 'ended_by_visitor' | 'ended' | 'transferred' | 'abandoned' {
  if (state === 'ended') return endedBy === 'visitor' ? 'ended_by_visitor' : 'ended';
  if (state === 'abandoned' || state === 'left') return 'abandoned';
  return 'transferred';
}

function addTo<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(value);
}

function removeFrom<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}
