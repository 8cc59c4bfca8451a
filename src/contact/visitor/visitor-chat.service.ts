import { enqueueMail } from '../../platform/mail/outbox.js';
import { translator } from '../../platform/ui/i18n/catalogue.js';
import {
  type ChatAvailability,
  type ChatContext,
  type ChatMessage,
  chatMessageText,
  queueStats,
  type VisitorChat,
} from '../chat/chat.service.js';
import { waitModel } from '../chat/wait-estimator.js';
import { publishContactEvent } from '../contact-events.js';
import { closesAt, isOpen, nextOpening } from '../opening-hours.js';
import { type ContactTopic, listTopics, topicName } from '../topics.js';
import { formatDay, formatTime } from './visitor-status.js';

/**
 * What the visitor does after a chat has ended: ask for the transcript by e-mail (once) and rate
 * the conversation (once). Both act only on an ended chat found by the visitor's own cookie
 * (the caller passes the {@link VisitorChat} it found), and change nothing otherwise.
 */

/** One active topic with its chat availability now (the contact box and the start form). */
export interface TopicAvailability {
  readonly topic: ContactTopic;
  readonly availability: ChatAvailability;
  /** When the current open period ends (null when closed). */
  readonly closesAt: Date | null;
}

/**
 * {@link chatAvailability} of every active topic in four queries whatever their number (the
 * contact page is the busiest page of the channel): opening hours, waiting count and the wait a
 * visitor joining now would be shown.
 */
export async function topicAvailabilities(ctx: ChatContext): Promise<TopicAvailability[]> {
  const topics = await listTopics(ctx.db, { activeOnly: true });
  if (topics.length === 0) return [];
  const ids = topics.map((topic) => topic.id);
  const [stats, waitingRows] = await Promise.all([
    queueStats(ctx.db, ctx.now, ids),
    ctx.db
      .selectFrom('contact_conversations')
      .select((eb) => ['topic_id', eb.fn.countAll<string>().as('n')])
      .where('kind', '=', 'chat')
      .where('state', '=', 'queued')
      .where('topic_id', 'in', ids)
      .groupBy('topic_id')
      .execute(),
  ]);
  const waitingOf = new Map(waitingRows.map((r) => [r.topic_id, Number(r.n)]));
  return topics.map((topic) => {
    const waiting = waitingOf.get(topic.id) ?? 0;
    const topicStats = stats.get(topic.id);
    return {
      topic,
      availability: {
        open: isOpen(topic.openingHours, ctx.now),
        nextOpening: nextOpening(topic.openingHours, ctx.now),
        estimate: topicStats ? waitModel(topicStats)(waiting + 1) : { kind: 'none' },
        waiting,
      },
      closesAt: closesAt(topic.openingHours, ctx.now),
    };
  });
}

/** Outcome of {@link sendTranscript} and {@link rateChat}. */
export type AfterChatOutcome = 'done' | 'already' | 'not_ended';

/** The mail purpose of a transcript (outbox, tests). */
export const TRANSCRIPT_PURPOSE = 'contact.transcript';

/** The transcript as plain text in the chat's language: one block per message, in order. */
export function transcriptText(
  chat: Pick<VisitorChat, 'locale' | 'messages'>,
  topic: Pick<ContactTopic, 'nameNl' | 'nameEn'> | undefined,
  publicUrl: string,
): { subject: string; text: string } {
  const t = translator(chat.locale);
  const first = chat.messages[0]?.createdAt ?? new Date();
  const date = formatDay(first, chat.locale);
  const author = (m: ChatMessage) =>
    m.author === 'visitor'
      ? t('visitor.chat.author_you')
      : m.author === 'agent'
        ? (m.agentName ?? t('visitor.chat.author_agent'))
        : t('visitor.chat.author_system');
  const lines = chat.messages.map((m) => {
    const body = chatMessageText(m, chat.locale).replace(/\n/g, '\n    ');
    return `[${formatTime(m.createdAt, chat.locale)}] ${author(m)}: ${body}`;
  });
  const text = [
    t('visitor.transcript.mail_intro', { topic: topic ? topicName(topic, chat.locale) : '', date }),
    '',
    ...lines,
    '',
    '-- ',
    t('visitor.transcript.mail_footer', { url: `${publicUrl}/contact` }),
    '',
  ].join('\n');
  return { subject: t('visitor.transcript.mail_subject', { date }), text };
}

/**
 * Queues the transcript of an ended chat for `to`, at most once per chat: the conversation's
 * `transcript_sent_at` is set in the same transaction as the outbox row. The address is not
 * kept with the conversation, and the outbox erases it with the text once sent.
 */
export async function sendTranscript(
  ctx: ChatContext,
  chat: VisitorChat,
  topic: ContactTopic | undefined,
  to: string,
): Promise<AfterChatOutcome> {
  if (chat.state !== 'ended') return 'not_ended';
  const { subject, text } = transcriptText(chat, topic, ctx.config.publicUrl);
  return ctx.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('contact_conversations')
      .set({ transcript_sent_at: ctx.now, updated_at: ctx.now })
      .where('id', '=', chat.id)
      .where('kind', '=', 'chat')
      .where('state', '=', 'ended')
      .where('transcript_sent_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!claimed) return 'already';
    await enqueueMail(
      trx,
      { to, subject, text, purpose: TRANSCRIPT_PURPOSE, scrubAfterSend: true },
      { now: ctx.now, publicUrl: ctx.config.publicUrl },
    );
    return 'done';
  });
}

/**
 * Stores the visitor's rating (1–5) and optional comment of an ended chat, once; publishes a
 * `conv` event so consoles and statistics see it.
 */
export async function rateChat(
  ctx: ChatContext,
  chat: VisitorChat,
  input: { rating: number; comment: string },
): Promise<AfterChatOutcome> {
  if (chat.state !== 'ended') return 'not_ended';
  return ctx.db.transaction().execute(async (trx) => {
    const rated = await trx
      .updateTable('contact_conversations')
      .set({
        rating: input.rating,
        rating_comment: input.comment.length > 0 ? input.comment : null,
        updated_at: ctx.now,
      })
      .where('id', '=', chat.id)
      .where('kind', '=', 'chat')
      .where('state', '=', 'ended')
      .where('rating', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!rated) return 'already';
    await publishContactEvent(trx, { t: 'conv', conversationId: chat.id });
    return 'done';
  });
}
