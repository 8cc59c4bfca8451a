import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type FieldErrors, fieldValue, formValues, parseForm } from '../../platform/http/forms.js';
import { anonymousClientKey, RateLimiter } from '../../platform/http/rate-limit.js';
import type { MessageKey } from '../../platform/ui/i18n/catalogue.js';
import { type PageContext, pageContext } from '../../platform/ui/page-context.js';
import { sendPage } from '../../platform/ui/render.js';
import {
  CHAT_COOKIE,
  CHAT_COOKIE_PATH,
  type ChatContext,
  ChatError,
  chatAvailability,
  endChatByVisitor,
  findChatByVisitorToken,
  hashVisitorToken,
  leaveQueue,
  MAX_CHAT_MESSAGE,
  MAX_VISITOR_NAME,
  postVisitorMessage,
  startChat,
  touchVisitor,
  type VisitorChat,
} from '../chat/chat.service.js';
import { EmailFormPage } from '../email/email.views.js';
import { EMAIL_ADDRESS } from '../email/email-form.js';
import { type ContactTopic, findTopic, listTopics } from '../topics.js';
import {
  AdmissionPage,
  ChatClosedPage,
  ChatEndedPage,
  ChatPage,
  ChatStartPage,
  ContactPage,
  type EndedValues,
  type StartValues,
  VISITOR_PATHS,
} from './visitor.views.js';
import { rateChat, sendTranscript, topicAvailabilities } from './visitor-chat.service.js';
import { shouldOfferEmail } from './visitor-status.js';

/**
 * The visitor's side of the contact channel (`/contact`, `/contact/chat…`): public, anonymous
 * (nothing about the client is logged or stored) and working without JavaScript.
 *
 * A chat belongs to whoever holds its chat cookie (`chat`, HttpOnly, SameSite=Strict, path
 * `/contact/chat`, a session cookie): the value is a random token of which only the sha256 is
 * stored, so no URL or id ever names a chat and nobody reaches another visitor's chat. A second,
 * long-lived random cookie (`contact_visitor`, as long as the retention period) lets agents see
 * the same browser's earlier conversations (its sha256 is `visitor_key_hash`).
 *
 * Throttles per client (a keyed hash of the address prefix, in memory only): starting chats,
 * and every other POST (messages, leaving, transcript, rating).
 */

/** The long-lived visitor cookie: its sha256 links a browser's conversations for the agents. */
export const VISITOR_COOKIE = 'contact_visitor';
const VISITOR_COOKIE_PATH = '/contact';
/** Chats one client may start per window. */
export const STARTS_PER_CLIENT = 5;
const START_WINDOW_MS = 10 * 60 * 1000;
/** Posts (messages, leave, transcript, rating…) one client may make per minute. */
export const POSTS_PER_CLIENT_PER_MINUTE = 30;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,100}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Control characters other than tab and line breaks (NUL above all) are refused, not stripped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: a name is one line.
const NAME_CONTROL = /[\u0000-\u001F\u007F]/;
// Linear (see EMAIL_ADDRESS): a transcript address of 60,000 dots must not stall the process.
const EMAIL = EMAIL_ADDRESS;

const StartSchema = z.object({
  topicId: z
    .string({ message: 'visitor.start.error_topic_required' })
    .min(1, 'visitor.start.error_topic_required')
    .max(36, 'visitor.start.error_topic_unknown')
    .regex(UUID, 'visitor.start.error_topic_unknown'),
  name: z
    .string({ message: 'visitor.start.error_name_invalid' })
    .max(MAX_VISITOR_NAME, 'visitor.start.error_name_too_long')
    .refine((v) => !NAME_CONTROL.test(v), 'visitor.start.error_name_invalid')
    .optional(),
  join: z.literal('anyway').optional(),
});

const MessageSchema = z.object({
  body: z
    .string({ message: 'visitor.message.error_invalid' })
    .refine((v) => !CONTROL.test(v), 'visitor.message.error_invalid')
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(1, 'visitor.message.error_empty')
        .max(MAX_CHAT_MESSAGE, 'visitor.message.error_too_long'),
    ),
});

const TranscriptSchema = z.object({
  email: z
    .string({ message: 'visitor.transcript.error_email' })
    .trim()
    .max(254, 'visitor.transcript.error_email')
    .regex(EMAIL, 'visitor.transcript.error_email'),
});

const RatingSchema = z.object({
  rating: z.enum(['1', '2', '3', '4', '5'], { message: 'visitor.rating.error_required' }),
  comment: z
    .string({ message: 'visitor.rating.error_comment_invalid' })
    .refine((v) => !CONTROL.test(v), 'visitor.rating.error_comment_invalid')
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().max(2000, 'visitor.rating.error_comment_too_long'))
    .optional(),
});

