import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { type FieldErrors, formValues, parseForm } from '../../platform/http/forms.js';
import { serviceContext } from '../../platform/http/service-context.js';
import type { MessageKey } from '../../platform/ui/i18n/catalogue.js';
import { pageContext } from '../../platform/ui/page-context.js';
import { sendPage } from '../../platform/ui/render.js';
import { FormOnce } from '../../reporting/handling/form-once.js';
import {
  type AgentChat,
  agentChats,
  ChatError,
  endChatByAgent,
  findAgentChat,
  getAgent,
  MAX_CHAT_MESSAGE,
  postAgentMessage,
  queueSummary,
  takeNext,
  transferChat,
  updateAgent,
} from '../chat/chat.service.js';
import { countOpenEmail } from '../email/email.service.js';
import { listTopics } from '../topics.js';
import {
  earlierConversations,
  listCannedAnswers,
  readEarlierConversation,
  registerIntegrityReport,
  reportChannelChoices,
  transferTargets,
} from './console.service.js';
import {
  ChatPage,
  type ChatPageProps,
  type ConsoleNotice,
  ConsolePage,
  consoleNotices,
  EarlierPage,
  type FormValues,
  ReceiptPage,
} from './console.views.js';

/** Every console route: agents only (default deny for everyone else). */
const agentsOnly = { config: { access: ['agent'] } } as const;

type IdParams = { Params: { id: string } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (value: string) => UUID.test(value);
const noNul = (s: string) => !s.includes('\u0000');

const formOnces = new WeakMap<FastifyInstance, FormOnce>();
function formOnce(app: FastifyInstance): FormOnce {
  let once = formOnces.get(app);
  if (!once) {
    once = new FormOnce();
    formOnces.set(app, once);
  }
  return once;
}

// ——— Input schemas (messages are catalogue keys) ———

const AgentSchema = z.object({
  availability: z.enum(['available', 'away', 'offline'], 'console.error.availability'),
  capacity: z
    .string('console.error.capacity')
    .trim()
    .regex(/^\d{1,2}$/, 'console.error.capacity')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 10, 'console.error.capacity'),
  topics: z
    .union([z.string(), z.array(z.string()).max(100, 'console.error.topics')], 'console.error.topics')
    .optional()
    .transform((v) => (v === undefined ? [] : typeof v === 'string' ? [v] : v))
    .refine((ids) => ids.every(isUuid), 'console.error.topics'),
});

const ReturnSchema = z.enum(['console', 'chat']).catch('chat');

const MessageSchema = z.object({
  body: z
    .string('console.message.required')
    .trim()
    .min(1, 'console.message.required')
    .max(MAX_CHAT_MESSAGE, 'console.message.too_long')
    .refine(noNul, 'console.message.bad_characters'),
});

const CannedSchema = z.object({
  canned: z.string('console.canned.required').regex(/^[0-9a-f-]{36}:(nl|en)$/i, 'console.canned.required'),
});

const TransferSchema = z.discriminatedUnion(
  'to',
  [
    z.object({
      to: z.literal('agent'),
      agent: z.string('console.transfer.agent_required').refine(isUuid, 'console.transfer.agent_required'),
    }),
    z.object({
      to: z.literal('topic'),
      topic: z.string('console.transfer.topic_required').refine(isUuid, 'console.transfer.topic_required'),
    }),
  ],
  'console.transfer.agent_required',
);

const ReportSchema = z.object({
  form_id: z.string().max(100).catch(''),
  channel: z.string('console.report.channel_required').refine(isUuid, 'console.report.channel_required'),
  text: z
    .string('console.report.text_required')
    .trim()
    .min(1, 'console.report.text_required')
    .max(20_000, 'console.report.text_too_long')
    .refine(noNul, 'console.report.text_required'),
  mode: z.enum(['anonymous', 'named'], 'console.report.identity_required'),
  email: z
    .string('console.report.email_invalid')
    .trim()
    .max(254, 'console.report.email_invalid')
    .refine((s) => s === '' || z.email().safeParse(s).success, 'console.report.email_invalid')
    .optional()
    .transform((s) => (s ? s : null)),
});

const PageQuerySchema = z.object({
  done: z
    .enum(Object.keys(consoleNotices) as [ConsoleNotice, ...ConsoleNotice[]])
    .optional()
    .catch(undefined),
  refresh: z.enum(['off']).optional().catch(undefined),
});

// ——— Helpers ———

function ctxOf(request: FastifyRequest) {
  const ctx = serviceContext(request);
  const auth = request.auth;
  if (!auth) throw new AppError('not_authenticated');
  return { ...ctx, userId: auth.userId };
}

