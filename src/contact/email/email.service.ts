/**
 * E-mail to 1700 (issue 4, PRODUCT.md §6): a citizen's question becomes a `contact_conversations`
 * row of kind `email`; agents answer it from the console; the citizen's replies come back into the
 * same conversation through the inbound SMTP receiver (inbound-smtp.ts).
 *
 * - **States.** `open` (waiting for an answer, `due_at` set) → `answered` (an agent answered;
 *   `due_at` cleared) → `open` again when the citizen replies; `closed` by an agent at any time,
 *   reopened by an agent (a citizen's reply to a closed conversation reopens it too).
 * - **Target.** `due_at` is 2 working days (Brussels calendar, Belgian holidays excluded) after
 *   the oldest unanswered message; a conversation is overdue when `due_at` has passed while open.
 * - **Threading.** Every mail we send carries `Reply-To: <local>+<reply_token>@<domain>` of the
 *   configured reply address; the token is random (120 bits) and is how a reply finds its
 *   conversation. `thread_message_ids` holds the Message-IDs of the thread, oldest first: an
 *   answer is sent `In-Reply-To` the last of them with all of them as `References`.
 *
 * Every change publishes `{ t: 'email' }` in its transaction and is audited without content.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Config } from '../../config.js';
import { appendAuditEvent } from '../../platform/audit/audit.js';
import type { AuditOrigin } from '../../platform/audit/audit-events.js';
import type { Db } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { translator } from '../../platform/ui/i18n/catalogue.js';
import type { Locale } from '../../platform/ui/i18n/define.js';
import { publishContactEvent } from '../contact-events.js';
import { type ContactTopic, findTopic, topicName } from '../topics.js';
import { isConversationId } from './email-form.js';
import { emailDueAt } from './working-days.js';
import './email.events.js';

/** What the e-mail service functions need. */
export interface EmailContext {
  readonly db: Db;
  readonly now: Date;
  readonly config: Config;
}

export type EmailState = 'open' | 'answered' | 'closed';

export type EmailErrorCode =
  /** No such e-mail conversation (also for a malformed id or a chat's id). */
  | 'not_found'
  /** An answer to a closed conversation: reopen it first. */
  | 'closed';

export class EmailError extends Error {
  constructor(readonly code: EmailErrorCode) {
    super(code);
    this.name = 'EmailError';
  }
}

/** Purposes of the mail this module sends (shown on the admin mail page; retention deletes them). */
export const EMAIL_PURPOSE = { copy: 'contact.copy', answer: 'contact.answer' } as const;

/** One message of a thread; a system message's body is a catalogue key. */
export interface EmailMessage {
  readonly id: string;
  readonly author: 'visitor' | 'agent' | 'system';
  readonly body: string;
  readonly createdAt: Date;
  readonly agentName: string | null;
}

/** A row of the agents' queue. */
export interface EmailQueueItem {
  readonly id: string;
  readonly topicId: string;
  readonly state: EmailState;
  readonly visitorName: string;
  readonly subject: string;
  readonly createdAt: Date;
  readonly dueAt: Date | null;
  readonly overdue: boolean;
}

/** A whole conversation for an agent. */
export interface EmailThread extends EmailQueueItem {
  readonly locale: Locale;
  readonly visitorEmail: string;
  readonly messages: readonly EmailMessage[];
}

// ---------------------------------------------------------------------------------------------
// Reply addresses

/** A new reply token: 120 random bits as 30 lower-case hex digits (MTAs may lower-case local parts). */
export function newReplyToken(): string {
  return randomBytes(15).toString('hex');
}

/** `1700@example.org` + token → `1700+<token>@example.org`. */
export function replyAddressFor(replyAddress: string, token: string): string {
  const at = replyAddress.lastIndexOf('@');
  return `${replyAddress.slice(0, at)}+${token}@${replyAddress.slice(at + 1)}`;
}

/**
 * The reply token in `address` if it is `<local>+<token>@<domain>` of the reply address
 * (local part and domain compared without case), else undefined.
 */
