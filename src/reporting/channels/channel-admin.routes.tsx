import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { fieldErrorsOf, refusalOf } from '../../identity/admin-errors.js';
import { AppError } from '../../platform/errors.js';
import { type FieldErrors, formValues, parseForm } from '../../platform/http/forms.js';
import { serviceContext } from '../../platform/http/service-context.js';
import type { MessageKey } from '../../platform/ui/i18n/catalogue.js';
import { pageContext } from '../../platform/ui/page-context.js';
import { sendPage } from '../../platform/ui/render.js';
import type { Question } from '../questionnaire.js';
import {
  addCategory,
  CategoryFormSchema,
  ChannelFormSchema,
  createChannel,
  getCategory,
  getChannelPage,
  listChannels,
  MoveFormSchema,
  moveCategory,
  nextChannelPosition,
  RecipientsFormSchema,
  renameCategory,
  setCategoryActive,
  setRecipients,
  updateChannel,
} from './channel.service.js';
import {
  CategoryEditPage,
  ChannelListPage,
  type ChannelNotice,
  ChannelPage,
  type ChannelPageForm,
  channelNotices,
  type FormValues,
  NewChannelPage,
} from './channel-admin.views.js';
import {
  changeQuestionnaire,
  getQuestionnaire,
  getQuestionnaireHistory,
  getQuestionnaireVersion,
} from './questionnaire.service.js';
import {
  QuestionFormPage,
  type QuestionnaireNotice,
  QuestionnairePage,
  questionnaireNotices,
  RemoveQuestionPage,
  VersionHistoryPage,
  VersionPage,
} from './questionnaire.views.js';
import { BaseVersionSchema, parseQuestionForm, questionFormValues } from './questionnaire-edit.js';

const adminOnly = { config: { access: ['admin'] } } as const;

type IdParams = { Params: { id: string } };
type CategoryParams = { Params: { id: string; categoryId: string } };
type QuestionParams = { Params: { id: string; questionId: string } };
type VersionParams = { Params: { id: string; version: string } };

const ChannelQuerySchema = z.object({
  done: z
    .enum(Object.keys(channelNotices) as [ChannelNotice, ...ChannelNotice[]])
    .optional()
    .catch(undefined),
});
const QuestionnaireQuerySchema = z.object({
  done: z
    .enum(Object.keys(questionnaireNotices) as [QuestionnaireNotice, ...QuestionnaireNotice[]])
    .optional()
    .catch(undefined),
});
const MoveQuestionFormSchema = MoveFormSchema.extend({ baseVersion: BaseVersionSchema });
const RemoveQuestionFormSchema = z.object({ baseVersion: BaseVersionSchema });

function notice<T extends string>(
  schema: z.ZodType<{ done?: T | undefined }>,
  query: unknown,
): T | undefined {
  const parsed = schema.safeParse(query ?? {});
  return parsed.success ? parsed.data.done : undefined;
}

/**
 * Administration of reporting channels (`/admin/channels…`), admin only: the list, a channel's
 * fields, recipients and categories, and the questionnaire editor with its version history. All
 * pages work without JavaScript; every change is a POST that redirects (303) to a page with a
 * notice, or shows the form again with the problem (422 for input, 409 for a refusal).
 */