/** The chat if it is assigned to the acting agent; 404 otherwise (never says whose it is). */
async function ownChat(request: FastifyRequest<IdParams>): Promise<AgentChat> {
  const ctx = ctxOf(request);
  if (!isUuid(request.params.id)) throw new AppError('not_found');
  const chat = await findAgentChat(ctx, ctx.userId, request.params.id);
  if (!chat) throw new AppError('not_found');
  return chat;
}

/** An ended chat stays readable for its last agent; acting on it is refused. */
function requireActive(chat: AgentChat): void {
  if (chat.state !== 'active') throw new ChatError('not_open');
}

function chatPath(id: string, done?: ConsoleNotice): string {
  return `/console/chats/${id}${done ? `?done=${done}` : ''}`;
}

function backTo(reply: FastifyReply, chatId: string, returnTo: 'console' | 'chat', done: ConsoleNotice) {
  return reply.redirect(returnTo === 'console' ? `/console?done=${done}` : chatPath(chatId, done), 303);
}

async function renderConsole(
  request: FastifyRequest,
  reply: FastifyReply,
  extra: { notice?: ConsoleNotice; errors?: FieldErrors; values?: FormValues; refresh?: boolean },
  status = 200,
) {
  const ctx = ctxOf(request);
  const agent = await getAgent(ctx, ctx.userId);
  const [topics, queue, email, chats, canned] = await Promise.all([
    listTopics(ctx.db),
    queueSummary(ctx.db),
    countOpenEmail(ctx.db, ctx.now),
    agentChats(ctx, ctx.userId),
    listCannedAnswers(ctx.db),
  ]);
  return sendPage(
    reply,
    <ConsolePage
      page={pageContext(request)}
      now={ctx.now}
      agent={agent}
      topics={topics}
      queue={queue}
      email={email}
      chats={chats}
      canned={canned}
      notice={extra.notice}
      errors={extra.errors}
      values={extra.values}
      refresh={extra.refresh ?? true}
    />,
    status,
  );
}

async function renderChat(
  request: FastifyRequest,
  reply: FastifyReply,
  chat: AgentChat,
  extra: Partial<Pick<ChatPageProps, 'notice' | 'errors' | 'form' | 'values' | 'refusal' | 'refresh'>> = {},
  status = 200,
) {
  const ctx = ctxOf(request);
  const [topics, canned, targets, earlier, channels] = await Promise.all([
    listTopics(ctx.db),
    listCannedAnswers(ctx.db),
    chat.state === 'active'
      ? transferTargets(ctx.db, { topicId: chat.topicId, exceptUserId: ctx.userId, now: ctx.now })
      : Promise.resolve([]),
    // Earlier conversations are for the agent handling the chat: none once it has ended.
    chat.state === 'active' ? earlierConversations(ctx.db, chat.id) : Promise.resolve([]),
    chat.state === 'active' ? reportChannelChoices(ctx.db) : Promise.resolve([]),
  ]);
  return sendPage(
    reply,
    <ChatPage
      page={pageContext(request)}
      chat={chat}
      topics={topics}
      canned={canned}
      targets={targets}
      earlier={earlier}
      channels={channels}
      mailAvailable={ctx.config.smtpUrl !== undefined}
      reportFormId={FormOnce.newId()}
      refresh={extra.refresh ?? true}
      {...extra}
    />,
    status,
  );
}

/** Renders a refusal of the chat service on the chat page (or 404 when the chat is not theirs). */
async function chatRefusal(
  request: FastifyRequest<IdParams>,
  reply: FastifyReply,
  error: unknown,
  form: ChatPageProps['form'],
  values: FormValues,
) {
  if (!(error instanceof ChatError)) throw error;
  if (error.code === 'not_found' || error.code === 'not_yours') throw new AppError('not_found');
  const chat = await ownChat(request);
  const fieldErrors: Partial<Record<ChatError['code'], [string, MessageKey]>> = {
    empty: ['body', 'console.message.required'],
    too_long: ['body', 'console.message.too_long'],
  };
  const field = fieldErrors[error.code];
  if (field) return renderChat(request, reply, chat, { form, values, errors: { [field[0]]: field[1] } }, 422);
  return renderChat(request, reply, chat, { refusal: 'console.error.chat_closed' }, 409);
}

