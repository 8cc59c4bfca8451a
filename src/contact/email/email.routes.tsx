import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { type FieldErrors, fieldValue, formValues, parseForm } from '../../platform/http/forms.js';
import { anonymousClientKey, RateLimiter } from '../../platform/http/rate-limit.js';
import { auditOrigin } from '../../platform/http/service-context.js';
import type { MessageKey } from '../../platform/ui/i18n/catalogue.js';
import { type PageContext, pageContext } from '../../platform/ui/page-context.js';
import { sendPage } from '../../platform/ui/render.js';
import { findTopic, listTopics } from '../topics.js';
import {
  answerEmail,
  countOpenEmail,
  type EmailAgent,
  type EmailContext,
  EmailError,
  findEmailThread,
  listEmailQueue,
  sendEmailQuestion,
  setEmailClosed,
} from './email.service.js';
import {
  EmailFormPage,
  type EmailFormValues,
  EmailQueuePage,
  EmailSentPage,
  EmailThreadPage,
} from './email.views.js';
import {
  AnswerSchema,
  EMAIL_FIELD,
  EMAIL_PATHS,
  EmailFormSchema,
  type EmailQueueFilter,
  normaliseText,
} from './email-form.js';

/** Questions one client may send per hour. */
export const EMAIL_SENDS_PER_CLIENT_PER_HOUR = 5;
/** Form posts (including ones with errors) per client per 10 minutes. */
export const EMAIL_FORM_POSTS_PER_CLIENT = 40;
/** Questions accepted per minute from everyone together (a flood ceiling). */
export const EMAIL_SENDS_PER_MINUTE = 30;
/**
 * Copies one address may receive per day, whoever sends the form: the copy carries the sender's
 * text to any address typed, so without this many clients together could mail-bomb one person.
 */
export const COPIES_PER_ADDRESS_PER_DAY = 5;
/** Keys the per-address throttle: a keyed hash, so not even this process's memory holds an address. */
const addressKeySecret = randomBytes(32);
function addressKey(email: string): string {
  return createHmac('sha256', addressKeySecret).update(email.trim().toLowerCase()).digest('base64url');
}

const done: Record<string, MessageKey> = {
  answered: 'email.answer.sent',
  closed: 'email.close.done',
  reopened: 'email.reopen.done',
};

/**
 * E-mail to 1700: the public form (`/contact/email`, anonymous: nothing about the client is
 * stored or logged; throttled per client by a keyed hash of its address prefix and by a global
 * ceiling; a honeypot) and the agents' e-mail queue and threads (`/console/email…`, role `agent`).
 */