export function registerChannelAdminRoutes(app: FastifyInstance): void {
  app.get('/admin/channels', adminOnly, async (request, reply) => {
    const channels = await listChannels(serviceContext(request));
    return sendPage(reply, <ChannelListPage page={pageContext(request)} channels={channels} />);
  });

  app.get('/admin/channels/new', adminOnly, async (request, reply) => {
    const position = await nextChannelPosition(serviceContext(request));
    return sendPage(
      reply,
      <NewChannelPage
        page={pageContext(request)}
        values={{ audience: 'everyone', active: 'yes', position: String(position) }}
      />,
    );
  });

  app.post('/admin/channels/new', adminOnly, async (request, reply) => {
    const ctx = serviceContext(request);
    const showAgain = (errors: FieldErrors, values: FormValues) =>
      sendPage(reply, <NewChannelPage page={pageContext(request)} values={values} errors={errors} />, 422);
    const form = parseForm(ChannelFormSchema, request.body);
    if (!form.ok) return showAgain(form.errors, form.values);
    try {
      const channel = await createChannel(ctx, form.data);
      return reply.redirect(`/admin/channels/${channel.id}?done=created`, 303);
    } catch (error) {
      const errors = fieldErrorsOf(error);
      if (errors) return showAgain(errors, formValues(request.body));
      throw error;
    }
  });

  app.get<IdParams>('/admin/channels/:id', adminOnly, async (request, reply) => {
    const data = await getChannelPage(serviceContext(request), request.params.id);
    return sendPage(
      reply,
      <ChannelPage
        page={pageContext(request)}
        {...data}
        notice={notice(ChannelQuerySchema, request.query)}
      />,
    );
  });

  app.post<IdParams>('/admin/channels/:id', adminOnly, async (request, reply) => {
    const ctx = serviceContext(request);
    const id = request.params.id;
    await getChannelPage(ctx, id);
    const form = parseForm(ChannelFormSchema, request.body);
    if (!form.ok) return showChannelAgain(request, reply, id, 'details', form.errors, form.values);
    return runChannelAction(request, reply, id, 'details', 'updated', () =>
      updateChannel(ctx, id, form.data),
    );
  });

  app.post<IdParams>('/admin/channels/:id/recipients', adminOnly, async (request, reply) => {
    const ctx = serviceContext(request);
    const id = request.params.id;
    await getChannelPage(ctx, id);
    const form = parseForm(RecipientsFormSchema, request.body);
    if (!form.ok) return showChannelAgain(request, reply, id, 'recipients', form.errors, form.values);
    return runChannelAction(request, reply, id, 'recipients', 'recipients', async () => {
      const changed = await setRecipients(ctx, id, form.data.recipients);
      return changed.added.length + changed.removed.length > 0;
    });
  });

  app.post<IdParams>('/admin/channels/:id/categories', adminOnly, async (request, reply) => {
    const ctx = serviceContext(request);
    const id = request.params.id;
    await getChannelPage(ctx, id);
    const form = parseForm(CategoryFormSchema, request.body);
    if (!form.ok) return showChannelAgain(request, reply, id, 'category', form.errors, form.values);
    return runChannelAction(request, reply, id, 'category', 'categories', () =>
      addCategory(ctx, id, form.data),
    );
  });

  app.get<CategoryParams>('/admin/channels/:id/categories/:categoryId', adminOnly, async (request, reply) => {
    const ctx = serviceContext(request);
    const { id, categoryId } = request.params;
    const category = await getCategory(ctx, id, categoryId);
    const { channel } = await getChannelPage(ctx, id);
    return sendPage(
      reply,
      <CategoryEditPage page={pageContext(request)} channel={channel} category={category} />,
    );
  });

  app.post<CategoryParams>(
    '/admin/channels/:id/categories/:categoryId',
    adminOnly,
    async (request, reply) => {
      const ctx = serviceContext(request);
      const { id, categoryId } = request.params;
      const category = await getCategory(ctx, id, categoryId);
      const { channel } = await getChannelPage(ctx, id);
      const form = parseForm(CategoryFormSchema, request.body);
      if (!form.ok) {
        return sendPage(
          reply,
          <CategoryEditPage
            page={pageContext(request)}
            channel={channel}
            category={category}
            values={form.values}
            errors={form.errors}
          />,
          422,
        );
      }
      await renameCategory(ctx, id, categoryId, form.data);
      return reply.redirect(`/admin/channels/${id}?done=categories#categories`, 303);
    },
  );

  app.post<CategoryParams>(
    '/admin/channels/:id/categories/:categoryId/move',
    adminOnly,
    async (request, reply) => {
      const ctx = serviceContext(request);
      const { id, categoryId } = request.params;
      await getCategory(ctx, id, categoryId);
      const form = parseForm(MoveFormSchema, request.body);
      if (!form.ok) return showChannelAgain(request, reply, id, 'category', form.errors, {});
      await moveCategory(ctx, id, categoryId, form.data.direction);
      return reply.redirect(`/admin/channels/${id}?done=categories#categories`, 303);
    },
  );

  for (const [action, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post<CategoryParams>(
      `/admin/channels/:id/categories/:categoryId/${action}`,
      adminOnly,
      async (request, reply) => {
        const ctx = serviceContext(request);
        const { id, categoryId } = request.params;
        await setCategoryActive(ctx, id, categoryId, active);
        return reply.redirect(`/admin/channels/${id}?done=categories#categories`, 303);
      },
    );
  }

  // Pages shown after a refused form keep the form's address; a GET there (the language switch,
  // a reload) goes back to the page the form belongs to.
  const backToChannel = async (request: FastifyRequest<IdParams>, reply: FastifyReply) =>
    reply.redirect(`/admin/channels/${encodeURIComponent(request.params.id)}`, 303);
  app.get<IdParams>('/admin/channels/:id/recipients', adminOnly, backToChannel);
  app.get<IdParams>('/admin/channels/:id/categories', adminOnly, backToChannel);
  app.get<IdParams>('/admin/channels/:id/categories/:categoryId/:action', adminOnly, backToChannel);
  app.get<IdParams>(
    '/admin/channels/:id/questionnaire/questions/:questionId/move',
    adminOnly,
    async (request, reply) =>
      reply.redirect(`/admin/channels/${encodeURIComponent(request.params.id)}/questionnaire`, 303),
  );

  registerQuestionnaireRoutes(app);
}

/** Runs one change on a channel and redirects to its page with a notice; a field error shows the form again. */
async function runChannelAction(
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  form: ChannelPageForm,
  done: ChannelNotice,
  action: () => Promise<unknown>,
): Promise<FastifyReply> {
  let changed: unknown;
  try {
    changed = await action();
  } catch (error) {
    const errors = fieldErrorsOf(error);
    if (errors) return showChannelAgain(request, reply, id, form, errors, formValues(request.body));
    throw error;
  }
  const anchor = form === 'details' ? '' : form === 'recipients' ? '#recipients' : '#categories';
  return reply.redirect(`/admin/channels/${id}?done=${changed === false ? 'unchanged' : done}${anchor}`, 303);
}

async function showChannelAgain(
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  form: ChannelPageForm,
  errors: FieldErrors,
  values: FormValues,
): Promise<FastifyReply> {
  const data = await getChannelPage(serviceContext(request), id);
  return sendPage(
    reply,
    <ChannelPage page={pageContext(request)} {...data} problem={{ form, errors, values }} />,
    422,
  );
}

/** The question with this id in a list, if any (ids in the URL are checked against the list only). */
function findQuestion(questions: readonly Question[] | undefined, questionId: string): Question | undefined {
  return questions?.find((q) => q.id === questionId);
}

function registerQuestionnaireRoutes(app: FastifyInstance): void {
  const editorPath = (id: string) => `/admin/channels/${id}/questionnaire`;
  const published = (id: string, changed: boolean) =>
    `${editorPath(id)}?done=${changed ? 'published' : 'unchanged'}`;

  /** The editor again with a refusal (409) or a bad hidden field (422). */
  const showEditorAgain = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    refusal: MessageKey,
    status: 409 | 422,
  ) => {
    const { channel, current } = await getQuestionnaire(serviceContext(request), request.params.id);
    return sendPage(
      reply,
      <QuestionnairePage page={pageContext(request)} channel={channel} current={current} refusal={refusal} />,
      status,
    );
  };

  app.get<IdParams>('/admin/channels/:id/questionnaire', adminOnly, async (request, reply) => {
    const { channel, current } = await getQuestionnaire(serviceContext(request), request.params.id);
    return sendPage(
      reply,
      <QuestionnairePage
        page={pageContext(request)}
        channel={channel}
        current={current}
        notice={notice(QuestionnaireQuerySchema, request.query)}
      />,
    );
  });

  app.get<IdParams>('/admin/channels/:id/questionnaire/new', adminOnly, async (request, reply) => {
    const { channel, current } = await getQuestionnaire(serviceContext(request), request.params.id);
    return sendPage(
      reply,
      <QuestionFormPage
        page={pageContext(request)}
        channel={channel}
        values={{ baseVersion: String(current?.version ?? 0), required: 'no' }}
      />,
    );
  });

  app.post<IdParams>('/admin/channels/:id/questionnaire/new', adminOnly, async (request, reply) => {
    const ctx = serviceContext(request);
    const { channel } = await getQuestionnaire(ctx, request.params.id);
    const form = parseQuestionForm(request.body);
    if (!form.ok) {
      return sendPage(
        reply,
        <QuestionFormPage
          page={pageContext(request)}
          channel={channel}
          values={form.values}
          errors={form.errors}
        />,
        422,
      );
    }
    try {
      const result = await changeQuestionnaire(ctx, channel.id, form.baseVersion, {
        kind: 'add',
        draft: form.draft,
      });
      return reply.redirect(published(channel.id, result.changed), 303);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      // Shown again on the current version: saving now is a choice made knowing of the other change.
      const { current } = await getQuestionnaire(ctx, channel.id);
      return sendPage(
        reply,
        <QuestionFormPage
          page={pageContext(request)}
          channel={channel}
          values={{ ...formValues(request.body), baseVersion: String(current?.version ?? 0) }}
          refusal={refusal}
        />,
        409,
      );
    }
  });

  app.get<QuestionParams>(
    '/admin/channels/:id/questionnaire/questions/:questionId',
    adminOnly,
    async (request, reply) => {
      const { channel, current } = await getQuestionnaire(serviceContext(request), request.params.id);
      const question = findQuestion(current?.questions, request.params.questionId);
      if (!question || !current) throw new AppError('not_found');
      return sendPage(
        reply,
        <QuestionFormPage
          page={pageContext(request)}
          channel={channel}
          question={question}
          values={questionFormValues(question, current.version)}
        />,
      );
    },
  );

  app.post<QuestionParams>(
    '/admin/channels/:id/questionnaire/questions/:questionId',
    adminOnly,
    async (request, reply) => {
      const ctx = serviceContext(request);
      const { channel, current } = await getQuestionnaire(ctx, request.params.id);
      const question = findQuestion(current?.questions, request.params.questionId);
      if (!question)
        return showEditorAgain(request, reply, 'channels.questionnaire.error_question_gone', 409);
      const form = parseQuestionForm(request.body, question.type);
      if (!form.ok) {
        return sendPage(
          reply,
          <QuestionFormPage
            page={pageContext(request)}
            channel={channel}
            question={question}
            values={form.values}
            errors={form.errors}
          />,
          422,
        );
      }
      try {
        const result = await changeQuestionnaire(ctx, channel.id, form.baseVersion, {
          kind: 'edit',
          questionId: question.id,
          draft: form.draft,
        });
        return reply.redirect(published(channel.id, result.changed), 303);
      } catch (error) {
        const refusal = refusalOf(error);
        if (!refusal) throw error;
        const { current: now } = await getQuestionnaire(ctx, channel.id);
        return sendPage(
          reply,
          <QuestionFormPage
            page={pageContext(request)}
            channel={channel}
            question={question}
            values={{ ...formValues(request.body), baseVersion: String(now?.version ?? 0) }}
            refusal={refusal}
          />,
          409,
        );
      }
    },
  );

  app.post<QuestionParams>(
    '/admin/channels/:id/questionnaire/questions/:questionId/move',
    adminOnly,
    async (request, reply) => {
      const ctx = serviceContext(request);
      const { channel, current } = await getQuestionnaire(ctx, request.params.id);
      const question = findQuestion(current?.questions, request.params.questionId);
      if (!question)
        return showEditorAgain(request, reply, 'channels.questionnaire.error_question_gone', 409);
      const form = parseForm(MoveQuestionFormSchema, request.body);
      if (!form.ok) {
        const first = Object.values(form.errors)[0] ?? 'channels.questionnaire.error_base_version';
        return showEditorAgain(request, reply, first, 422);
      }
      try {
        const result = await changeQuestionnaire(ctx, channel.id, form.data.baseVersion, {
          kind: 'move',
          questionId: question.id,
          direction: form.data.direction,
        });
        return reply.redirect(published(channel.id, result.changed), 303);
      } catch (error) {
        const refusal = refusalOf(error);
        if (!refusal) throw error;
        return showEditorAgain(request, reply, refusal, 409);
      }
    },
  );

  app.get<QuestionParams>(
    '/admin/channels/:id/questionnaire/questions/:questionId/remove',
    adminOnly,
    async (request, reply) => {
      const { channel, current } = await getQuestionnaire(serviceContext(request), request.params.id);
      const question = findQuestion(current?.questions, request.params.questionId);
      if (!question || !current) throw new AppError('not_found');
      return sendPage(
        reply,
        <RemoveQuestionPage
          page={pageContext(request)}
          channel={channel}
          question={question}
          baseVersion={current.version}
        />,
      );
    },
  );

  app.post<QuestionParams>(
    '/admin/channels/:id/questionnaire/questions/:questionId/remove',
    adminOnly,
    async (request, reply) => {
      const ctx = serviceContext(request);
      const { channel, current } = await getQuestionnaire(ctx, request.params.id);
      const question = findQuestion(current?.questions, request.params.questionId);
      if (!question || !current) {
        return showEditorAgain(request, reply, 'channels.questionnaire.error_question_gone', 409);
      }
      const form = parseForm(RemoveQuestionFormSchema, request.body);
      const showAgain = (refusal: MessageKey, status: 409 | 422) =>
        sendPage(
          reply,
          <RemoveQuestionPage
            page={pageContext(request)}
            channel={channel}
            question={question}
            baseVersion={current.version}
            refusal={refusal}
          />,
          status,
        );
      if (!form.ok) return showAgain('channels.questionnaire.error_base_version', 422);
      try {
        const result = await changeQuestionnaire(ctx, channel.id, form.data.baseVersion, {
          kind: 'remove',
          questionId: question.id,
        });
        return reply.redirect(published(channel.id, result.changed), 303);
      } catch (error) {
        const refusal = refusalOf(error);
        if (!refusal) throw error;
        return showAgain(refusal, 409);
      }
    },
  );

  app.get<IdParams>('/admin/channels/:id/questionnaire/versions', adminOnly, async (request, reply) => {
    const { channel, versions } = await getQuestionnaireHistory(serviceContext(request), request.params.id);
    return sendPage(
      reply,
      <VersionHistoryPage page={pageContext(request)} channel={channel} versions={versions} />,
    );
  });

  app.get<VersionParams>(
    '/admin/channels/:id/questionnaire/versions/:version',
    adminOnly,
    async (request, reply) => {
      const found = await getQuestionnaireVersion(
        serviceContext(request),
        request.params.id,
        request.params.version,
      );
      return sendPage(reply, <VersionPage page={pageContext(request)} {...found} />);
    },
  );
}
