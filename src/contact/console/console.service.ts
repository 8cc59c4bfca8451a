import './console.events.js';
import { sql } from 'kysely';
import type { Config } from '../../config.js';
import { appendAuditEvent } from '../../platform/audit/audit.js';
import type { AuditOrigin } from '../../platform/audit/audit-events.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { translator } from '../../platform/ui/i18n/catalogue.js';
import type { Locale } from '../../platform/ui/i18n/define.js';
import { listActiveChannels, readChannelForReport } from '../../reporting/channels/channel-read.js';
import { formatReceipt, type Receipt } from '../../reporting/receipt.js';
import { createReport } from '../../reporting/report-store.js';
import { AGENT_PRESENCE_MS, activeChatsOfAgent } from '../chat/chat.service.js';
import { publishContactEvent } from '../contact-events.js';

/**
 * The read models and the one write of the agents' console that the chat service does not
 * provide: queue figures per topic, canned answers, transfer targets, a visitor's earlier
 * conversations, and registering a citizen's integrity question with the reporting channel.
 * Every function that concerns one chat is called only after the route checked (with
 * `findAgentChat`) that the chat is assigned to the acting agent.
 */

/** A canned answer in both languages. */
export interface CannedAnswer {
  readonly id: string;
  readonly title: { readonly nl: string; readonly en: string };
  readonly body: { readonly nl: string; readonly en: string };
}

/** The canned answers in the order the admin chose (a short list: at most 200). */
export async function listCannedAnswers(db: Db): Promise<CannedAnswer[]> {
  const rows = await db
    .selectFrom('contact_canned_answers')
    .select(['id', 'title_nl', 'title_en', 'body_nl', 'body_en'])
    .orderBy('position')
    .orderBy('title_nl')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: { nl: r.title_nl, en: r.title_en },
    body: { nl: r.body_nl, en: r.body_en },
  }));
}

/** An agent a chat can be transferred to. */
export interface TransferTarget {
  readonly userId: string;
  readonly name: string;
  readonly activeCount: number;
  readonly capacity: number;
}

/**
 * Colleagues who could take a chat of `topicId` now: available, console open (seen within
 * `AGENT_PRESENCE_MS`), serving the topic, with a free slot; never `exceptUserId`.
 * The chat service checks the same again when the transfer is made.
 */
export async function transferTargets(
  db: Db,
  input: { readonly topicId: string; readonly exceptUserId: string; readonly now: Date },
): Promise<TransferTarget[]> {
  const seenSince = new Date(input.now.getTime() - AGENT_PRESENCE_MS);
  const rows = await db
    .selectFrom('contact_agents as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .innerJoin('contact_agent_topics as at', (j) =>
      j.onRef('at.user_id', '=', 'a.user_id').on('at.topic_id', '=', input.topicId),
    )
    .select(['a.user_id', 'u.name', 'a.capacity', activeChatsOfAgent('active_count')])
    .where('a.availability', '=', 'available')
    .where('a.seen_at', '>', seenSince)
    .where('u.active', '=', true)
    .where('a.user_id', '!=', input.exceptUserId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles as r')
          .select(sql`1`.as('one'))
          .whereRef('r.user_id', '=', 'a.user_id')
          .where('r.role', '=', 'agent'),
      ),
    )
    .orderBy('u.name')
    .execute();
  return rows
    .map((r) => ({
      userId: r.user_id,
      name: r.name,
      capacity: r.capacity,
      activeCount: Number(r.active_count ?? 0),
    }))
    .filter((r) => r.activeCount < r.capacity);
}

/** One of the visitor's other conversations, as the agent's list shows it. */
export interface EarlierConversation {
  readonly id: string;
  readonly kind: 'chat' | 'email';
  readonly topicId: string;
  readonly state: string;
  readonly createdAt: Date;
  readonly subject: string | null;
}

/**
 * The visitor's other conversations (chats and e-mail) that began no later than
 * `conversationId`, newest first: those with the same `visitor_key_hash`. Empty when the
 * visitor has no key (no cookie). The routes ask only for a chat that is still active.
 */
