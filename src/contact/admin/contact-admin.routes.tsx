import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { formValues } from '../../platform/http/forms.js';
import { serviceContext } from '../../platform/http/service-context.js';
import { pageContext } from '../../platform/ui/page-context.js';
import { sendPage } from '../../platform/ui/render.js';
import { defaultOpeningHours } from '../opening-hours.js';
import { findTopic, listTopics } from '../topics.js';
import { findCannedAnswer, listCannedAnswers } from './canned-answers.js';
import {
  cannedAnswerValues,
  parseCannedAnswerForm,
  parseTopicForm,
  topicValues,
} from './contact-admin.forms.js';
import {
  removeCannedAnswer,
  requireContactAdmin,
  saveCannedAnswer,
  saveTopic,
} from './contact-admin.service.js';
import { AnswerFormPage, ContactAdminPage, TopicFormPage } from './contact-admin.views.js';

const adminOnly = { config: { access: ['admin'] } } as const;
type IdParams = { Params: { id: string } };

const NoticeQuerySchema = z.object({
  done: z.enum(['topic_saved', 'answer_saved', 'answer_deleted']).optional().catch(undefined),
});

/** The values of the form for a new topic: working days 9:00–19:00, closed on holidays, active. */
const newTopicValues = () =>
  topicValues({
    id: '',
    slug: '',
    nameNl: '',
    nameEn: '',
    openingHours: defaultOpeningHours,
    active: true,
    position: 0,
  });

/**
 * Administration of the contact channel (admins only): `/admin/contact` lists the topics (with
 * whether each is open now) and the canned answers; `/admin/contact/topics/new|:id` edits a
 * topic with its opening hours; `/admin/contact/answers/new|:id` a canned answer, and
 * `POST /admin/contact/answers/:id/delete` removes one. Every save is audited.
 */
export async function registerContactAdminRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.deps.database.db;

  app.get('/admin/contact', adminOnly, async (request, reply) => {
    const ctx = serviceContext(request);
    requireContactAdmin(ctx);
    const [topics, answers] = [await listTopics(ctx.db), await listCannedAnswers(ctx.db)];
    const query = NoticeQuerySchema.safeParse(request.query ?? {});
    return sendPage(
      reply,
      <ContactAdminPage
        page={pageContext(request)}
        topics={topics}
        answers={answers}
        now={ctx.now}
        notice={query.success ? query.data.done : undefined}
      />,
    );
  });

  // Topics.
  app.get('/admin/contact/topics/new', adminOnly, async (request, reply) =>
    sendPage(
      reply,
      <TopicFormPage
        page={pageContext(request)}
        topic={undefined}
        values={newTopicValues()}
        now={serviceContext(request).now}
      />,
    ),
  );

  app.get<IdParams>('/admin/contact/topics/:id', adminOnly, async (request, reply) => {
    const topic = await findTopic(db(), request.params.id);
    if (!topic) throw new AppError('not_found');
    return sendPage(
      reply,
      <TopicFormPage
        page={pageContext(request)}
        topic={topic}
        values={topicValues(topic)}
        now={serviceContext(request).now}
      />,
    );
  });

  async function postTopic(request: FastifyRequest, reply: FastifyReply, id: string | undefined) {
    const ctx = serviceContext(request);
    const topic = id === undefined ? undefined : await findTopic(ctx.db, id);
    if (id !== undefined && !topic) throw new AppError('not_found');
    const form = parseTopicForm(request.body);
    const page = pageContext(request);
    if (!form.ok) {
      return sendPage(
        reply,
        <TopicFormPage page={page} topic={topic} values={form.values} errors={form.errors} now={ctx.now} />,
        422,
      );
    }
    try {
      await saveTopic(ctx, id, form.data);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'conflict') throw error;
      return sendPage(
        reply,
        <TopicFormPage
          page={page}
          topic={topic}
          values={formValues(request.body)}
          errors={{ slug: 'contact_admin.topic.error_slug_taken' }}
          now={ctx.now}
        />,
        422,
      );
    }
    return reply.redirect('/admin/contact?done=topic_saved#topics', 303);
  }

  app.post('/admin/contact/topics/new', adminOnly, async (request, reply) =>
    postTopic(request, reply, undefined),
  );
  app.post<IdParams>('/admin/contact/topics/:id', adminOnly, async (request, reply) =>
    postTopic(request, reply, request.params.id),
  );

  // Canned answers.
  app.get('/admin/contact/answers/new', adminOnly, async (request, reply) =>
    sendPage(
      reply,
      <AnswerFormPage page={pageContext(request)} answerId={undefined} values={{ position: '0' }} />,
    ),
  );

  app.get<IdParams>('/admin/contact/answers/:id', adminOnly, async (request, reply) => {
    const answer = await findCannedAnswer(db(), request.params.id);
    if (!answer) throw new AppError('not_found');
    return sendPage(
      reply,
      <AnswerFormPage page={pageContext(request)} answerId={answer.id} values={cannedAnswerValues(answer)} />,
    );
  });

  async function postAnswer(request: FastifyRequest, reply: FastifyReply, id: string | undefined) {
    const ctx = serviceContext(request);
    if (id !== undefined && !(await findCannedAnswer(ctx.db, id))) throw new AppError('not_found');
    const form = parseCannedAnswerForm(request.body);
    if (!form.ok) {
      return sendPage(
        reply,
        <AnswerFormPage
          page={pageContext(request)}
          answerId={id}
          values={form.values}
          errors={form.errors}
        />,
        422,
      );
    }
    await saveCannedAnswer(ctx, id, form.data);
    return reply.redirect('/admin/contact?done=answer_saved#answers', 303);
  }

  app.post('/admin/contact/answers/new', adminOnly, async (request, reply) =>
    postAnswer(request, reply, undefined),
  );
  app.post<IdParams>('/admin/contact/answers/:id', adminOnly, async (request, reply) =>
    postAnswer(request, reply, request.params.id),
  );

  app.post<IdParams>('/admin/contact/answers/:id/delete', adminOnly, async (request, reply) => {
    await removeCannedAnswer(serviceContext(request), request.params.id);
    return reply.redirect('/admin/contact?done=answer_deleted#answers', 303);
  });

  // A refused form keeps its action's address; a GET there (reload, language switch) goes back.
  app.get<IdParams>('/admin/contact/answers/:id/delete', adminOnly, async (request, reply) =>
    reply.redirect(`/admin/contact/answers/${encodeURIComponent(request.params.id)}`, 303),
  );
}