export function replyTokenOf(replyAddress: string, address: string): string | undefined {
  const at = replyAddress.lastIndexOf('@');
  const local = replyAddress.slice(0, at).toLowerCase();
  const domain = replyAddress.slice(at + 1).toLowerCase();
  const match = /^([^@\s]+)\+([0-9a-f]{30})@([^@\s]+)$/i.exec(address.trim());
  if (!match) return undefined;
  const [, gotLocal, token, gotDomain] = match;
  if (gotLocal?.toLowerCase() !== local || gotDomain?.toLowerCase() !== domain) return undefined;
  return token?.toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// The citizen's side

/** The first line of a question, shortened: the conversation's subject in the queue. */
export function subjectOf(question: string): string {
  const firstLine = question.trim().split('\n', 1)[0]?.trim() ?? '';
  return firstLine.length > 80 ? `${firstLine.slice(0, 79)}…` : firstLine;
}

function threadIds(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * A citizen's question from the public form: the conversation (open, due in 2 working days), the
 * message, and the copy to the sender in the outbox (`contact.copy`, Reply-To the conversation's
 * reply address; its Message-ID starts the thread). One transaction; audited as the anonymous
 * visitor. The topic must be an active topic (the caller checked it).
 */
export async function sendEmailQuestion(
  ctx: EmailContext,
  input: {
    readonly name: string;
    readonly email: string;
    readonly topic: ContactTopic;
    readonly question: string;
    readonly locale: Locale;
  },
): Promise<{ conversationId: string; dueAt: Date }> {
  const { now, config } = ctx;
  const token = newReplyToken();
  const dueAt = emailDueAt(now);
  const t = translator(input.locale);
  return ctx.db.transaction().execute(async (trx) => {
    const conversation = await trx
      .insertInto('contact_conversations')
      .values({
        kind: 'email',
        topic_id: input.topic.id,
        state: 'open',
        locale: input.locale,
        visitor_name: input.name,
        visitor_email: input.email,
        subject: subjectOf(input.question),
        reply_token: token,
        due_at: dueAt,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const messageId = await enqueueMail(
      trx,
      {
        to: input.email,
        subject: t('email.mail.copy_subject', { topic: topicName(input.topic, input.locale) }),
        text: t('email.mail.copy_text', {
          name: input.name,
          question: input.question,
          due: formatMailDate(dueAt, input.locale),
        }),
        purpose: EMAIL_PURPOSE.copy,
        headers: { 'Reply-To': replyAddressFor(config.contact.replyAddress, token) },
      },
      { now, publicUrl: config.publicUrl },
    );
    await trx
      .insertInto('contact_messages')
      .values({
        conversation_id: conversation.id,
        author: 'visitor',
        body: input.question,
        message_id: messageId,
        created_at: now,
      })
      .execute();
    await trx
      .updateTable('contact_conversations')
      .set({ thread_message_ids: JSON.stringify([messageId]) })
      .where('id', '=', conversation.id)
      .execute();
    await appendAuditEvent(
      trx,
      { type: 'contact.email_received', data: { conversationId: conversation.id, source: 'form' } },
      { kind: 'anonymous', label: 'visitor' },
      now,
    );
    await publishContactEvent(trx, { t: 'email' });
    return { conversationId: conversation.id, dueAt };
  });
}

const mailDateFormats: Record<Locale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-BE', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'Europe/Brussels',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'Europe/Brussels',
  }),
};

/** A date for a mail or the confirmation ("dinsdag 8 december 2026 om 15:00"). */
export function formatMailDate(date: Date, locale: Locale): string {
  return mailDateFormats[locale].format(date);
}

/** What the inbound receiver hands over for one accepted reply. */
export interface InboundReply {
  readonly token: string;
  /** The Message-ID of the received mail, if it had one. */
  readonly messageId: string | undefined;
  readonly body: string;
  readonly hadAttachments: boolean;
  readonly truncated: boolean;
}

/** Whether a reply token belongs to an e-mail conversation (the receiver's RCPT TO check). */
export async function isKnownReplyToken(db: Db, token: string): Promise<boolean> {
  if (!/^[0-9a-f]{30}$/.test(token)) return false;
  const row = await db
    .selectFrom('contact_conversations')
    .select('id')
    .where('reply_token', '=', token)
    .where('kind', '=', 'email')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Appends a citizen's e-mail reply to the conversation of its reply token: the message (and a
 * system note when attachments were dropped or the text was shortened), its Message-ID into the
 * thread, state back to `open` with a new `due_at` unless it was already waiting for an answer.
 * Returns the conversation id, or null for an unknown token (the receiver refused it earlier;
 * the conversation may have been deleted meanwhile).
 */
export async function receiveEmailReply(ctx: EmailContext, reply: InboundReply): Promise<string | null> {
  const { now } = ctx;
  return ctx.db.transaction().execute(async (trx) => {
    const conversation = await trx
      .selectFrom('contact_conversations')
      .select(['id', 'state', 'due_at', 'thread_message_ids'])
      .where('reply_token', '=', reply.token)
      .where('kind', '=', 'email')
      .forUpdate()
      .executeTakeFirst();
    if (!conversation) return null;
    const ids = threadIds(conversation.thread_message_ids);
    // A mail delivered twice (a retrying sender) is stored once.
    if (reply.messageId && ids.includes(reply.messageId)) return conversation.id;
    await trx
      .insertInto('contact_messages')
      .values({
        conversation_id: conversation.id,
        author: 'visitor',
        body: reply.body,
        message_id: reply.messageId ?? null,
        created_at: now,
      })
      .execute();
    const notes = [
      ...(reply.truncated ? ['email.system.truncated'] : []),
      ...(reply.hadAttachments ? ['email.system.attachments_ignored'] : []),
    ];
    for (const note of notes) {
      await trx
        .insertInto('contact_messages')
        .values({ conversation_id: conversation.id, author: 'system', body: note, created_at: now })
        .execute();
    }
    const waiting = conversation.state === 'open' && conversation.due_at !== null;
    await trx
      .updateTable('contact_conversations')
      .set({
        state: 'open',
        due_at: waiting ? conversation.due_at : emailDueAt(now),
        thread_message_ids: JSON.stringify(reply.messageId ? [...ids, reply.messageId] : ids),
        updated_at: now,
      })
      .where('id', '=', conversation.id)
      .execute();
    await appendAuditEvent(
      trx,
      { type: 'contact.email_received', data: { conversationId: conversation.id, source: 'reply' } },
      { kind: 'system', label: 'inbound-smtp' },
      now,
    );
    await publishContactEvent(trx, { t: 'email' });
    return conversation.id;
  });
}

// ---------------------------------------------------------------------------------------------
// The agents' side

/** How many e-mail conversations wait for an answer, and how many of them are past the target. */
export async function countOpenEmail(db: Db, now: Date): Promise<{ open: number; overdue: number }> {
  const row = await db
    .selectFrom('contact_conversations')
    .select([
      sql<string>`count(*)`.as('open'),
      sql<string>`count(*) filter (where due_at < ${now})`.as('overdue'),
    ])
    .where('kind', '=', 'email')
    .where('state', '=', 'open')
    .executeTakeFirstOrThrow();
  return { open: Number(row.open), overdue: Number(row.overdue) };
}

const QUEUE_LIMIT = 500;

/**
 * The e-mail queue, oldest first (by when the question arrived), filtered by state. Open
 * conversations are ordered by their due moment first, so the most urgent reply (an old
 * conversation the citizen just replied to is newer work than a fresh question) is on top.
 */
export async function listEmailQueue(
  ctx: EmailContext,
  filter: EmailState | 'all',
): Promise<EmailQueueItem[]> {
  let query = ctx.db
    .selectFrom('contact_conversations')
    .select(['id', 'topic_id', 'state', 'visitor_name', 'subject', 'created_at', 'due_at'])
    .where('kind', '=', 'email');
  if (filter !== 'all') query = query.where('state', '=', filter);
  const rows = await query
    .orderBy(sql`coalesce(due_at, created_at)`)
    .orderBy('created_at')
    .orderBy('id')
    .limit(QUEUE_LIMIT)
    .execute();
  return rows.map((row) => toItem(row, ctx.now));
}

function toItem(
  row: {
    id: string;
    topic_id: string;
    state: string;
    visitor_name: string;
    subject: string | null;
    created_at: Date;
    due_at: Date | null;
  },
  now: Date,
): EmailQueueItem {
  const state = row.state as EmailState;
  return {
    id: row.id,
    topicId: row.topic_id,
    state,
    visitorName: row.visitor_name,
    subject: row.subject ?? '',
    createdAt: row.created_at,
    dueAt: row.due_at,
    overdue: state === 'open' && row.due_at !== null && row.due_at.getTime() < now.getTime(),
  };
}

/** One e-mail conversation with all its messages, or null (unknown, malformed or a chat's id). */
export async function findEmailThread(ctx: EmailContext, id: string): Promise<EmailThread | null> {
  if (!isConversationId(id)) return null;
  const row = await ctx.db
    .selectFrom('contact_conversations')
    .select([
      'id',
      'topic_id',
      'state',
      'locale',
      'visitor_name',
      'visitor_email',
      'subject',
      'created_at',
      'due_at',
    ])
    .where('id', '=', id)
    .where('kind', '=', 'email')
    .executeTakeFirst();
  if (!row) return null;
  const messages = await ctx.db
    .selectFrom('contact_messages as m')
    .leftJoin('users as u', 'u.id', 'm.agent_id')
    .select(['m.id', 'm.author', 'm.body', 'm.created_at', 'u.name as agent_name'])
    .where('m.conversation_id', '=', id)
    .orderBy('m.seq')
    .execute();
  return {
    ...toItem(row, ctx.now),
    locale: row.locale,
    visitorEmail: row.visitor_email ?? '',
    messages: messages.map((m) => ({
      id: m.id,
      author: m.author,
      body: m.body,
      createdAt: m.created_at,
      agentName: m.agent_name,
    })),
  };
}

/** The agent acting, as the routes know them. */
export interface EmailAgent {
  readonly userId: string;
  readonly name: string;
  readonly origin: AuditOrigin;
}

async function lockConversation(trx: Transaction<Database>, id: string) {
  if (!isConversationId(id)) throw new EmailError('not_found');
  const row = await trx
    .selectFrom('contact_conversations')
    .select([
      'id',
      'topic_id',
      'state',
      'locale',
      'visitor_name',
      'visitor_email',
      'reply_token',
      'thread_message_ids',
    ])
    .where('id', '=', id)
    .where('kind', '=', 'email')
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new EmailError('not_found');
  return row;
}

/**
 * An agent's answer: stored, and sent by e-mail (`contact.answer`) to the citizen threaded with
 * `In-Reply-To` (the last Message-ID of the thread) and `References` (all of them), Reply-To the
 * conversation's reply address. The conversation becomes `answered`. Audited without content.
 * @throws {EmailError} `not_found`; `closed` for a closed conversation.
 */
export async function answerEmail(
  ctx: EmailContext,
  agent: EmailAgent,
  conversationId: string,
  body: string,
): Promise<void> {
  const { now, config } = ctx;
  await ctx.db.transaction().execute(async (trx) => {
    const conversation = await lockConversation(trx, conversationId);
    if (conversation.state === 'closed') throw new EmailError('closed');
    const locale = conversation.locale;
    const t = translator(locale);
    const topic = await findTopic(trx, conversation.topic_id);
    const ids = threadIds(conversation.thread_message_ids);
    const last = ids.at(-1);
    const headers: Record<string, string> = {};
    if (conversation.reply_token) {
      headers['Reply-To'] = replyAddressFor(config.contact.replyAddress, conversation.reply_token);
    }
    if (last) {
      headers['In-Reply-To'] = last;
      headers.References = ids.join(' ');
    }
    const messageId = await enqueueMail(
      trx,
      {
        to: conversation.visitor_email ?? '',
        subject: t('email.mail.answer_subject', { topic: topic ? topicName(topic, locale) : '' }),
        text: t('email.mail.answer_text', {
          name: conversation.visitor_name,
          answer: body,
          agent: agent.name,
        }),
        purpose: EMAIL_PURPOSE.answer,
        headers,
      },
      { now, publicUrl: config.publicUrl },
    );
    const message = await trx
      .insertInto('contact_messages')
      .values({
        conversation_id: conversation.id,
        author: 'agent',
        agent_id: agent.userId,
        body,
        message_id: messageId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('contact_conversations')
      .set({
        state: 'answered',
        due_at: null,
        agent_id: agent.userId,
        thread_message_ids: JSON.stringify([...ids, messageId]),
        updated_at: now,
      })
      .where('id', '=', conversation.id)
      .execute();
    await appendAuditEvent(
      trx,
      { type: 'contact.email_answered', data: { conversationId: conversation.id, messageId: message.id } },
      agent.origin,
      now,
    );
    await publishContactEvent(trx, { t: 'email' });
  });
}

/**
 * Closes a conversation (no answer needed any more) or reopens a closed one (as `open`, due 2
 * working days from now). Doing it twice changes nothing the second time.
 * @throws {EmailError} `not_found`.
 */
export async function setEmailClosed(
  ctx: EmailContext,
  agent: EmailAgent,
  conversationId: string,
  closed: boolean,
): Promise<void> {
  const { now } = ctx;
  await ctx.db.transaction().execute(async (trx) => {
    const conversation = await lockConversation(trx, conversationId);
    if ((conversation.state === 'closed') === closed) return;
    await trx
      .updateTable('contact_conversations')
      .set(
        closed
          ? { state: 'closed', due_at: null, updated_at: now }
          : { state: 'open', due_at: emailDueAt(now), updated_at: now },
      )
      .where('id', '=', conversation.id)
      .execute();
    await appendAuditEvent(
      trx,
      closed
        ? { type: 'contact.email_closed', data: { conversationId: conversation.id } }
        : { type: 'contact.email_reopened', data: { conversationId: conversation.id } },
      agent.origin,
      now,
    );
    await publishContactEvent(trx, { t: 'email' });
  });
}