const NOTICES: Readonly<Record<string, MessageKey>> = {
  left: 'visitor.notice.left',
  not_found: 'visitor.notice.not_found',
  abandoned: 'visitor.notice.abandoned',
};

const chatErrorKeys: Readonly<Record<string, MessageKey>> = {
  empty: 'visitor.message.error_empty',
  too_long: 'visitor.message.error_too_long',
  not_open: 'visitor.message.error_not_open',
  not_found: 'visitor.message.error_not_open',
};

/** A query parameter as one string ('' when absent or repeated). */
function queryParam(request: FastifyRequest, name: string): string {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/** The visitor's pages: /contact, the chat pages. */
export async function registerContactVisitorRoutes(app: FastifyInstance): Promise<void> {
  const { config, clock } = app.deps;
  const route = { access: 'public', anonymous: true } as const;
  const ctx = (): ChatContext => ({ db: app.deps.database.db, now: clock.now(), config });
  const startThrottle = new RateLimiter({ limit: STARTS_PER_CLIENT, windowMs: START_WINDOW_MS });
  const postThrottle = new RateLimiter({ limit: POSTS_PER_CLIENT_PER_MINUTE, windowMs: 60_000 });
  // Keyed hashes of the address prefix: not even this process's memory holds an address.
  const clientOf = (request: FastifyRequest) => anonymousClientKey(request.ip);

  const chatCookieOptions = {
    path: CHAT_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: config.cookieSecure,
  } as const;
  const setChatCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(CHAT_COOKIE, token, chatCookieOptions);
  const clearChatCookie = (reply: FastifyReply) => reply.clearCookie(CHAT_COOKIE, chatCookieOptions);

  /** The visitor key of this browser: the cookie's value, renewed for the retention period. */
  function visitorKeyHash(request: FastifyRequest, reply: FastifyReply): string {
    const sent = request.cookies[VISITOR_COOKIE];
    const value = sent && /^[A-Za-z0-9_-]{43}$/.test(sent) ? sent : randomBytes(32).toString('base64url');
    reply.setCookie(VISITOR_COOKIE, value, {
      path: VISITOR_COOKIE_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: config.cookieSecure,
      maxAge: config.contact.retentionDays * 24 * 60 * 60,
    });
    return hashVisitorToken(value);
  }

  /** The chat of this browser's chat cookie; `forged` when a cookie was sent but matches none. */
  async function currentChat(
    request: FastifyRequest,
  ): Promise<{ chat: VisitorChat | null; forged: boolean }> {
    const token = request.cookies[CHAT_COOKIE];
    if (token === undefined || token === '') return { chat: null, forged: false };
    if (!TOKEN_PATTERN.test(token)) return { chat: null, forged: true };
    const chat = await findChatByVisitorToken(ctx(), token);
    return { chat, forged: chat === null };
  }

  async function startForm(
    reply: FastifyReply,
    page: PageContext,
    state: { values?: StartValues; errors?: FieldErrors; notice?: MessageKey | undefined; warning?: string },
    status = 200,
  ) {
    return sendPage(
      reply,
      <ChatStartPage
        page={page}
        topics={await topicAvailabilities(ctx())}
        values={state.values ?? { topicId: '', name: '' }}
        errors={state.errors}
        notice={state.notice}
        warning={state.warning}
        retentionDays={config.contact.retentionDays}
      />,
      status,
    );
  }

  async function chatPage(
    reply: FastifyReply,
    page: PageContext,
    chat: VisitorChat,
    state: { draft?: string; errors?: FieldErrors; refresh?: boolean } = {},
    status = 200,
  ) {
    const topic = await findTopic(app.deps.database.db, chat.topicId);
    return sendPage(
      reply,
      <ChatPage
        page={page}
        chat={chat}
        topic={topic}
        draft={state.draft}
        errors={state.errors}
        refresh={state.refresh ?? !state.errors}
      />,
      status,
    );
  }

  async function endedPage(
    reply: FastifyReply,
    page: PageContext,
    chat: VisitorChat,
    state: {
      values?: EndedValues;
      errors?: FieldErrors;
      done?: 'transcript' | 'rating';
      transcriptAlready?: boolean;
    } = {},
    status = 200,
  ) {
    const topic = await findTopic(app.deps.database.db, chat.topicId);
    return sendPage(
      reply,
      <ChatEndedPage
        page={page}
        chat={chat}
        topic={topic}
        values={state.values}
        errors={state.errors}
        done={state.done}
        transcriptAlready={state.transcriptAlready ?? false}
      />,
      status,
    );
  }

  async function emailForm(
    reply: FastifyReply,
    page: PageContext,
    values: { name: string; topicId: string; question: string },
    notice: MessageKey,
  ) {
    const topics = await listTopics(app.deps.database.db, { activeOnly: true });
    return sendPage(
      reply,
      <EmailFormPage
        page={page}
        values={{ name: values.name, email: '', topicId: values.topicId, question: values.question }}
        topics={topics}
        notice={notice}
        retentionDays={config.contact.retentionDays}
      />,
    );
  }

  /** A POST from a browser without a (valid) chat: back to the start form with a notice. */
  function noChat(reply: FastifyReply, forged: boolean) {
    if (forged) clearChatCookie(reply);
    return reply.redirect(`${VISITOR_PATHS.chat}?notice=not_found`, 303);
  }

  /** Refuses a post over the per-client throttle; returns true when it did. */
  function overPostLimit(request: FastifyRequest): boolean {
    return !postThrottle.hit(clientOf(request), clock.now().getTime()).allowed;
  }

  // A page answering one of these posts (an error, the e-mail form) has that path as its address:
  // the language switch, a reload or a bookmark GETs it, and lands on the chat page.
  for (const path of [
    VISITOR_PATHS.message,
    VISITOR_PATHS.email,
    VISITOR_PATHS.leave,
    VISITOR_PATHS.end,
    VISITOR_PATHS.transcript,
    VISITOR_PATHS.rating,
    VISITOR_PATHS.restart,
  ]) {
    app.get(path, { config: route }, async (_request, reply) =>
      reply.redirect(path === VISITOR_PATHS.email ? VISITOR_PATHS.emailForm : VISITOR_PATHS.chat, 303),
    );
  }

  // ---- /contact: the contact box ------------------------------------------------------------

  app.get(VISITOR_PATHS.contact, { config: route }, async (request, reply) => {
    const page = pageContext(request);
    return sendPage(reply, <ContactPage page={page} topics={await topicAvailabilities(ctx())} />);
  });

  // ---- /contact/chat: the start form, or the visitor's chat ----------------------------------

  app.get(VISITOR_PATHS.chat, { config: route }, async (request, reply) => {
    const page = pageContext(request);
    const { chat, forged } = await currentChat(request);
    if (chat === null) {
      if (forged) clearChatCookie(reply);
      const asked = queryParam(request, 'notice');
      // Own keys only: `?notice=constructor` must not find Object's.
      const notice = forged
        ? 'visitor.notice.not_found'
        : Object.hasOwn(NOTICES, asked)
          ? NOTICES[asked]
          : undefined;
      return startForm(reply, page, { notice });
    }
    if (chat.state === 'queued' || chat.state === 'active') {
      // A page load is a sign of life: without JavaScript, the self-refresh keeps the place.
      await touchVisitor(ctx(), chat.id);
      return chatPage(reply, page, chat, { refresh: queryParam(request, 'refresh') !== 'off' });
    }
    if (chat.state === 'ended') {
      const done = queryParam(request, 'done');
      return endedPage(reply, page, chat, {
        done:
          done === 'transcript' && chat.transcriptSentAt
            ? 'transcript'
            : done === 'rating' && chat.rating !== null
              ? 'rating'
              : undefined,
      });
    }
    // Left or abandoned: the chat is over and has nothing more to offer; start afresh.
    clearChatCookie(reply);
    return startForm(reply, page, {
      notice: chat.state === 'abandoned' ? 'visitor.notice.abandoned' : 'visitor.notice.left',
    });
  });

  app.post(VISITOR_PATHS.chat, { config: route }, async (request, reply) => {
    const page = pageContext(request);
    const raw = formValues(request.body);
    const kept: StartValues = { topicId: fieldValue(raw, 'topicId'), name: fieldValue(raw, 'name') };
    const parsed = parseForm(StartSchema, request.body);
    if (!parsed.ok) return startForm(reply, page, { values: kept, errors: parsed.errors }, 422);
    const values: StartValues = { topicId: parsed.data.topicId, name: (parsed.data.name ?? '').trim() };

    // A browser that already has a chat in progress goes back to it rather than queueing twice.
    const { chat: existing } = await currentChat(request);
    if (existing && (existing.state === 'queued' || existing.state === 'active')) {
      return reply.redirect(VISITOR_PATHS.chat, 303);
    }

    const c = ctx();
    const topic = await findTopic(c.db, values.topicId);
    if (!topic?.active) {
      return startForm(
        reply,
        page,
        { values: kept, errors: { topicId: 'visitor.start.error_topic_unknown' } },
        422,
      );
    }
    const availability = await chatAvailability(c, topic.id);
    if (!availability.open) {
      return sendPage(
        reply,
        <ChatClosedPage page={page} topic={topic} nextOpening={availability.nextOpening} values={values} />,
      );
    }
    if (
      parsed.data.join !== 'anyway' &&
      shouldOfferEmail(availability.estimate, config.contact.admissionMaxWaitMinutes)
    ) {
      return sendPage(
        reply,
        <AdmissionPage page={page} topic={topic} estimate={availability.estimate} values={values} />,
      );
    }

    const nowMs = c.now.getTime();
    const throttle = startThrottle.hit(clientOf(request), nowMs);
    if (!throttle.allowed) {
      reply.header('retry-after', String(throttle.retryAfterSeconds));
      return startForm(
        reply,
        page,
        {
          values: kept,
          warning: page.t('visitor.start.too_many', { minutes: Math.ceil(throttle.retryAfterSeconds / 60) }),
        },
        429,
      );
    }
    try {
      const started = await startChat(c, {
        topicId: topic.id,
        name: values.name,
        locale: page.locale,
        visitorKeyHash: visitorKeyHash(request, reply),
      });
      setChatCookie(reply, started.visitorToken);
      return reply.redirect(VISITOR_PATHS.chat, 303);
    } catch (error) {
      if (!(error instanceof ChatError)) throw error;
      startThrottle.refund(clientOf(request), nowMs);
      if (error.code === 'closed') {
        return sendPage(
          reply,
          <ChatClosedPage page={page} topic={topic} nextOpening={availability.nextOpening} values={values} />,
        );
      }
      return startForm(
        reply,
        page,
        { values: kept, errors: { topicId: 'visitor.start.error_topic_unknown' } },
        422,
      );
    }
  });

  // ---- messages -----------------------------------------------------------------------------

  app.post(VISITOR_PATHS.message, { config: route }, async (request, reply) => {
    const page = pageContext(request);
    const { chat, forged } = await currentChat(request);
    if (!chat) return noChat(reply, forged);
    if (chat.state !== 'queued' && chat.state !== 'active') return reply.redirect(VISITOR_PATHS.chat, 303);
    const draft = fieldValue(formValues(request.body), 'body');
    if (overPostLimit(request)) {
      reply.header('retry-after', '60');
      return chatPage(reply, page, chat, { draft, errors: { body: 'visitor.message.too_many' } }, 429);
    }
    const parsed = parseForm(MessageSchema, request.body);
    if (!parsed.ok) return chatPage(reply, page, chat, { draft, errors: parsed.errors }, 422);
    try {
      await postVisitorMessage(ctx(), chat.id, parsed.data.body);
    } catch (error) {
      if (!(error instanceof ChatError)) throw error;
      const fresh = (await currentChat(request)).chat ?? chat;
      return chatPage(
        reply,
        page,
        fresh,
        { draft, errors: { body: chatErrorKeys[error.code] ?? 'visitor.message.error_invalid' } },
        422,
      );
    }
    return reply.redirect(`${VISITOR_PATHS.chat}#chat-status`, 303);
  });

  // ---- leaving for e-mail: everything typed goes along -------------------------------------

  app.post(VISITOR_PATHS.email, { config: route }, async (request, reply) => {
    const page = pageContext(request);
    if (overPostLimit(request)) {
      reply.header('retry-after', '60');
      return startForm(reply, page, { warning: page.t('visitor.message.too_many') }, 429);
    }
    const raw = formValues(request.body);
    const draft = fieldValue(raw, 'body').replace(/\r\n?/g, '\n').trim();
    const { chat, forged } = await currentChat(request);
    if (chat && (chat.state === 'queued' || chat.state === 'active')) {
      const typed = chat.messages.filter((m) => m.author === 'visitor').map((m) => m.body);
      if (draft) typed.push(draft);
      const c = ctx();
      try {
        if (chat.state === 'queued') await leaveQueue(c, chat.id);
        else await endChatByVisitor(c, chat.id);
      } catch (error) {
        // The chat started at this very moment: end it instead; the visitor asked to leave.
        if (!(error instanceof ChatError) || error.code !== 'not_open') throw error;
        await endChatByVisitor(c, chat.id);
      }
      clearChatCookie(reply);
      return emailForm(
        reply,
        page,
        { name: chat.visitorName, topicId: chat.topicId, question: typed.join('\n\n') },
        'visitor.email.notice_left',
      );
    }
    if (forged) clearChatCookie(reply);
    // Offered before joining (closed, or a long wait): the topic and name chosen go along.
    const topicId = fieldValue(raw, 'topicId');
    const topic: ContactTopic | undefined = UUID.test(topicId)
      ? await findTopic(app.deps.database.db, topicId)
      : undefined;
    const name = fieldValue(raw, 'name');
    return emailForm(
      reply,
      page,
      {
        name: name.length <= MAX_VISITOR_NAME && !NAME_CONTROL.test(name) ? name.trim() : '',
        topicId: topic?.active ? topic.id : '',
        question: CONTROL.test(draft) ? '' : draft,
      },
      'visitor.email.notice_offer',
    );
  });

  // ---- leaving, ending, starting afresh ------------------------------------------------------

  app.post(VISITOR_PATHS.leave, { config: route }, async (request, reply) => {
    const { chat, forged } = await currentChat(request);
    if (!chat) return noChat(reply, forged);
    if (overPostLimit(request)) return reply.redirect(VISITOR_PATHS.chat, 303);
    if (chat.state === 'active') return reply.redirect(VISITOR_PATHS.chat, 303);
    if (chat.state === 'queued') await leaveQueue(ctx(), chat.id);
    clearChatCookie(reply);
    return reply.redirect(`${VISITOR_PATHS.chat}?notice=left`, 303);
  });

  app.post(VISITOR_PATHS.end, { config: route }, async (request, reply) => {
    const { chat, forged } = await currentChat(request);
    if (!chat) return noChat(reply, forged);
    if (overPostLimit(request)) return reply.redirect(VISITOR_PATHS.chat, 303);
    const wasQueued = chat.state === 'queued';
    await endChatByVisitor(ctx(), chat.id);
    if (wasQueued) {
      clearChatCookie(reply);
      return reply.redirect(`${VISITOR_PATHS.chat}?notice=left`, 303);
    }
    return reply.redirect(VISITOR_PATHS.chat, 303);
  });

  app.post(VISITOR_PATHS.restart, { config: route }, async (_request, reply) => {
    clearChatCookie(reply);
    return reply.redirect(VISITOR_PATHS.chat, 303);
  });

  // ---- after the chat: transcript and rating -------------------------------------------------

  app.post(VISITOR_PATHS.transcript, { config: route }, async (request, reply) => {
    const page = pageContext(request);
    const { chat, forged } = await currentChat(request);
    if (!chat) return noChat(reply, forged);
    if (chat.state !== 'ended') return reply.redirect(VISITOR_PATHS.chat, 303);
    const raw = formValues(request.body);
    const values: EndedValues = { email: fieldValue(raw, 'email') };
    if (overPostLimit(request)) {
      reply.header('retry-after', '60');
      return endedPage(reply, page, chat, { values, errors: { email: 'visitor.message.too_many' } }, 429);
    }
    const parsed = parseForm(TranscriptSchema, request.body);
    if (!parsed.ok) return endedPage(reply, page, chat, { values, errors: parsed.errors }, 422);
    const topic = await findTopic(app.deps.database.db, chat.topicId);
    const outcome = await sendTranscript(ctx(), chat, topic, parsed.data.email);
    if (outcome === 'already') {
      const fresh = (await currentChat(request)).chat ?? chat;
      return endedPage(reply, page, fresh, { transcriptAlready: true }, 409);
    }
    return reply.redirect(`${VISITOR_PATHS.chat}?done=transcript`, 303);
  });

  app.post(VISITOR_PATHS.rating, { config: route }, async (request, reply) => {
    const page = pageContext(request);
    const { chat, forged } = await currentChat(request);
    if (!chat) return noChat(reply, forged);
    if (chat.state !== 'ended') return reply.redirect(VISITOR_PATHS.chat, 303);
    const raw = formValues(request.body);
    const values: EndedValues = { rating: fieldValue(raw, 'rating'), comment: fieldValue(raw, 'comment') };
    if (overPostLimit(request)) {
      reply.header('retry-after', '60');
      return endedPage(reply, page, chat, { values, errors: { rating: 'visitor.message.too_many' } }, 429);
    }
    const parsed = parseForm(RatingSchema, request.body);
    if (!parsed.ok) return endedPage(reply, page, chat, { values, errors: parsed.errors }, 422);
    const outcome = await rateChat(ctx(), chat, {
      rating: Number(parsed.data.rating),
      comment: parsed.data.comment ?? '',
    });
    if (outcome === 'already') {
      const fresh = (await currentChat(request)).chat ?? chat;
      return endedPage(reply, page, fresh, {}, 409);
    }
    return reply.redirect(`${VISITOR_PATHS.chat}?done=rating`, 303);
  });
}