export async function registerContactEmailRoutes(app: FastifyInstance): Promise<void> {
  const { config, clock } = app.deps;
  const ctx = (): EmailContext => ({ db: app.deps.database.db, now: clock.now(), config });
  const formThrottle = new RateLimiter({ limit: EMAIL_FORM_POSTS_PER_CLIENT, windowMs: 10 * 60_000 });
  const sendThrottle = new RateLimiter({ limit: EMAIL_SENDS_PER_CLIENT_PER_HOUR, windowMs: 60 * 60_000 });
  const sendCeiling = new RateLimiter({ limit: EMAIL_SENDS_PER_MINUTE, windowMs: 60_000 });
  const copyThrottle = new RateLimiter({ limit: COPIES_PER_ADDRESS_PER_DAY, windowMs: 24 * 60 * 60_000 });
  const publicRoute = { access: 'public', anonymous: true } as const;
  const agentRoute = { access: ['agent'] } as const;

  const formPage = async (
    reply: FastifyReply,
    page: PageContext,
    values: EmailFormValues,
    status: number,
    extra: { errors?: FieldErrors; warning?: string; honeypotRevealed?: boolean } = {},
  ) =>
    sendPage(
      reply,
      <EmailFormPage
        page={page}
        values={values}
        errors={extra.errors}
        warning={extra.warning}
        honeypotRevealed={extra.honeypotRevealed ?? false}
        topics={await listTopics(app.deps.database.db, { activeOnly: true })}
        retentionDays={config.contact.retentionDays}
      />,
      status,
    );

  app.get(EMAIL_PATHS.form, { config: publicRoute }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    // `?topic=<id>` preselects a topic (links from a topic's chat page).
    const topicId = typeof query.topic === 'string' ? query.topic.slice(0, 64) : '';
    return formPage(reply, pageContext(request), { name: '', email: '', topicId, question: '' }, 200);
  });

  app.post(EMAIL_PATHS.form, { config: publicRoute }, async (request, reply) => {
    const page = pageContext(request);
    const raw = formValues(request.body);
    const values: EmailFormValues = {
      name: fieldValue(raw, EMAIL_FIELD.name).slice(0, 1000),
      email: fieldValue(raw, EMAIL_FIELD.email).slice(0, 1000),
      topicId: fieldValue(raw, EMAIL_FIELD.topicId).slice(0, 64),
      question: normaliseText(fieldValue(raw, EMAIL_FIELD.question)).slice(0, 20_000),
    };
    const nowMs = clock.now().getTime();
    const client = anonymousClientKey(request.ip);
    const verdict = formThrottle.hit(client, nowMs);
    if (!verdict.allowed) {
      reply.header('retry-after', String(verdict.retryAfterSeconds));
      const minutes = Math.max(1, Math.ceil(verdict.retryAfterSeconds / 60));
      return formPage(reply, page, values, 429, { warning: page.t('email.form.throttled', { minutes }) });
    }
    const honeypot = raw[EMAIL_FIELD.honeypot];
    if (honeypot !== undefined && honeypot !== '') {
      return formPage(reply, page, values, 422, {
        errors: { [EMAIL_FIELD.honeypot]: 'email.error.honeypot' },
        honeypotRevealed: true,
      });
    }
    // Only strings count: arrays for a field are treated as missing, like any other bad shape.
    const parsed = parseForm(EmailFormSchema, {
      [EMAIL_FIELD.name]: typeof raw.name === 'string' ? raw.name : undefined,
      [EMAIL_FIELD.email]: typeof raw.email === 'string' ? raw.email : undefined,
      [EMAIL_FIELD.topicId]: typeof raw.topicId === 'string' ? raw.topicId : undefined,
      [EMAIL_FIELD.question]: typeof raw.question === 'string' ? raw.question : undefined,
    });
    const topic = parsed.ok ? await findTopic(app.deps.database.db, parsed.data.topicId) : undefined;
    const errors: Record<string, MessageKey> = parsed.ok ? {} : { ...parsed.errors };
    if (parsed.ok && !topic?.active) errors[EMAIL_FIELD.topicId] = 'email.error.topic_required';
    if (!parsed.ok || !topic?.active) {
      // In the order of the form, for the error summary.
      const order: string[] = [
        EMAIL_FIELD.name,
        EMAIL_FIELD.email,
        EMAIL_FIELD.topicId,
        EMAIL_FIELD.question,
      ];
      const ordered = Object.fromEntries(
        order.filter((f) => errors[f]).map((f) => [f, errors[f] as MessageKey]),
      );
      return formPage(reply, page, values, 422, { errors: ordered });
    }
    const send = sendThrottle.hit(client, nowMs);
    if (!send.allowed) {
      reply.header('retry-after', String(send.retryAfterSeconds));
      const minutes = Math.max(1, Math.ceil(send.retryAfterSeconds / 60));
      return formPage(reply, page, values, 429, { warning: page.t('email.form.throttled', { minutes }) });
    }
    if (!sendCeiling.hit('all', nowMs).allowed) {
      sendThrottle.refund(client, nowMs);
      reply.header('retry-after', '60');
      return formPage(reply, page, values, 503, { warning: page.t('email.form.busy') });
    }
    const copies = copyThrottle.hit(addressKey(parsed.data.email), nowMs);
    if (!copies.allowed) {
      sendThrottle.refund(client, nowMs);
      sendCeiling.refund('all', nowMs);
      reply.header('retry-after', String(copies.retryAfterSeconds));
      const minutes = Math.max(1, Math.ceil(copies.retryAfterSeconds / 60));
      return formPage(reply, page, values, 429, { warning: page.t('email.form.throttled', { minutes }) });
    }
    const { dueAt } = await sendEmailQuestion(ctx(), {
      name: parsed.data.name,
      email: parsed.data.email,
      topic,
      question: parsed.data.question,
      locale: page.locale,
    });
    // The answer page, not a redirect: it names the address, which must not sit in a URL or a cookie.
    return sendPage(reply, <EmailSentPage page={page} email={parsed.data.email} dueAt={dueAt} />);
  });

  // ---- agents

  app.get(EMAIL_PATHS.queue, { config: agentRoute }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const filter: EmailQueueFilter =
      (['open', 'answered', 'closed', 'all'] as const).find((f) => f === query.state) ?? 'open';
    const c = ctx();
    const [items, counts, topics] = await Promise.all([
      listEmailQueue(c, filter),
      countOpenEmail(c.db, c.now),
      listTopics(c.db),
    ]);
    return sendPage(
      reply,
      <EmailQueuePage
        page={pageContext(request)}
        items={items}
        filter={filter}
        counts={counts}
        topics={topics}
      />,
    );
  });

  const threadId = (request: FastifyRequest) => (request.params as { id: string }).id;

  async function threadPage(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { answer?: string; errors?: FieldErrors; done?: MessageKey } = {},
    status = 200,
  ) {
    const c = ctx();
    const thread = await findEmailThread(c, threadId(request));
    if (!thread) throw new AppError('not_found');
    return sendPage(
      reply,
      <EmailThreadPage
        page={pageContext(request)}
        thread={thread}
        topics={await listTopics(c.db)}
        answer={extra.answer ?? ''}
        errors={extra.errors}
        done={extra.done}
      />,
      status,
    );
  }

  app.get('/console/email/:id', { config: agentRoute }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    // Own keys only: `?done=constructor` must not find Object's prototype.
    const key =
      typeof query.done === 'string' && Object.hasOwn(done, query.done) ? done[query.done] : undefined;
    return threadPage(request, reply, key ? { done: key } : {});
  });

  const agentOf = (request: FastifyRequest): EmailAgent => {
    const auth = request.auth;
    if (!auth) throw new AppError('not_authenticated');
    return { userId: auth.userId, name: auth.name, origin: auditOrigin(request) };
  };

  const fail = (error: unknown) => {
    if (error instanceof EmailError && error.code === 'not_found') throw new AppError('not_found');
    throw error;
  };

  app.post('/console/email/:id/answer', { config: agentRoute }, async (request, reply) => {
    const id = threadId(request);
    const raw = formValues(request.body);
    const typed = normaliseText(fieldValue(raw, EMAIL_FIELD.answer)).slice(0, 40_000);
    const parsed = parseForm(AnswerSchema, {
      [EMAIL_FIELD.answer]: typeof raw.answer === 'string' ? raw.answer : undefined,
    });
    if (!parsed.ok) return threadPage(request, reply, { answer: typed, errors: parsed.errors }, 422);
    try {
      await answerEmail(ctx(), agentOf(request), id, parsed.data.answer);
    } catch (error) {
      if (error instanceof EmailError && error.code === 'closed') {
        return threadPage(
          request,
          reply,
          { answer: typed, errors: { [EMAIL_FIELD.answer]: 'email.answer.error_closed' } },
          409,
        );
      }
      return fail(error);
    }
    return reply.redirect(`${EMAIL_PATHS.thread(id)}?done=answered`, 303);
  });

  for (const [action, closed] of [
    ['close', true],
    ['reopen', false],
  ] as const) {
    app.post(`/console/email/:id/${action}`, { config: agentRoute }, async (request, reply) => {
      const id = threadId(request);
      try {
        await setEmailClosed(ctx(), agentOf(request), id, closed);
      } catch (error) {
        return fail(error);
      }
      return reply.redirect(`${EMAIL_PATHS.thread(id)}?done=${closed ? 'closed' : 'reopened'}`, 303);
    });
  }
}