export async function earlierConversations(db: Db, conversationId: string): Promise<EarlierConversation[]> {
  const rows = await db
    .selectFrom('contact_conversations as me')
    .innerJoin('contact_conversations as c', 'c.visitor_key_hash', 'me.visitor_key_hash')
    .select(['c.id', 'c.kind', 'c.topic_id', 'c.state', 'c.created_at', 'c.subject'])
    .where('me.id', '=', conversationId)
    .where('me.visitor_key_hash', 'is not', null)
    .where('c.id', '!=', conversationId)
    // Only what began before this conversation: never a window on the visitor's later ones.
    .whereRef('c.created_at', '<=', 'me.created_at')
    .orderBy('c.created_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    topicId: r.topic_id,
    state: r.state,
    createdAt: r.created_at,
    subject: r.subject,
  }));
}

/** A message of an earlier conversation. */
export interface EarlierMessage {
  readonly id: string;
  readonly author: 'visitor' | 'agent' | 'system';
  readonly body: string;
  readonly createdAt: Date;
  readonly agentName: string | null;
}

/**
 * The thread of `otherId` if it belongs to the same visitor as `conversationId` (the chat the
 * agent is handling); null otherwise, so a forged id reveals nothing.
 */
export async function readEarlierConversation(
  db: Db,
  conversationId: string,
  otherId: string,
): Promise<{ conversation: EarlierConversation; messages: EarlierMessage[] } | null> {
  const conversation = (await earlierConversations(db, conversationId)).find((c) => c.id === otherId);
  if (!conversation) return null;
  const messages = await db
    .selectFrom('contact_messages as m')
    .leftJoin('users as u', 'u.id', 'm.agent_id')
    .select(['m.id', 'm.author', 'm.body', 'm.created_at', 'u.name as agent_name'])
    .where('m.conversation_id', '=', otherId)
    .orderBy('m.seq')
    .limit(1000)
    .execute();
  return {
    conversation,
    messages: messages.map((m) => ({
      id: m.id,
      author: m.author,
      body: m.body,
      createdAt: m.created_at,
      agentName: m.agent_name,
    })),
  };
}

/** A reporting channel a citizen's report can go to. */
export interface ReportChannelChoice {
  readonly id: string;
  readonly slug: string;
  readonly name: { readonly nl: string; readonly en: string };
}

/**
 * Channels an agent may register a citizen's report in: active, open to everyone (not the
 * staff-only channels) and able to receive (a questionnaire and a recipient with a key).
 */
export async function reportChannelChoices(db: Db): Promise<ReportChannelChoice[]> {
  const channels = await listActiveChannels(db);
  return channels
    .filter((c) => c.canReceive && c.audience === 'everyone')
    .map((c) => ({ id: c.id, slug: c.slug, name: c.name }));
}

export interface IntegrityReportInput {
  readonly channelId: string;
  readonly text: string;
  readonly mode: 'anonymous' | 'named';
  /** The visitor's name for a named report (the name they gave when starting the chat). */
  readonly visitorName: string;
  /** Where to e-mail the receipt once (erased from the outbox after sending); null: none. */
  readonly receiptEmail: string | null;
}

/**
 * Registers a citizen's integrity question or report from a chat: `createReport` encrypts it
 * and seals it to the channel's recipients (the agent cannot read it afterwards). The text goes
 * into the first long-text question of the channel's current questionnaire. In the same
 * transaction: a system message in the chat (never the receipt) and the audit event
 * `contact.report_registered` with the report id. The receipt is returned to be shown once; if
 * `receiptEmail` is given it is also mailed once (scrubbed from the outbox after sending).
 * @throws AppError `validation_failed` (details.reason `channel_unavailable`).
 */