/** The agents' console: /console and /console/chats/:id (the e-mail queue is /console/email). */
export async function registerConsoleRoutes(app: FastifyInstance): Promise<void> {
  app.get('/console', agentsOnly, async (request, reply) => {
    const query = PageQuerySchema.parse(request.query ?? {});
    return renderConsole(request, reply, { notice: query.done, refresh: query.refresh !== 'off' });
  });

  app.post('/console/agent', agentsOnly, async (request, reply) => {
    const ctx = ctxOf(request);
    const form = parseForm(AgentSchema, request.body);
    if (!form.ok) return renderConsole(request, reply, { errors: form.errors, values: form.values }, 422);
    // Only active topics may be chosen: a forged or inactive id is refused, nothing changes.
    const active = new Set((await listTopics(ctx.db, { activeOnly: true })).map((t) => t.id));
    const topicIds = [...new Set(form.data.topics)];
    if (!topicIds.every((id) => active.has(id))) {
      return renderConsole(
        request,
        reply,
        { errors: { topics: 'console.error.topics' }, values: formValues(request.body) },
        422,
      );
    }
    try {
      await updateAgent(ctx, ctx.userId, {
        availability: form.data.availability,
        capacity: form.data.capacity,
        topicIds,
      });
    } catch (error) {
      if (error instanceof ChatError && (error.code === 'unknown_topic' || error.code === 'over_capacity')) {
        const errors: FieldErrors =
          error.code === 'unknown_topic'
            ? { topics: 'console.error.topics' }
            : { capacity: 'console.error.capacity' };
        return renderConsole(request, reply, { errors, values: formValues(request.body) }, 422);
      }
      throw error;
    }
    return reply.redirect('/console?done=saved', 303);
  });

  app.post('/console/take-next', agentsOnly, async (request, reply) => {
    const ctx = ctxOf(request);
    let id: string | null = null;
    try {
      id = await takeNext(ctx, ctx.userId);
    } catch (error) {
      if (!(error instanceof ChatError && error.code === 'over_capacity')) throw error;
    }
    return reply.redirect(id ? '/console?done=taken' : '/console?done=nothing', 303);
  });

  app.get<IdParams>('/console/chats/:id', agentsOnly, async (request, reply) => {
    const chat = await ownChat(request);
    const query = PageQuerySchema.parse(request.query ?? {});
    return renderChat(request, reply, chat, { notice: query.done, refresh: query.refresh !== 'off' });
  });

  app.post<IdParams>('/console/chats/:id/messages', agentsOnly, async (request, reply) => {
    const chat = await ownChat(request);
    const values = formValues(request.body);
    const returnTo = ReturnSchema.parse(values.return);
    // The console's panes name their box `body-<id>`; the chat page names it `body`.
    const fieldName =
      typeof values.field === 'string' && values.field === `body-${chat.id}` ? values.field : 'body';
    const kept = { body: typeof values[fieldName] === 'string' ? (values[fieldName] as string) : '' };
    const form = parseForm(MessageSchema, kept);
    if (!form.ok)
      return renderChat(request, reply, chat, { form: 'message', errors: form.errors, values: kept }, 422);
    const ctx = ctxOf(request);
    try {
      requireActive(chat);
      await postAgentMessage(ctx, ctx.userId, chat.id, form.data.body);
    } catch (error) {
      return chatRefusal(request, reply, error, 'message', kept);
    }
    return backTo(reply, chat.id, returnTo, 'sent');
  });

  app.post<IdParams>('/console/chats/:id/canned', agentsOnly, async (request, reply) => {
    const chat = await ownChat(request);
    const values = formValues(request.body);
    const returnTo = ReturnSchema.parse(values.return);
    const form = parseForm(CannedSchema, request.body);
    const ctx = ctxOf(request);
    const canned = await listCannedAnswers(ctx.db);
    const [id, lang] = form.ok ? form.data.canned.split(':') : [];
    const answer = canned.find((c) => c.id === id);
    if (!answer || (lang !== 'nl' && lang !== 'en')) {
      return renderChat(
        request,
        reply,
        chat,
        { form: 'canned', errors: { canned: 'console.canned.required' }, values },
        422,
      );
    }
    try {
      requireActive(chat);
      await postAgentMessage(ctx, ctx.userId, chat.id, answer.body[lang]);
    } catch (error) {
      return chatRefusal(request, reply, error, 'canned', values);
    }
    return backTo(reply, chat.id, returnTo, 'sent');
  });

  app.post<IdParams>('/console/chats/:id/end', agentsOnly, async (request, reply) => {
    const chat = await ownChat(request);
    const ctx = ctxOf(request);
    const returnTo = ReturnSchema.parse(formValues(request.body).return);
    try {
      requireActive(chat);
      await endChatByAgent(ctx, ctx.userId, chat.id);
    } catch (error) {
      return chatRefusal(request, reply, error, undefined, {});
    }
    return returnTo === 'console'
      ? reply.redirect('/console?done=ended', 303)
      : reply.redirect(chatPath(chat.id, 'ended'), 303);
  });

  app.post<IdParams>('/console/chats/:id/transfer', agentsOnly, async (request, reply) => {
    const chat = await ownChat(request);
    const ctx = ctxOf(request);
    const values = formValues(request.body);
    const form = parseForm(TransferSchema, request.body);
    if (!form.ok) {
      const errors: FieldErrors =
        values.to === 'topic'
          ? { topic: 'console.transfer.topic_required' }
          : { agent: 'console.transfer.agent_required' };
      return renderChat(request, reply, chat, { form: 'transfer', errors, values }, 422);
    }
    const to = form.data.to === 'agent' ? { agentId: form.data.agent } : { topicId: form.data.topic };
    if ('topicId' in to && to.topicId === chat.topicId) {
      return renderChat(
        request,
        reply,
        chat,
        { form: 'transfer', errors: { topic: 'console.transfer.same_topic' }, values },
        422,
      );
    }
    try {
      requireActive(chat);
      await transferChat(ctx, ctx.userId, chat.id, to);
    } catch (error) {
      if (error instanceof ChatError && (error.code === 'unknown_agent' || error.code === 'over_capacity')) {
        return renderChat(
          request,
          reply,
          chat,
          { form: 'transfer', errors: { agent: 'console.transfer.agent_busy' }, values },
          409,
        );
      }
      if (error instanceof ChatError && error.code === 'unknown_topic') {
        return renderChat(
          request,
          reply,
          chat,
          { form: 'transfer', errors: { topic: 'console.transfer.topic_required' }, values },
          422,
        );
      }
      return chatRefusal(request, reply, error, 'transfer', values);
    }
    // The chat is no longer this agent's: back to the console.
    return reply.redirect('/console?done=transferred', 303);
  });

  app.get<{ Params: { id: string; otherId: string } }>(
    '/console/chats/:id/earlier/:otherId',
    agentsOnly,
    async (request, reply) => {
      const chat = await ownChat(request);
      const ctx = ctxOf(request);
      if (chat.state !== 'active' || !isUuid(request.params.otherId)) throw new AppError('not_found');
      const earlier = await readEarlierConversation(ctx.db, chat.id, request.params.otherId);
      if (!earlier) throw new AppError('not_found');
      return sendPage(
        reply,
        <EarlierPage
          page={pageContext(request)}
          chatId={chat.id}
          conversation={earlier.conversation}
          messages={earlier.messages}
          topics={await listTopics(ctx.db)}
          visitorName={chat.visitorName}
        />,
      );
    },
  );

  app.post<IdParams>('/console/chats/:id/report', agentsOnly, async (request, reply) => {
    const chat = await ownChat(request);
    const ctx = ctxOf(request);
    const values = formValues(request.body);
    const showAgain = (errors: FieldErrors, refusal?: MessageKey) =>
      renderChat(request, reply, chat, { form: 'report', errors, values, refusal }, refusal ? 409 : 422);
    if (chat.state !== 'active')
      return chatRefusal(request, reply, new ChatError('not_open'), 'report', values);
    const form = parseForm(ReportSchema, request.body);
    if (!form.ok) return showAgain(form.errors);
    const data = form.data;
    if (data.mode === 'named' && chat.visitorName.trim() === '')
      return showAgain({ mode: 'console.report.named_needs_name' });
    if (data.email && ctx.config.smtpUrl === undefined)
      return showAgain({ email: 'console.report.email_invalid' });
    const once = formOnce(request.server);
    const scope = request.auth?.sessionIdHash ?? '';
    if (!once.claim(scope, data.form_id, ctx.now.getTime())) return showAgain({}, 'console.report.replayed');
    try {
      const created = await registerIntegrityReport(
        { ...ctx, log: (error) => request.log.error({ err: error }, 'could not queue the receipt mail') },
        { userId: ctx.userId },
        { id: chat.id, locale: chat.locale },
        {
          channelId: data.channel,
          text: data.text,
          mode: data.mode,
          visitorName: chat.visitorName,
          receiptEmail: data.email,
        },
      );
      // The receipt is in this answer only: never cached, never stored.
      reply.header('cache-control', 'no-store');
      return sendPage(
        reply,
        <ReceiptPage
          page={pageContext(request)}
          chatId={chat.id}
          reference={created.reference}
          receipt={created.receipt}
          mailedTo={created.receiptMailed ? data.email : null}
          followUpUrl={`${ctx.config.publicUrl}/report/follow-up`}
        />,
      );
    } catch (error) {
      once.release(scope, data.form_id);
      if (error instanceof AppError && error.code === 'validation_failed') {
        return showAgain({ channel: 'console.report.channel_unavailable' });
      }
      throw error;
    }
  });
}