export async function registerIntegrityReport(
  ctx: {
    readonly db: Db;
    readonly now: Date;
    readonly config: Config;
    readonly origin: AuditOrigin;
    /** Logs an unexpected failure that must not undo the report (the receipt mail). */
    readonly log?: (error: unknown) => void;
  },
  agent: { readonly userId: string },
  conversation: { readonly id: string; readonly locale: Locale },
  input: IntegrityReportInput,
): Promise<{
  readonly reportId: string;
  readonly reference: string;
  readonly receipt: Receipt;
  readonly receiptMailed: boolean;
}> {
  const allowed = await reportChannelChoices(ctx.db);
  const choice = allowed.find((c) => c.id === input.channelId);
  if (!choice) throw new AppError('validation_failed', { reason: 'channel_unavailable' });
  const channel = await readChannelForReport(ctx.db, choice.slug);
  if (!channel?.canReceive || !channel.questionnaire) {
    throw new AppError('validation_failed', { reason: 'channel_unavailable' });
  }
  const question = channel.questionnaire.questions.find((q) => q.type === 'long_text');
  const named = input.mode === 'named';
  if (named && input.visitorName.trim() === '')
    throw new AppError('validation_failed', { reason: 'no_name' });
  const followUpUrl = `${ctx.config.publicUrl}/report/follow-up`;
  let mailed = false;
  const created = await createReport(
    ctx.db,
    ctx.config,
    {
      channelId: channel.id,
      categoryId: null,
      questionnaireVersionId: channel.questionnaire.id,
      identityMode: named ? 'named' : 'anonymous',
      // Written by the citizen in the chat; the agent who registered it is `createdBy`.
      source: 'online',
      answers: { [question?.id ?? 'summary']: input.text },
      identity: named ? { name: input.visitorName.trim(), contact: '' } : null,
      notifyAddress: null,
      excludedUserIds: [],
      files: [],
      createdBy: agent.userId,
    },
    {
      now: ctx.now,
      origin: ctx.origin,
      alsoInTransaction: async (trx, reportId) => {
        await trx
          .insertInto('contact_messages')
          .values({
            conversation_id: conversation.id,
            author: 'system',
            agent_id: agent.userId,
            body: 'console.system.report_registered',
            created_at: ctx.now,
          })
          .execute();
        const message = await trx
          .selectFrom('contact_messages')
          .select('id')
          .where('conversation_id', '=', conversation.id)
          .orderBy('seq', 'desc')
          .limit(1)
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('contact_conversations')
          .set({ updated_at: ctx.now })
          .where('id', '=', conversation.id)
          .execute();
        await publishContactEvent(trx, { t: 'msg', conversationId: conversation.id, messageId: message.id });
        await appendAuditEvent(
          trx,
          {
            type: 'contact.report_registered',
            data: {
              // An anonymous report must not be linkable to the chat (and so to the visitor's
              // name or address) through the audit log: only a named one records the chat.
              ...(input.mode === 'named' ? { conversationId: conversation.id } : {}),
              reportId,
              mode: input.mode,
              receiptMailed: input.receiptEmail !== null,
            },
          },
          ctx.origin,
          ctx.now,
        );
        mailed = input.receiptEmail !== null;
      },
    },
  );
  let receiptMailed = false;
  if (mailed && input.receiptEmail) {
    // The receipt exists only once the report committed, so it is queued just after. Should that
    // fail, the report stands and the receipt is still on the agent's screen (the primary
    // handover); the page then says the mail was not sent.
    const t = translator(conversation.locale);
    try {
      await enqueueMail(
        ctx.db,
        {
          to: input.receiptEmail,
          subject: t('console.report.mail_subject'),
          text: t('console.report.mail_body', {
            reference: created.reference,
            receipt: formatReceipt(created.receipt),
            url: followUpUrl,
          }),
          purpose: 'contact.report_receipt',
          scrubAfterSend: true,
        },
        { now: ctx.now, publicUrl: ctx.config.publicUrl },
      );
      receiptMailed = true;
    } catch (error) {
      ctx.log?.(error);
    }
  }
  return { ...created, receiptMailed };
}
